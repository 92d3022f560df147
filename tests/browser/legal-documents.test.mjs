// Purpose: the generated legal pages in real Chromium against serve.py (strict CSP): they
// load with no console error, CSP violation or script, their styles apply (SRI), every
// contents link lands on a section, the language switch opens the same document and
// version in the other language, the version history links older versions, axe-core
// finds no violation, and screenshots at 1280 and 390 px, light, dark and print are kept
// in build/screenshots/legal-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, startServer, openPage, screenshot } from './harness.mjs';

const AXE = readFileSync(path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function open(url, opts = {}) {
  const s = await openPage(server.origin, opts);
  if (opts.dark) await s.page.emulateMedia({ colorScheme: 'dark' });
  const response = await s.page.goto(server.origin + url);
  assert.equal(response.status(), 200, url);
  return s;
}

async function assertClean(s) {
  assert.deepEqual(s.issues.console, []);
  assert.deepEqual(s.issues.pageErrors, []);
  assert.deepEqual(s.issues.offOrigin, []);
  assert.deepEqual(await s.cspViolations(), []);
  assert.equal(await s.page.evaluate(() => document.scripts.length), 0, 'a legal page needs no script');
}

async function axe(page) {
  await page.evaluate(AXE);   // evaluated by the driver, not as an inline script: the CSP stays strict
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the operator index lists every document in both languages', { timeout: 60000 }, async () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'build', 'wasm-release', 'site', 'legal', 'astradia', 'manifest.json'), 'utf8'));
  for (const lang of ['en', 'ru']) {
    const s = await open(`/legal/astradia/${lang}/`);
    try {
      assert.equal(await s.page.getAttribute('html', 'lang'), lang);
      for (const doc of manifest.documents) {
        const link = s.page.locator(`a.doc-link[href="${doc.id}/"]`);
        assert.equal(await link.count(), 1, doc.id);
        assert.equal((await link.textContent()).trim(), doc.title[lang]);
      }
      await assertClean(s);
    } finally { await s.close(); }
  }
});

test('a document page: styled under the CSP, anchors, language switch, history', { timeout: 90000 }, async () => {
  const s = await open('/legal/astradia/en/privacy/');
  try {
    await assertClean(s);
    // The stylesheet applied (it is same-origin and checked with SRI).
    const bg = await s.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(246, 244, 239)');
    const maxWidth = await s.page.evaluate(() => document.querySelector('article p').getBoundingClientRect().width);
    assert.ok(maxWidth <= 42 * 17 + 1, `lines are too long: ${maxWidth}px`);

    // Every contents link points at a section that exists; following one targets it.
    const targets = await s.page.$$eval('#page-toc a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(targets.length >= 10);
    for (const t of targets) assert.equal(await s.page.locator(`section${t}`).count(), 1, t);
    await s.page.click('#page-toc a[href="#withdraw"]');
    assert.equal(await s.page.evaluate(() => location.hash), '#withdraw');
    assert.equal(await s.page.evaluate(() => document.querySelector(':target').id), 'withdraw');
    const sectionsEn = await s.page.$$eval('article section', (xs) => xs.map((x) => x.id));

    // The hash is shown and matches the manifest.
    const hash = (await s.page.textContent('code.hash')).trim();
    const manifest = await s.page.evaluate(() => fetch('/legal/astradia/manifest.json').then((r) => r.json()));
    const privacy = manifest.documents.find((d) => d.id === 'privacy');
    const current = privacy.versions.find((v) => v.version === privacy.current);
    assert.equal(hash, current.hash.en);

    // The language switch opens the same document in Russian, with the same sections.
    await s.page.click('nav.langs a[hreflang="ru"]');
    await s.page.waitForURL('**/legal/astradia/ru/privacy/');
    assert.equal(await s.page.getAttribute('html', 'lang'), 'ru');
    assert.deepEqual(await s.page.$$eval('article section', (xs) => xs.map((x) => x.id)), sectionsEn);
    assert.equal((await s.page.textContent('h1')).trim(), privacy.title.ru);

    // The version history opens the earlier version, which says it is not current.
    await s.page.click('#page-history a[href="../privacy/1.0/"], #page-history a[href="1.0/"]');
    await s.page.waitForURL('**/legal/astradia/ru/privacy/1.0/');
    assert.match(await s.page.textContent('.status'), /прежняя редакция/);
    await s.page.click('nav.langs a[hreflang="en"]');
    await s.page.waitForURL('**/legal/astradia/en/privacy/1.0/');
    assert.match(await s.page.textContent('.status'), /earlier version/);
    await assertClean(s);
  } finally { await s.close(); }
});

test('axe-core finds no violations (desktop light, phone dark, partner, index)', { timeout: 120000 }, async () => {
  for (const [url, opts] of [
    ['/legal/astradia/en/privacy/', { width: 1280, height: 800 }],
    ['/legal/astradia/ru/terms/', { width: 390, height: 844, scale: 2, touch: true, dark: true }],
    ['/legal/partner-demo/ru/user-agreement/', { width: 1280, height: 800, dark: true }],
    ['/legal/astradia/ru/sale/1.1/', { width: 390, height: 844 }],
    ['/legal/astradia/en/', { width: 1280, height: 800 }],
    ['/legal/', { width: 390, height: 844 }],
  ]) {
    const s = await open(url, opts);
    try {
      assert.deepEqual(await axe(s.page), [], `${url} ${JSON.stringify(opts)}`);
      await assertClean(s);
      if (url === '/legal/') {
        // axe is really looking: an image without a text alternative is reported.
        await s.page.evaluate(() => document.querySelector('main').append(document.createElement('img')));
        assert.ok((await axe(s.page)).some((v) => v.startsWith('image-alt')));
      }
    } finally { await s.close(); }
  }
});

test('screenshots: 1280 and 390 px, light and dark, and print', { timeout: 120000 }, async () => {
  const shots = [
    ['legal-privacy-en-1280.png', '/legal/astradia/en/privacy/', { width: 1280, height: 900 }],
    ['legal-privacy-en-1280-dark.png', '/legal/astradia/en/privacy/', { width: 1280, height: 900, dark: true }],
    ['legal-terms-ru-390.png', '/legal/astradia/ru/terms/', { width: 390, height: 844, scale: 2, touch: true }],
    ['legal-terms-ru-390-dark.png', '/legal/astradia/ru/terms/', { width: 390, height: 844, scale: 2, touch: true, dark: true }],
    ['legal-partner-agreement-en-1280.png', '/legal/partner-demo/en/user-agreement/', { width: 1280, height: 900 }],
  ];
  for (const [name, url, opts] of shots) {
    const s = await open(url, opts);
    try {
      const png = await screenshot(s.page, name);
      assert.equal(png.width, opts.width * (opts.scale || 1));
    } finally { await s.close(); }
  }
  // Print: no navigation, the text, its version, the hash and the source address.
  const s = await open('/legal/astradia/en/privacy/1.0/', { width: 800, height: 1100 });
  try {
    await s.page.emulateMedia({ media: 'print' });
    assert.equal(await s.page.isVisible('.topbar'), false);
    assert.equal(await s.page.isVisible('#page-toc'), false);
    assert.equal(await s.page.isVisible('code.hash'), true);
    assert.equal(await s.page.isVisible('.print-only'), true);
    assert.match(await s.page.textContent('.print-only'), /\/legal\/astradia\/en\/privacy\/1\.0\/$/);
    await screenshot(s.page, 'legal-privacy-en-print.png');
    const pdf = await s.page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 20000, 'the printed document is empty');
  } finally { await s.close(); }
});
