// The guichet agent's path in the back-office, in headless Chromium: sign in (a wrong password first), register a
// demand with a field error corrected, register the same applicant again and confirm the presumed duplicate with a
// justification, modify while another tab changes the same demand (the concurrent change explained, both kept), renew,
// radiate with the fields the reason requires (one missing first), search; an axe-core scan of each page.
// Environment: BACKOFFICE (the application's address), AGENT and MOT_DE_PASSE, SORTIE (screenshots), CHROMIUM.
import { lancer, pageSurveillee, accessible, verifier, ecrireBilan } from './outils.mjs';

const BACKOFFICE = process.env.BACKOFFICE;
const AGENT = process.env.AGENT;
const MOT_DE_PASSE = process.env.MOT_DE_PASSE;
// a family name of this run only (letters), so that the search finds this run's demands
const NOM = 'Le Bihan ' + [...String(Date.now()).slice(-6)].map(c => 'abcdefghij'[Number(c)]).join('');

const { navigateur, contexte } = await lancer();
const { page, erreurs: erreursJs } = await pageSurveillee(contexte);

/** Fills the CERFA form's mandatory fields for an applicant. */
async function remplir(p, nom, naissance) {
  await p.locator('#champ-demandeur-nom').fill(nom);
  await p.locator('#champ-demandeur-prenoms').fill('Camille');
  await p.locator('#champ-demandeur-dateNaissance').fill(naissance);
  await p.locator('#champ-demandeur-lieuNaissance').fill('Saint-Nazaire');
  await p.locator('#champ-demandeur-sexe').selectOption('F');
  await p.locator('#champ-demandeur-nationalite').fill('française');
  await p.locator('#champ-demandeur-situationProfessionnelle').selectOption('CDD');
  await p.locator('#champ-situationFamiliale').selectOption('CELIBATAIRE');
  await p.locator('#champ-contact-adresse').fill('12 quai de la Fosse');
  await p.locator('#champ-contact-codePostal').fill('44000');
  await p.locator('#champ-contact-ville').fill('Nantes');
  await p.locator('#champ-contact-telephone').fill('0611223344');
  await p.locator('#champ-ressources-0-beneficiaire').selectOption('DEMANDEUR');
  await p.locator('#champ-ressources-0-type').selectOption('SAL');
  await p.locator('#champ-ressources-0-montantMensuel').fill('1 320,50');
  await p.locator('#champ-revenuFiscal-anneeN2').fill('15800');
  await p.locator('#champ-logementActuel-statut').selectOption('HEBERGE_FAMILLE');
  await p.locator('#champ-logementActuel-nombreOccupants').fill('3');
  await p.locator('label', { hasText: 'Logement trop petit' }).first().click();
  await p.locator('label', { hasText: 'T2 (2 pièces)' }).first().click();
  await p.locator('#champ-logementRecherche-communes').fill('44109');
}

function numeroDe(url) {
  const m = url.match(/\/demandes\/([0-9A-Z]{18})/);
  verifier(m, `pas de numéro dans ${url}`);
  return m[1];
}

try {
  // a page of the application without a session leads to the sign-in page, then back to it
  await page.goto(`${BACKOFFICE}/demandes`);
  await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
  await accessible(page, 'bo-connexion');
  await page.getByLabel('Identifiant').fill(AGENT);
  await page.getByLabel('Mot de passe').fill('pas le bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  verifier((await page.locator('.fr-alert--error').textContent()).includes('Identifiant ou mot de passe incorrect'),
    'le mauvais mot de passe n\'est pas refusé');
  await accessible(page, 'bo-connexion-refusee');
  await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Rechercher une demande' }).waitFor();
  await accessible(page, 'bo-recherche-vide');

  // home: the counters of the agent's guichet
  await page.goto(`${BACKOFFICE}/`);
  await page.getByRole('heading', { name: 'Accueil' }).waitFor();
  const avant = await page.locator('.compteur').first().locator('.fr-tile__title').textContent();
  await accessible(page, 'bo-accueil');

  // register: a birth date in the future first, refused beside its field
  await page.getByRole('link', { name: 'Enregistrer une demande' }).first().click();
  await remplir(page, NOM, '2091-02-03');
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  verifier(await page.locator('#resume-erreurs').isVisible(), 'pas de résumé des erreurs');
  verifier((await page.locator('#champ-demandeur-dateNaissance').getAttribute('aria-invalid')) === 'true',
    'la date de naissance n\'est pas signalée à côté du champ');
  verifier((await page.locator('#resume-erreurs').textContent()).includes('Demandeur — date de naissance'),
    'le résumé ne nomme pas le champ par son libellé');
  verifier(await page.locator('#champ-contact-adresse').inputValue() === '12 quai de la Fosse',
    'la saisie est perdue après l\'erreur');
  await accessible(page, 'bo-enregistrement-erreur');
  await page.locator('#champ-demandeur-dateNaissance').fill('1990-02-03');
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await page.getByRole('heading', { name: /Demande n° / }).waitFor();
  const premier = numeroDe(page.url());
  verifier(premier.endsWith('G1104'), `numéro ${premier} hors du guichet de l'agent`);
  verifier((await page.locator('#statut').textContent()).includes('Active'), 'la demande n\'est pas active');
  await accessible(page, 'bo-dossier');
  console.log(`NUMERO ${premier}`);
  await page.getByRole('tab', { name: /Historique/ }).click();
  await accessible(page, 'bo-dossier-historique');

  // the same applicant again: a presumed duplicate, confirmed with a justification
  await page.goto(`${BACKOFFICE}/demandes/nouvelle`);
  await remplir(page, NOM.toUpperCase(), '1990-02-03');
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await page.locator('#doublons').waitFor();
  verifier((await page.locator('#doublons').textContent()).includes(premier), 'le doublon présumé n\'est pas montré');
  await accessible(page, 'bo-doublon');
  await page.getByLabel(/Justification/).fill('Homonyme : autre personne, née à Saint-Nazaire le même jour');
  await page.getByRole('button', { name: 'Confirmer et enregistrer' }).click();
  await page.getByRole('heading', { name: /Demande n° / }).waitFor();
  const second = numeroDe(page.url());
  verifier(second !== premier, 'le doublon confirmé n\'a pas de numéro propre');
  console.log(`DOUBLON ${second}`);

  // modify while another tab changes the same demand: the change is explained, both sides kept
  await page.goto(`${BACKOFFICE}/demandes/${premier}/modifier`);
  const autre = await contexte.newPage();
  await autre.goto(`${BACKOFFICE}/demandes/${premier}/modifier`);
  await autre.locator('#champ-contact-telephone').fill('0699887766');
  await autre.getByRole('button', { name: 'Enregistrer la modification' }).click();
  await autre.getByText('La modification est enregistrée.').waitFor();
  await autre.close();
  await page.locator('#champ-contact-email').fill('camille.lebihan@example.org');
  await page.getByRole('button', { name: 'Enregistrer la modification' }).click();
  await page.locator('#conflit').waitFor();
  verifier((await page.locator('#conflit').textContent()).includes('0699887766'),
    'le changement concurrent n\'est pas expliqué');
  verifier(await page.locator('#champ-contact-email').inputValue() === 'camille.lebihan@example.org',
    'la saisie de l\'agent est perdue');
  verifier(await page.locator('#champ-contact-telephone').inputValue() === '0699887766',
    'le changement de l\'autre onglet n\'est pas repris');
  await accessible(page, 'bo-modification-conflit');
  await page.getByRole('button', { name: 'Enregistrer la modification' }).click();
  await page.getByText('La modification est enregistrée.').waitFor();
  await page.getByRole('tab', { name: /Historique/ }).click();
  const historique = await page.locator('#panneau-historique').textContent();
  verifier(historique.includes('Adresse électronique') && historique.includes('camille.lebihan@example.org'),
    'la modification de l\'agent manque à l\'historique');
  verifier(historique.includes('Téléphone') && historique.includes('0699887766'),
    'la modification de l\'autre onglet manque à l\'historique');

  // renew
  await page.getByRole('button', { name: 'Renouveler pour un an' }).click();
  await page.getByText('La demande est renouvelée pour un an.').waitFor();

  // radiate the duplicate for attribution: the dwelling's fields are required, one missing first
  await page.goto(`${BACKOFFICE}/demandes/${second}/radier`);
  await accessible(page, 'bo-radiation');
  await page.locator('label', { hasText: 'Logement attribué' }).first().click();
  await page.getByLabel('Bailleur (code)').fill('HABITAT44');
  await page.getByRole('button', { name: 'Radier la demande' }).click();
  verifier(await page.locator('#resume-erreurs').isVisible(), 'l\'identifiant RPLS manquant n\'est pas signalé');
  await accessible(page, 'bo-radiation-erreur');
  await page.getByLabel('Identifiant RPLS du logement').fill('4410900012345');
  await page.getByLabel(/Réservataire/).fill('ETAT');
  await page.getByRole('button', { name: 'Radier la demande' }).click();
  await page.getByText('La demande est radiée.').waitFor();
  verifier((await page.locator('#statut').textContent()).includes('Radiée'), 'la demande n\'est pas radiée');
  verifier(await page.getByRole('button', { name: 'Renouveler pour un an' }).count() === 0,
    'une demande radiée pour attribution propose encore le renouvellement');

  // search: by name, the two demands; the counter of the day moved
  await page.goto(`${BACKOFFICE}/demandes`);
  await page.locator('#champ-nom').fill(NOM.toLowerCase());
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.locator('#resultats').waitFor();
  verifier((await page.locator('#resultats').textContent()).startsWith('2 demandes'), 'la recherche ne trouve pas les deux demandes');
  await accessible(page, 'bo-recherche');
  await page.goto(`${BACKOFFICE}/`);
  const apres = await page.locator('.compteur').first().locator('.fr-tile__title').textContent();
  verifier(Number(apres.trim()) === Number(avant.trim()) + 2, `compteur du jour ${avant} → ${apres}`);

  // sign out: the session is over
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByText('Vous êtes déconnecté.').waitFor();
  await page.goto(`${BACKOFFICE}/demandes/${premier}`);
  await page.getByRole('heading', { name: 'Se connecter' }).waitFor();

  verifier(erreursJs.length === 0, 'erreurs dans les pages : ' + erreursJs.join(' ; '));
  console.log('PARCOURS AGENT OK');
} finally {
  ecrireBilan('backoffice');
  await navigateur.close();
}
