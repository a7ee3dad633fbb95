// The gestionnaire's path in the back-office, in headless Chromium: sign in, send a departmental extract, watch the
// progress bar up to 100 %, download the rejects report; an axe-core scan of each page.
// Environment: BACKOFFICE, AGENT and MOT_DE_PASSE (a gestionnaire), EXTRAIT (the file to send), SORTIE, CHROMIUM.
import { lancer, pageSurveillee, seConnecter, accessible, verifier, ecrireBilan, sortie } from './outils.mjs';
import fs from 'node:fs';
import path from 'node:path';

const BACKOFFICE = process.env.BACKOFFICE;
const { navigateur, contexte } = await lancer();
const { page, erreurs: erreursJs } = await pageSurveillee(contexte);

try {
  await page.goto(`${BACKOFFICE}/imports`);
  await seConnecter(page, process.env.AGENT, process.env.MOT_DE_PASSE);
  await page.getByRole('heading', { name: 'Imports départementaux' }).waitFor();
  await accessible(page, 'bo-imports');

  // no file: told beside the field
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  verifier(await page.locator('#champ-fichier-erreur').isVisible(), 'l\'absence de fichier n\'est pas signalée');

  // the extract: its page follows the import
  await page.locator('#champ-fichier').setInputFiles(process.env.EXTRAIT);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.locator('#progression').waitFor();
  const vus = [];
  const fin = Date.now() + 180000;
  let scanne = false;
  while (Date.now() < fin) {
    const valeur = Number(await page.locator('#progression').getAttribute('value').catch(() => '0'));
    if (vus.length === 0 || vus[vus.length - 1] !== valeur) vus.push(valeur);
    if (!scanne && valeur > 0 && valeur < 100) {
      await accessible(page, 'bo-import-en-cours');
      scanne = true;
    }
    if (await page.locator('#bilan').count() > 0) break;
    await page.waitForTimeout(100);
  }
  console.log(`PROGRESSION ${vus.join(' ')}`);
  await page.locator('#bilan').waitFor();
  verifier(Number(await page.locator('#progression').getAttribute('value')) === 100, 'la barre n\'atteint pas 100 %');
  verifier((await page.locator('#progression-texte').textContent()).startsWith('100 %'), 'le texte ne dit pas 100 %');
  const bilan = await page.locator('#bilan').textContent();
  console.log(`BILAN ${bilan.replace(/\s+/g, ' ').trim()}`);
  verifier(bilan.includes('Import terminé'), `import non terminé : ${bilan}`);
  await accessible(page, 'bo-import-termine');

  // the rejects report
  const [telechargement] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', { name: /rapport des rejets/ }).click()]);
  const rapport = path.join(sortie, 'rejets.csv');
  await telechargement.saveAs(rapport);
  const lignes = fs.readFileSync(rapport, 'utf8').trim().split(/\r?\n/);
  console.log(`REJETS ${lignes.length - 1}`);

  await page.goto(`${BACKOFFICE}/imports`);
  verifier((await page.locator('table').textContent()).includes('Terminé'), 'l\'import n\'est pas dans la liste');

  // a landlord's dead letter: read, replayed (unreadable still, it comes back), discarded
  const lettre = async () => {
    const fin = Date.now() + 90000;
    while (Date.now() < fin) {
      await page.goto(`${BACKOFFICE}/erp`);
      const lien = page.locator('#lettres-mortes + div table tbody tr', { hasText: 'HABITAT44' }).first().locator('a');
      if (await lien.count() > 0) return lien;
      await page.waitForTimeout(1000);
    }
    throw new Error('aucune lettre morte de HABITAT44');
  };
  let lien = await lettre();
  await accessible(page, 'bo-erp');
  const premiere = await lien.textContent();
  await lien.click();
  await page.locator('#message-recu').waitFor();
  verifier((await page.locator('#message-recu').textContent()).includes(process.env.MARQUEUR), 'le message n\'est pas montré');
  verifier((await page.locator('#motif').textContent()).includes('MessageIllisible'), 'le motif n\'est pas dit');
  await accessible(page, 'bo-erp-lettre');
  await page.getByRole('button', { name: 'Rejouer' }).click();
  await page.getByText('La lettre morte est renvoyée dans sa file').waitFor();
  // processed again, still unreadable: dead-lettered again, under another id
  const finRejeu = Date.now() + 90000;
  while (Date.now() < finRejeu) {
    lien = await lettre();
    if ((await lien.textContent()) !== premiere) break;
    await page.waitForTimeout(1000);
  }
  verifier((await lien.textContent()) !== premiere, 'la lettre rejouée n\'est pas revenue');
  await lien.click();
  await page.locator('#message-recu').waitFor();
  await page.getByRole('button', { name: 'Supprimer' }).click();
  verifier((await page.locator('main').textContent()).includes('Suppression non confirmée'), 'supprimée sans confirmation');
  await page.goBack();
  await page.locator('label', { hasText: 'Je confirme la suppression définitive' }).click();
  await page.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByText('La lettre morte est supprimée.').waitFor();
  verifier(await page.locator('#lettres-mortes + div table tbody tr', { hasText: 'HABITAT44' }).count() === 0,
    'la lettre supprimée est encore là');

  // the audit trail, filtered: the replay is there, by this gestionnaire
  await page.getByRole('link', { name: 'Journal d\'audit' }).first().click();
  await page.locator('#champ-operation').fill('LETTRE_MORTE_REJEU');
  await page.locator('#champ-acteur').fill(process.env.AGENT);
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.locator('#resultats').waitFor();
  console.log(`AUDIT ${(await page.locator('#resultats').textContent()).trim()}`);
  verifier((await page.locator('table tbody').textContent()).includes('HABITAT44'), 'le rejeu n\'est pas au journal');
  await accessible(page, 'bo-audit');

  // accounts: a new guichet of the territory and its agent, whose password is shown once; then the agent disabled
  await page.getByRole('link', { name: 'Comptes' }).first().click();
  await page.getByRole('heading', { name: 'Organisations et comptes' }).waitFor();
  await accessible(page, 'bo-comptes');
  await page.locator('#champ-code').fill('MAIRIE-ORVAULT');
  await page.locator('#champ-nom').fill('Mairie d\'Orvault');
  await page.locator('#champ-type').selectOption('GUICHET');
  await page.locator('#champ-guichet').fill('G1106');
  await page.locator('#champ-territoires').fill('044');
  await page.getByRole('button', { name: 'Créer l\'organisation' }).click();
  await page.getByText('L\'organisation est créée.').waitFor();
  await page.locator('#champ-identifiant').fill('agent.orvault');
  await page.locator('#champ-nom').fill('Agent d\'Orvault');
  await page.locator('label', { hasText: 'Guichet' }).first().click();
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.locator('#mot-de-passe').waitFor();
  verifier((await page.locator('#mot-de-passe').textContent()).trim().length >= 12, 'mot de passe trop court');
  await accessible(page, 'bo-compte-cree');
  await page.getByRole('link', { name: 'Retour à l\'organisation' }).click();
  await page.getByRole('button', { name: 'Désactiver le compte agent.orvault' }).click();
  await page.getByText('Le compte est désactivé').waitFor();
  verifier((await page.locator('#utilisateurs').textContent()).includes('désactivé'), 'le compte n\'est pas désactivé');
  await accessible(page, 'bo-organisation');
  console.log('COMPTES OK');

  // territories: an EPCI defined (a malformed commune told first), granted to the new guichet; its directory entry
  await page.goto(`${BACKOFFICE}/territoires`);
  await page.getByRole('heading', { name: 'EPCI et territoires' }).waitFor();
  await page.locator('#champ-code').fill('244400404');
  await page.locator('#champ-nom').fill('Nantes Métropole');
  await page.locator('#champ-communes').fill('44109 44162 4414');
  await page.getByRole('button', { name: 'Enregistrer l\'EPCI' }).click();
  await page.locator('#champ-communes-erreur').waitFor();
  console.log(`ERREUR COMMUNES ${(await page.locator('#champ-communes-erreur').textContent()).trim()}`);
  await accessible(page, 'bo-territoires-erreur');
  await page.locator('#champ-communes').fill('44109, 44162, 44143');
  await page.getByRole('button', { name: 'Enregistrer l\'EPCI' }).click();
  await page.getByText('L\'EPCI est enregistré').waitFor();
  verifier((await page.locator('#table-epci').textContent()).includes('Nantes Métropole'), 'EPCI absent de la liste');
  await page.goto(`${BACKOFFICE}/comptes/MAIRIE-ORVAULT`);
  await page.locator('#champ-territoire').fill('244400404');
  await page.getByRole('button', { name: 'Accorder le territoire' }).click();
  await page.getByText('Le territoire est accordé').waitFor();
  const territoires = await page.locator('#liste-territoires').textContent();
  verifier(territoires.includes('EPCI Nantes Métropole (244400404)'), `territoires : ${territoires}`);
  await page.locator('#champ-adresse').fill('9 rue Alexandre Goupil, 44700 Orvault');
  await page.locator('#champ-horaires').fill('lundi-vendredi 8h30-12h30');
  await page.getByRole('button', { name: 'Enregistrer les coordonnées' }).click();
  await page.getByText('Les coordonnées du guichet sont enregistrées').waitFor();
  verifier((await page.locator('#champ-adresse').inputValue()) === '9 rue Alexandre Goupil, 44700 Orvault',
    'l\'adresse enregistrée n\'est pas relue');
  await accessible(page, 'bo-organisation-territoires');
  console.log('TERRITOIRES OK');

  // what runs once cluster-wide: the national synchronisation's state and the campaign's preview
  await page.getByRole('link', { name: 'Synchronisation et campagne' }).first().click();
  await page.locator('#en-attente').waitFor();
  await page.locator('#apercu').waitFor();
  await accessible(page, 'bo-exploitation');

  // today's renewal campaign: the preview announces the letters, the run is followed to 100 %
  const apercu = await page.locator('#apercu').textContent();
  console.log(`APERCU ${apercu.replace(/\s+/g, ' ').trim()}`);
  await page.getByRole('button', { name: 'Lancer la campagne du jour' }).click();
  verifier((await page.locator('main').textContent()).includes('Lancement non confirmé'), 'lancée sans confirmation');
  await page.goBack();
  await page.locator('label[for="confirmation-campagne"]').click();
  await page.getByRole('button', { name: 'Lancer la campagne du jour' }).click();
  await page.getByRole('heading', { name: 'Campagne de renouvellement du jour' }).waitFor();
  await page.locator('#bilan').waitFor({ timeout: 120000 });
  verifier(await page.locator('#progression').evaluate(p => p.value) === 100, 'la barre n\'est pas à 100 %');
  const bilanCampagne = (await page.locator('#bilan').textContent()).replace(/\s+/g, ' ').trim();
  console.log(`CAMPAGNE ${bilanCampagne}`);
  verifier(bilanCampagne.includes('Campagne terminée'), `bilan : ${bilanCampagne}`);
  await accessible(page, 'bo-campagne');

  // data quality: a target for the NIR in the 044, the imported guichet above it, its trend month by month
  await page.getByRole('link', { name: 'Qualité des données' }).first().click();
  await page.getByRole('heading', { name: 'Qualité des données', level: 1 }).waitFor();
  await page.locator('#champ-territoire').selectOption('044');
  await page.locator('#champ-indicateurCible').selectOption('NIR_ABSENT');
  await page.locator('#champ-cible').fill('5');
  await page.getByRole('button', { name: 'Enregistrer la cible' }).click();
  await page.getByText('La cible est enregistrée').waitFor();
  await page.locator('#champ-guichet').selectOption('G4401');
  await page.locator('#champ-indicateur').selectOption('NIR_ABSENT');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.locator('#graphique[data-pret="oui"]').waitFor();
  const nir = (await page.locator('#tableau-qualite tbody tr', { hasText: 'NIR absent' }).textContent())
    .replace(/\s+/g, ' ').trim();
  console.log(`QUALITE ${nir}`);
  verifier(nir.includes('au-dessus de la cible') && nir.includes('au plus 5 %'), `ligne du NIR : ${nir}`);
  const tendance = await page.locator('#tableau-tendance tbody tr').allTextContents();
  console.log(`TENDANCE ${tendance.map(t => t.replace(/\s+/g, ' ').trim()).join(' | ')}`);
  verifier(tendance.length === 3, `${tendance.length} mois au lieu de 3`);
  await accessible(page, 'bo-qualite');
  verifier(erreursJs.length === 0, 'erreurs dans les pages : ' + erreursJs.join(' ; '));
  console.log('PARCOURS GESTIONNAIRE OK');
} finally {
  ecrireBilan('backoffice-gestionnaire');
  await navigateur.close();
}
