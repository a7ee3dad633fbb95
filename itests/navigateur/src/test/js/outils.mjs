// Shared helpers of the browser tests: the machine's Chromium driven by playwright-core, an axe-core scan of each
// page (no serious or critical violation), screenshots kept with the test output, the test's mailbox.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export const sortie = process.env.SORTIE || 'target/navigateur';
fs.mkdirSync(sortie, { recursive: true });

export function chromiumDeLaMachine() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (p && fs.existsSync(p)) return p;
  }
  throw new Error('Chromium introuvable : installez le paquet Debian chromium (bash .ci/installer-outils.sh)');
}

export async function lancer() {
  const navigateur = await chromium.launch({ executablePath: chromiumDeLaMachine(), headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  // the pages forbid inline scripts (CSP): the test's axe-core injection is let through, the pages' policy is not
  // changed for anything else
  const contexte = await navigateur.newContext({ bypassCSP: true, locale: 'fr-FR', acceptDownloads: true,
    viewport: { width: 1280, height: 900 } });
  return { navigateur, contexte };
}

export const etapes = [];

/** Checks the page with axe-core (WCAG 2.1 A/AA rules): a serious or critical violation fails the test. */
export async function accessible(page, nom) {
  await page.addScriptTag({ path: AXE });
  const resultat = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const graves = resultat.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  await page.screenshot({ path: path.join(sortie, `${String(etapes.length + 1).padStart(2, '0')}-${nom}.png`),
    fullPage: true });
  etapes.push({ page: nom, url: page.url(), violations: resultat.violations.map(v => `${v.impact} ${v.id}`) });
  if (graves.length > 0) {
    throw new Error(`${nom} : violations d'accessibilité graves : ` + graves.map(v => `${v.id} (${v.impact}) : `
      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')).join(' ; '));
  }
  console.log(`ACCESSIBLE ${nom} (${resultat.violations.length} remarque(s) mineure(s))`);
}

/** The last e-mail the test's SMTP server received for this address, once it is there. */
export async function courriel(boite, adresse, motif, delaiMs = 30000) {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin) {
    const r = await fetch(`${boite}/courriels?a=${encodeURIComponent(adresse)}`);
    if (r.ok) {
      const textes = await r.json();
      for (let i = textes.length - 1; i >= 0; i--) {
        const m = textes[i].match(motif);
        if (m) return m;
      }
    }
    await new Promise(ok => setTimeout(ok, 250));
  }
  throw new Error(`aucun courriel pour ${adresse} ne contient ${motif}`);
}

export function verifier(condition, message) {
  if (!condition) throw new Error(message);
}

export function ecrireBilan(nom) {
  fs.writeFileSync(path.join(sortie, `${nom}.json`), JSON.stringify(etapes, null, 2));
}

/** Ticks a checkbox as a person does, by its label (the design system draws the box on the label). */
export async function cocher(page, libelle) {
  await page.locator('label', { hasText: libelle }).first().click();
  verifier(await page.getByLabel(libelle).first().isChecked(), `case « ${libelle} » non cochée`);
}

/**
 * A new page whose script errors and failed resources (a stylesheet, a script, a font...) are collected; a page
 * answered 400 with its form's errors is expected and not counted.
 */
export function pageSurveillee(contexte) {
  return contexte.newPage().then(page => {
    const erreurs = [];
    page.on('pageerror', e => erreurs.push(`${e.message} (${page.url()})`));
    page.on('response', r => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') erreurs.push(`${r.status()} ${r.url()}`);
    });
    return { page, erreurs };
  });
}

/** Signs in on the back-office's sign-in page the browser was sent to. */
export async function seConnecter(page, identifiant, motDePasse) {
  await page.getByLabel('Identifiant').fill(identifiant);
  await page.getByLabel('Mot de passe').fill(motDePasse);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
