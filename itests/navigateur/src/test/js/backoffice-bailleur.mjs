// The landlord's path in the back-office, in headless Chromium: declare a dwelling (a field error corrected), read its
// explained candidates, designate two of them (the missing reason for fewer than three told first), plan a commission
// with the dwelling, download its agenda and sheets in PDF, record its decisions (a non-attribution without its reason
// refused first), then read the follow-up in a candidate's dossier; an axe-core scan of each page.
// Environment: BACKOFFICE, AGENT and MOT_DE_PASSE (a landlord), RPLS (the dwelling to declare), SORTIE, CHROMIUM.
import { lancer, pageSurveillee, seConnecter, accessible, verifier, ecrireBilan, sortie } from './outils.mjs';
import fs from 'node:fs';
import path from 'node:path';

const BACKOFFICE = process.env.BACKOFFICE;
const RPLS = process.env.RPLS;
const { navigateur, contexte } = await lancer();
const { page, erreurs: erreursJs } = await pageSurveillee(contexte);

/** Downloads a link's file and checks it is a PDF. */
async function pdf(selecteur, nom) {
  const [telechargement] = await Promise.all([page.waitForEvent('download'), page.locator(selecteur).click()]);
  const fichier = path.join(sortie, nom);
  await telechargement.saveAs(fichier);
  const debut = fs.readFileSync(fichier).subarray(0, 5).toString('latin1');
  verifier(debut === '%PDF-', `${nom} n'est pas un PDF : ${debut}`);
  console.log(`PDF ${nom} ${fs.statSync(fichier).size} octets`);
}

try {
  await page.goto(`${BACKOFFICE}/`);
  await seConnecter(page, process.env.AGENT, process.env.MOT_DE_PASSE);
  await page.getByRole('heading', { name: 'Accueil' }).waitFor();
  const menu = await page.locator('#navigation').textContent();
  verifier(menu.includes('Logements offerts') && menu.includes('Commissions d\'attribution'),
    `menu du bailleur : ${menu}`);
  // its home counters: its dwellings by stage, its sessions planned
  const accueil = await page.locator('main').textContent();
  verifier(accueil.includes('Logements offerts sans candidat désigné') && accueil.includes('Commissions d\'attribution prévues'),
    `compteurs du bailleur : ${accueil}`);

  // declare a dwelling: the rent forgotten first, told beside its field, nothing written
  await page.getByRole('link', { name: 'Logements offerts' }).first().click();
  await page.getByRole('heading', { name: 'Logements offerts' }).waitFor();
  await accessible(page, 'bo-logements');
  await page.getByRole('link', { name: 'Déclarer un logement' }).click();
  await page.locator('#champ-identifiantRpls').fill(RPLS);
  await page.locator('#champ-adresse').fill('8 rue des Halles');
  await page.locator('#champ-commune').fill('44109');
  await page.locator('#champ-typologie').selectOption('T3');
  await page.locator('#champ-surface').fill('67,5');
  await page.locator('#champ-etage').fill('1');
  await page.locator('#champ-ascenseur').selectOption('non');
  await page.locator('#champ-accessibilite').selectOption('NON');
  await page.locator('#champ-charges').fill('65');
  await page.locator('#champ-financement').selectOption('PLUS');
  await page.locator('#champ-reservataire-type').selectOption('BAILLEUR');
  await page.locator('#champ-reservataire-organisation').fill('HABITAT44');
  await page.locator('#champ-dateDisponibilite').fill('2027-03-01');
  await page.getByRole('button', { name: 'Déclarer le logement' }).click();
  await page.locator('#champ-loyer-erreur').waitFor();
  console.log(`ERREUR LOYER ${(await page.locator('#champ-loyer-erreur').textContent()).trim()}`);
  await accessible(page, 'bo-logement-erreur');
  await page.locator('#champ-loyer').fill('455');
  await page.getByRole('button', { name: 'Déclarer le logement' }).click();
  await page.getByRole('heading', { name: `Logement ${RPLS}` }).waitFor();
  verifier((await page.locator('#statut-logement').textContent()).includes('Offert'), 'le logement n\'est pas offert');
  await accessible(page, 'bo-logement');

  // the ranked candidates, each explained criterion by criterion
  await page.getByRole('link', { name: 'Rechercher et désigner des candidats' }).click();
  await page.locator('#eligibles').waitFor();
  console.log(`ELIGIBLES ${(await page.locator('#eligibles').textContent()).trim()}`);
  const candidats = await page.locator('section.candidat').count();
  verifier(candidats >= 2, `${candidats} candidat(s) seulement`);
  await page.locator('section.candidat').first().locator('summary').click();
  const explication = await page.locator('section.candidat').first().locator('table').textContent();
  verifier(explication.includes('Commune souhaitée') && explication.includes('Taux d\'effort'),
    `explication incomplète : ${explication}`);
  await accessible(page, 'bo-candidats');

  // two candidates designated: without the reason for fewer than three, refused and told; then with it
  await page.locator('#champ-candidats-0-rang').selectOption('1');
  await page.locator('#champ-candidats-1-rang').selectOption('2');
  await page.getByRole('button', { name: 'Désigner les candidats choisis' }).click();
  await page.locator('#champ-motifMoinsDeTrois-erreur').waitFor();
  verifier((await page.locator('#champ-candidats-0-rang').inputValue()) === '1', 'le rang choisi est perdu');
  await accessible(page, 'bo-designation-erreur');
  await page.locator('#champ-motifMoinsDeTrois').selectOption('DEMANDE_INSUFFISANTE');
  await page.getByRole('button', { name: 'Désigner les candidats choisis' }).click();
  await page.getByRole('heading', { name: `Logement ${RPLS}` }).waitFor();
  const lignes = await page.locator('#table-candidatures tbody tr').allTextContents();
  verifier(lignes.length === 2, `candidatures : ${lignes}`);
  const numeros = await page.locator('#table-candidatures tbody tr td:nth-child(2)').allTextContents();
  console.log(`DESIGNES ${numeros.map(n => n.trim()).join(' ')}`);

  // a commission with this dwelling on its agenda
  await page.getByRole('link', { name: 'Inscrire à une commission' }).click();
  await page.getByRole('heading', { name: 'Commissions d\'attribution' }).waitFor();
  verifier(await page.locator(`#champ-logements-${RPLS}`).isChecked(), 'le logement n\'est pas coché');
  await accessible(page, 'bo-commissions');
  await page.locator('#champ-date').fill('2027-02-15');
  await page.locator('#champ-lieu').fill('Siège, salle du conseil');
  await page.getByRole('button', { name: 'Planifier la séance' }).click();
  await page.locator('#statut-commission').waitFor();
  const titre = await page.locator('h1').textContent();
  console.log(`COMMISSION ${titre.trim()}`);
  await accessible(page, 'bo-commission');
  await pdf('#pdf-ordre-du-jour', 'ordre-du-jour.pdf');
  await pdf('#pdf-fiches', 'fiches.pdf');

  // the decisions: a non-attribution without its reason refused, then recorded with it
  await page.locator('#champ-decisions-0-decision').selectOption('ATTRIBUTION');
  await page.locator('#champ-decisions-1-decision').selectOption('NON_ATTRIBUTION');
  await page.getByRole('button', { name: `Enregistrer les décisions pour ${RPLS}` }).click();
  await page.locator('#champ-decisions-1-motif-erreur').waitFor();
  verifier((await page.locator('#champ-decisions-0-decision').inputValue()) === 'ATTRIBUTION',
    'la décision saisie est perdue');
  await accessible(page, 'bo-decisions-erreur');
  await page.locator('#champ-decisions-1-motif').fill('Typologie inadaptée à la composition du ménage');
  await page.getByRole('button', { name: `Enregistrer les décisions pour ${RPLS}` }).click();
  await page.locator('.fr-alert--success').waitFor();
  verifier((await page.locator('#statut-commission').textContent()).includes('Tenue'), 'la commission n\'est pas tenue');
  console.log('DECISIONS ENREGISTREES');

  // the follow-up in the first candidate's dossier: proposed, then attributed
  await page.goto(`${BACKOFFICE}/demandes/${numeros[0].trim()}`);
  await page.locator('#onglet-suivi').click();
  const suivi = await page.locator('#panneau-suivi').textContent();
  verifier(suivi.includes('Proposition d\'un logement') && suivi.includes('Attribution') && suivi.includes(RPLS),
    `suivi : ${suivi}`);
  await accessible(page, 'bo-dossier-suivi');

  verifier(erreursJs.length === 0, 'erreurs dans les pages : ' + erreursJs.join(' ; '));
  console.log('PARCOURS BAILLEUR OK');
} finally {
  ecrireBilan('backoffice-bailleur');
  await navigateur.close();
}
