// The observateur's path in the back-office, in headless Chromium: the Infocentre's dashboard, the period changed
// (the chart and its table follow), the table exported as CSV, then the stock and flows by territory; an axe-core scan
// of each page. Environment: BACKOFFICE, AGENT and MOT_DE_PASSE (an observateur), SORTIE, CHROMIUM.
import { lancer, pageSurveillee, seConnecter, accessible, verifier, ecrireBilan, sortie } from './outils.mjs';
import fs from 'node:fs';
import path from 'node:path';

const BACKOFFICE = process.env.BACKOFFICE;
const { navigateur, contexte } = await lancer();
const { page, erreurs: erreursJs } = await pageSurveillee(contexte);

try {
  await page.goto(`${BACKOFFICE}/`);
  await seConnecter(page, process.env.AGENT, process.env.MOT_DE_PASSE);
  await page.getByRole('heading', { name: 'Accueil' }).waitFor();
  // an observateur reads no nominative data: no search, no registration in its menu
  const menu = await page.locator('#navigation').textContent();
  verifier(!menu.includes('Rechercher une demande') && !menu.includes('Enregistrer'), `menu de l'observateur : ${menu}`);
  // its home counters: the Infocentre's figures of its perimeter, never a demand
  const accueil = await page.locator('main').textContent();
  verifier(accueil.includes('Demandes en attente sur votre périmètre statistique'), `accueil : ${accueil}`);
  await accessible(page, 'bo-accueil-observateur');

  await page.getByRole('link', { name: 'Statistiques' }).first().click();
  await page.locator('#graphique[data-pret="oui"]').waitFor();
  const avant = await page.locator('#tableau-chiffres tbody tr').count();
  console.log(`MOIS PAR DEFAUT ${avant}`);
  await accessible(page, 'bo-statistiques');

  // the period changed: three months, the chart and the table follow
  await page.locator('#champ-debut').fill('2026-10-01');
  await page.locator('#champ-fin').fill('2026-12-31');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.locator('#graphique[data-pret="oui"]').waitFor();
  const lignes = await page.locator('#tableau-chiffres tbody th').allTextContents();
  console.log(`MOIS ${lignes.join(' | ')}`);
  verifier(lignes.join('|') === 'oct. 2026|nov. 2026|déc. 2026', `mois affichés : ${lignes}`);
  verifier((await page.locator('#titre-graphique').textContent()).includes('du 1 octobre 2026 au 31 décembre 2026'),
    'le titre ne dit pas la période');
  await page.screenshot({ path: path.join(sortie, 'graphique.png'), fullPage: true });

  // exported as CSV: the same months
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#exports a', { hasText: 'CSV' }).click()]);
  const fichier = path.join(sortie, 'series.csv');
  await csv.saveAs(fichier);
  const texte = fs.readFileSync(fichier, 'utf8');
  console.log(`EXPORT ${texte.trim().split(/\r?\n/).length} ligne(s) : ${texte.split(/\r?\n/)[0]}`);
  verifier(texte.includes('2026-10') && texte.includes('2026-12'), 'l\'export ne couvre pas la période');

  // the stock and flows by département, as bars
  await page.locator('#champ-tableau').selectOption('flux');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.locator('#graphique[data-pret="oui"]').waitFor();
  const territoires = await page.locator('#tableau-chiffres tbody th').allTextContents();
  console.log(`TERRITOIRES ${territoires.join(' | ')}`);
  await accessible(page, 'bo-statistiques-flux');

  // the pending demands broken down by the applicant's age, by département: bars, the modalities in words
  await page.locator('#champ-tableau').selectOption('repartition');
  await page.locator('#champ-dimension').selectOption('AGE');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.locator('#graphique[data-pret="oui"]').waitFor();
  const entetes = await page.locator('#tableau-chiffres thead th').allTextContents();
  console.log(`REPARTITION ${entetes.join(' | ')}`);
  verifier(entetes.includes('Moins de 25 ans') && entetes.includes('Total'), `colonnes : ${entetes}`);
  await accessible(page, 'bo-statistiques-repartition');

  // the attributions of the period and their délai, then the demands above the délai anormalement long
  for (const [tableau, colonne] of [['satisfaction', 'Délai moyen (mois)'], ['delais', 'Au-delà du délai']]) {
    await page.locator('#champ-tableau').selectOption(tableau);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.locator('#graphique[data-pret="oui"]').waitFor();
    const colonnes = await page.locator('#tableau-chiffres thead th').allTextContents();
    console.log(`TABLEAU ${tableau} : ${colonnes.join(' | ')}`);
    verifier(colonnes.includes(colonne), `colonnes de ${tableau} : ${colonnes}`);
    await accessible(page, `bo-statistiques-${tableau}`);
  }

  // the map of the pending demand by département: every outline drawn, the figures in the table beside it
  await page.locator('#lien-carte').click();
  await page.getByRole('heading', { name: 'Carte de la demande en attente' }).waitFor();
  const departements = await page.locator('#carte path').count();
  const premier = ((await page.locator('#tableau-carte tbody tr').allTextContents())[0] || '').replace(/\s+/g, ' ')
    .trim();
  console.log(`CARTE ${departements} départements ; ${premier}`);
  verifier(departements === 96, `${departements} contours`);
  await accessible(page, 'bo-carte');

  // a malformed date: told beside its field
  await page.goto(`${BACKOFFICE}/statistiques?debut=2026-13-01`);
  verifier(await page.locator('#champ-debut-erreur').isVisible(), 'la date fausse n\'est pas signalée');

  verifier(erreursJs.length === 0, 'erreurs dans les pages : ' + erreursJs.join(' ; '));
  console.log('PARCOURS OBSERVATEUR OK');
} finally {
  ecrireBilan('backoffice-observateur');
  await navigateur.close();
}
