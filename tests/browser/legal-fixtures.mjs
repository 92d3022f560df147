// Purpose: test roots for the legal widget's browser tests. Generates legal documents in
// docs/LEGAL-FORMATS.md's generated shape (manifest.json, per-language document JSON with
// the Markdown-body SHA-256, static pages) from tests/browser/fixtures/legal/*.json, and
// composes a served folder: a copy of the built site, the fixture documents for any site
// whose real generated documents are absent, the widget-test site, and the test pages of
// tests/browser/fixtures/pages with their {{sri:FILE}} placeholders filled.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, SITE } from './harness.mjs';

const FIXTURES = path.join(REPO, 'tests', 'browser', 'fixtures');
const COMMON = JSON.parse(readFileSync(path.join(FIXTURES, 'legal', 'common.json'), 'utf8'));
export const LANGS = ['en', 'ru'];

export const readSource = (site) => JSON.parse(readFileSync(path.join(FIXTURES, 'legal', site + '.json'), 'utf8'));

// The Markdown a document version's sections came from (what the contract hashes).
function inlineMd(items) {
  return items.map((it) => (typeof it == 'string' ? it : it.b ? `**${it.b}**` : it.i ? `*${it.i}*` : `[${it.a}](${it.href})`)).join('');
}
export function markdown(sections) {
  const out = [];
  for (const s of sections) {
    out.push(`## ${s.heading} {#${s.id}}`, '');
    for (const b of s.blocks) {
      if (b.p) out.push(inlineMd(b.p));
      else if (b.ul) out.push(...b.ul.map((li) => '- ' + inlineMd(li)));
      else if (b.ol) out.push(...b.ol.map((li, i) => `${i + 1}. ` + inlineMd(li)));
      out.push('');
    }
  }
  return out.join('\n');
}
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const today = () => new Date().toISOString().slice(0, 10);

function page(title, lang, body) {
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>${body}</body></html>\n`;
}

// Writes legal/<site>/… under root. `only` limits a document to versions up to a given one
// ({ privacy: '1.0' } pretends later versions do not exist yet).
export function writeLegalSite(root, source, { only = {} } = {}) {
  const site = source.site;
  const base = path.join(root, 'legal', site);
  rmSync(base, { recursive: true, force: true });
  const manifest = {
    site, generated_from: 'tests/browser/fixtures/legal/' + site + '.json', documents: [],
    purposes: COMMON.purposes, categories: COMMON.categories, purpose_text: COMMON.purpose_text,
    consent_days: source.consent_days,
  };
  for (const doc of source.documents) {
    const limit = only[doc.id];
    const versions = doc.versions.filter((v) => !limit || compare(v.version, limit) <= 0);
    const current = versions.find((v) => v.effective <= today());
    const entry = { id: doc.id, title: doc.title, current: current.version, versions: [] };
    for (const v of versions) {
      const out = { version: v.version, effective: v.effective, material: v.material, changes: v.changes, hash: {}, url: {}, page: {} };
      for (const lang of LANGS) {
        const hash = sha256(markdown(v.sections[lang]));
        const rel = `/legal/${site}/${lang}/${doc.id}/${v.version}`;
        out.hash[lang] = hash;
        out.url[lang] = rel + '.json';
        out.page[lang] = rel + '/';
        const json = { id: doc.id, version: v.version, language: lang, effective: v.effective, title: doc.title[lang], hash, sections: v.sections[lang] };
        mkdirSync(path.join(root, rel), { recursive: true });
        writeFileSync(path.join(root, rel + '.json'), JSON.stringify(json));
        const html = page(doc.title[lang], lang, `<h1>${doc.title[lang]}</h1><p>${v.version}</p><pre>${markdown(v.sections[lang]).replace(/</g, '&lt;')}</pre>`);
        writeFileSync(path.join(root, rel, 'index.html'), html);
        if (v === current) writeFileSync(path.join(root, 'legal', site, lang, doc.id, 'index.html'), html);
      }
      entry.versions.push(out);
    }
    manifest.documents.push(entry);
  }
  writeFileSync(path.join(base, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

function compare(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return Math.sign(x[0] - y[0] || x[1] - y[1]);
}

const sri = (file) => 'sha384-' + createHash('sha384').update(readFileSync(file)).digest('base64');

// A fresh served folder: { root, manifests, cleanup() }. Real generated documents win over
// fixtures; widget-test always comes from its fixture.
export function composeRoot() {
  if (!existsSync(path.join(SITE, 'widget', 'astradia-legal.js'))) throw new Error('build the site first (the widget is missing)');
  const root = mkdtempSync(path.join(tmpdir(), 'astradia-legal-root-'));
  cpSync(SITE, root, { recursive: true });
  const manifests = {};
  for (const site of ['astradia', 'partner-demo', 'widget-test']) {
    const real = path.join(root, 'legal', site, 'manifest.json');
    manifests[site] = site != 'widget-test' && existsSync(real)
      ? JSON.parse(readFileSync(real, 'utf8'))
      : writeLegalSite(root, readSource(site));
  }
  const pages = path.join(FIXTURES, 'pages');
  cpSync(pages, path.join(root, 'test'), { recursive: true });
  for (const name of readdirSync(path.join(root, 'test'), { recursive: true })) {
    if (!String(name).endsWith('.html')) continue;
    const file = path.join(root, 'test', String(name));
    const text = readFileSync(file, 'utf8').replace(/\{\{sri:([^}]+)\}\}/g, (_, f) => sri(path.join(path.dirname(file), f)));
    writeFileSync(file, text);
  }
  return { root, manifests, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

// --- helpers shared by the legal-*.test.mjs files ---------------------------------------------

// A composed root served by serve.py with its own receipts database: { origin, root, manifests, server, stop() }.
export async function startLegalServer(extraArgs = []) {
  const { startServer } = await import('./harness.mjs');
  const composed = composeRoot();
  const server = await startServer({ root: composed.root, extraArgs: ['--consent-db', path.join(composed.root, 'receipts.sqlite3'), ...extraArgs] });
  return {
    ...composed, server, origin: server.origin,
    async stop() { await server.stop(); composed.cleanup(); },
  };
}

// Waits until the widget shows the banner ('banner') or has settled on the button ('settled').
export async function widgetState(page, state, timeout = 10000) {
  await page.waitForFunction((s) => {
    const host = document.querySelector('astradia-legal');
    return host && host.dataset.state === s;
  }, state, { timeout });
}

export const readRecord = (page, key = 'widget-test.consent.v1') =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

// Ages the stored record: made on 10 January 2024, expired on 9 January 2025.
export const expireRecord = (page, key = 'widget-test.consent.v1') => page.evaluate((k) => {
  const r = JSON.parse(localStorage.getItem(k));
  r.time = '2024-01-10T08:00:00.000Z';
  r.expires = '2025-01-09T08:00:00.000Z';
  localStorage.setItem(k, JSON.stringify(r));
}, key);

// Resolves when every animation inside the widget has finished (for steady screenshots).
export const settleAnimations = (page) => page.evaluate(() => Promise.all(
  document.querySelector('astradia-legal').shadowRoot.getAnimations({ subtree: true }).map((a) => a.finished)));
