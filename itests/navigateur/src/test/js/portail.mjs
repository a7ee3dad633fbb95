// The applicant's path on the portal, in headless Chromium: sign up, confirm by the link received, file a demand with
// one field error corrected, download the attestation, modify, renew, sign out; an axe-core scan of each page.
// Environment: PORTAIL (the portal's address), BOITE (the test's mailbox), SORTIE (screenshots), CHROMIUM.
import { lancer, accessible, courriel, verifier, ecrireBilan, sortie, cocher } from './outils.mjs';
import fs from 'node:fs';
import path from 'node:path';

const PORTAIL = process.env.PORTAIL;
const BOITE = process.env.BOITE;
const EMAIL = process.env.EMAIL || 'amina.diallo@example.org';
const MOT_DE_PASSE = 'une phrase de passe assez longue';

const { navigateur, contexte } = await lancer();
const page = await contexte.newPage();
const erreursJs = [];
page.on('pageerror', e => erreursJs.push(`${e.message} (${page.url()})`));
// a page answered 400 with its form's errors is expected; a stylesheet, script, font or icon missing is not
page.on('response', r => { if (r.status() >= 400 && r.request().resourceType() !== 'document') erreursJs.push(`${r.status()} ${r.url()}`); });
try {
  // home
  await page.goto(`${PORTAIL}/`);
  verifier(await page.title() !== '', 'page sans titre');
  await accessible(page, 'accueil');

  // the local information of a commune and its guichets, public
  await page.getByRole('link', { name: 'Le logement social dans votre commune' }).click();
  await page.locator('#champ-commune').fill('44109');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.getByRole('heading', { name: /44109 — Nantes/ }).waitFor();
  verifier((await page.locator('main').textContent()).includes('56\u00a0120 (2025)'),
    'le nombre de logements sociaux de Nantes n\'est pas affiché');
  await accessible(page, 'informations-locales');
  await page.goto(`${PORTAIL}/guichets?commune=44109`);
  await accessible(page, 'guichets');
  await page.goto(`${PORTAIL}/`);

  // sign up: a password too short first, told beside the field
  await page.getByRole('link', { name: 'Créer un compte' }).first().click();
  await page.getByLabel('Adresse électronique').fill(EMAIL);
  await page.getByLabel('Mot de passe', { exact: false }).first().fill('court');
  await page.getByLabel('Confirmation du mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  verifier(await page.locator('#resume-erreurs').isVisible(), 'pas de résumé des erreurs');
  verifier((await page.locator('#champ-motDePasse').getAttribute('aria-invalid')) === 'true',
    'le champ du mot de passe n\'est pas signalé');
  await accessible(page, 'inscription-erreur');
  await page.locator('#champ-motDePasse').fill(MOT_DE_PASSE);
  await page.locator('#champ-motDePasseConfirmation').fill(MOT_DE_PASSE);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByRole('heading', { name: 'Vérifiez votre messagerie' }).waitFor();
  await accessible(page, 'inscription-envoyee');

  // the link of the e-mail
  const lien = await courriel(BOITE, EMAIL, /(https?:\/\/\S+\/confirmer\?jeton=[A-Za-z0-9_-]{43})/);
  // the link names the portal's public address (lien.base); the test's hub listens on a port of its own
  await page.goto(`${PORTAIL}/confirmer${new URL(lien[1]).search}`);
  await accessible(page, 'confirmer');
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await page.getByRole('heading', { name: 'Mes demandes' }).waitFor();
  await accessible(page, 'mes-demandes-vide');

  // a first demand, in steps
  await page.getByRole('link', { name: /Déposer une demande/ }).click();
  // step 1: the birth date in the future, corrected after the error
  await page.locator('#champ-demandeur-nom').fill('Diallo');
  await page.locator('#champ-demandeur-prenoms').fill('Amina');
  await page.locator('#champ-demandeur-dateNaissance').fill('2090-05-04');
  await page.locator('#champ-demandeur-lieuNaissance').fill('Nantes');
  await page.locator('#champ-demandeur-sexe').selectOption('F');
  await page.locator('#champ-demandeur-nationalite').fill('française');
  await page.locator('#champ-demandeur-situationProfessionnelle').selectOption('CDI');
  await page.locator('#champ-situationFamiliale').selectOption('CELIBATAIRE');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  verifier(await page.locator('#resume-erreurs').isVisible(), 'la date de naissance future n\'est pas refusée');
  verifier((await page.locator('#champ-demandeur-dateNaissance').getAttribute('aria-invalid')) === 'true',
    'la date de naissance n\'est pas signalée à côté du champ');
  await accessible(page, 'demande-etape1-erreur');
  await page.locator('#champ-demandeur-dateNaissance').fill('1991-05-04');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  // step 2
  await page.locator('#champ-contact-adresse').waitFor();
  await accessible(page, 'demande-etape2');
  await page.locator('#champ-contact-adresse').fill('3 rue de la Paix');
  await page.locator('#champ-contact-codePostal').fill('44000');
  await page.locator('#champ-contact-ville').fill('Nantes');
  await page.locator('#champ-contact-telephone').fill('0612345678');
  await page.locator('#champ-contact-email').fill(EMAIL);
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  // step 3: one child
  await page.locator('#champ-personnesACharge-0-nom').waitFor();
  await accessible(page, 'demande-etape3');
  await page.locator('#champ-personnesACharge-0-nom').fill('Diallo');
  await page.locator('#champ-personnesACharge-0-prenoms').fill('Moussa');
  await page.locator('#champ-personnesACharge-0-dateNaissance').fill('2018-03-02');
  await page.locator('#champ-personnesACharge-0-sexe').selectOption('M');
  await page.locator('#champ-personnesACharge-0-lien').selectOption('ENFANT');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  // step 4
  await page.locator('#champ-ressources-0-montantMensuel').waitFor();
  await accessible(page, 'demande-etape4');
  await page.locator('#champ-ressources-0-beneficiaire').selectOption('DEMANDEUR');
  await page.locator('#champ-ressources-0-type').selectOption('SAL');
  await page.locator('#champ-ressources-0-montantMensuel').fill('1 450,80');
  await page.locator('#champ-revenuFiscal-anneeN2').fill('17400');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  // step 5
  await page.locator('#champ-logementActuel-statut').waitFor();
  await accessible(page, 'demande-etape5');
  await page.locator('#champ-logementActuel-statut').selectOption('LOCATAIRE_PRIVE');
  await page.locator('#champ-logementActuel-loyer').fill('690');
  await page.locator('#champ-logementActuel-nombreOccupants').fill('2');
  await cocher(page, 'Logement trop cher');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  // step 6
  await page.locator('#champ-logementRecherche-communes').waitFor();
  await accessible(page, 'demande-etape6');
  await cocher(page, 'T2 (2 pièces)');
  await cocher(page, 'T3 (3 pièces)');
  await page.locator('#champ-logementRecherche-communes').fill('44109, 44162');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  // step 7: the summary, then the filing
  await page.getByRole('button', { name: 'Envoyer ma demande' }).waitFor();
  await accessible(page, 'demande-etape7');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.getByText('Votre demande est enregistrée sous le numéro unique').waitFor();
  const numero = (await page.locator('h1').textContent()).match(/[0-9]{2}[0-9AB][0-9]{10}GDPUB/)[0];
  console.log(`NUMERO ${numero}`);
  await accessible(page, 'demande-deposee');

  // the attestation, downloaded
  const [telechargement] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', { name: /Télécharger l'attestation/ }).click()]);
  const pdf = path.join(sortie, `attestation-${numero}.pdf`);
  await telechargement.saveAs(pdf);
  verifier(fs.readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 'l\'attestation n\'est pas un PDF');
  console.log(`ATTESTATION ${fs.statSync(pdf).size} octets`);
  // and by e-mail
  await courriel(BOITE, EMAIL, new RegExp(`enregistrée sous le numéro unique ${numero}`));

  // modify: a new phone number
  await page.getByRole('link', { name: 'Modifier ma demande' }).click();
  await accessible(page, 'modifier');
  await page.locator('#champ-contact-telephone').fill('0698765432');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByText('Vos modifications sont enregistrées.').waitFor();

  // the dossier unique: a file that lies about its type is refused beside the field, then a real PDF enters
  await page.getByRole('link', { name: 'Mes pièces justificatives' }).click();
  await accessible(page, 'pieces-vide');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await page.locator('#champ-categorie').selectOption('AVIS_IMPOSITION');
  await page.locator('#champ-fichier').setInputFiles({ name: 'avis-2025.pdf', mimeType: 'application/pdf',
    buffer: png });
  await page.getByRole('button', { name: 'Déposer la pièce' }).click();
  verifier((await page.locator('#champ-fichier').getAttribute('aria-invalid')) === 'true',
    'le fichier qui ment sur son type n\'est pas refusé à côté du champ');
  verifier((await page.locator('#champ-fichier-erreur').textContent()).includes('son contenu est PNG'),
    'le refus ne dit pas pourquoi');
  await accessible(page, 'pieces-refus');
  const avis = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n'
    + '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n'
    + '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n'
    + 'trailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
  fs.writeFileSync(path.join(sortie, 'piece-deposee.pdf'), avis);
  await page.locator('#champ-categorie').selectOption('AVIS_IMPOSITION');
  await page.locator('#champ-fichier').setInputFiles({ name: 'avis-2025.pdf', mimeType: 'application/pdf',
    buffer: avis });
  await page.getByRole('button', { name: 'Déposer la pièce' }).click();
  await page.getByText('Votre pièce est déposée').waitFor();
  verifier(await page.getByRole('link', { name: 'avis-2025.pdf' }).isVisible(), 'la pièce n\'est pas listée');
  await accessible(page, 'pieces');
  console.log('PIECE deposee');
  await page.getByRole('link', { name: 'Retour à la demande' }).click();

  // renew
  await page.getByRole('button', { name: 'Renouveler ma demande' }).click();
  await page.getByText(/Votre demande est renouvelée jusqu'au/).waitFor();
  await accessible(page, 'renouvelee');
  const etapesHistorique = await page.locator('table tbody tr').count();
  verifier(etapesHistorique === 3, `historique : ${etapesHistorique} lignes au lieu de 3`);

  // sign out: the space is closed
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByText('Vous êtes déconnecté.').waitFor();
  await page.goto(`${PORTAIL}/mes-demandes`);
  verifier(page.url().endsWith('/connexion'), `après la déconnexion, ${page.url()} au lieu de la connexion`);
  await accessible(page, 'connexion');
  verifier(erreursJs.length === 0, 'erreurs JavaScript : ' + erreursJs.join(' ; '));
  console.log('PARCOURS OK');
} catch (e) {
  await page.screenshot({ path: path.join(sortie, 'echec.png'), fullPage: true }).catch(() => {});
  fs.writeFileSync(path.join(sortie, 'echec.html'), await page.content().catch(() => ''));
  console.error(`ECHEC ${e.message.split("\n")[0]} (page ${page.url()})`);
  process.exitCode = 1;
} finally {
  ecrireBilan('portail');
  await navigateur.close();
}
