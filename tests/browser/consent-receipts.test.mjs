// Purpose: a visitor's access to and erasure of their consent receipts (issue 20, part 3), from the
// game's start screen at phone (390x844, DPR 3, touch) and desktop size in English, and on the phone
// in Russian: "Accept all" in the banner, "Privacy choices" from the start screen (the hook's target,
// as the app opens them), "Download my receipts" (a JSON file with this browser's receipts, fetched
// with the record's secret), "Erase my receipts" after its confirmation (a server that cannot answer
// is said so; then the server's answer is shown, the browser forgets the record and its secret, and
// the secret opens nothing any more); then a new record gets a new secret, which "Delete my data"
// removes. axe finds nothing in the dialog; no CSP violation, no request off the origin; screenshots
// in build/screenshots/consent-receipts-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, openPage, loadApp, clickTarget, screenshot } from './harness.mjs';
import { widgetState, settleAnimations } from './legal-fixtures.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PHONE = { name: 'phone', width: 390, height: 844, scale: 3, touch: true };
const DESKTOP = { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false };
// What the visitor reads and taps, in each language the widget speaks.
const SAYS = {
  en: { busy: 'Our server could not answer now. Please try again later.', accept: 'Accept all', reject: 'Reject all', get: 'Download my receipts', erase: 'Erase my receipts', got: 'downloaded',
    none: 'We hold no receipts for this record (they may have been erased already).',
    erased: /^Receipts erased: 0\. Receipts of consent you gave that we keep until .+ 20\d\d, as the evidence the law requires, no longer linked to this browser: 1\.$/ },
  ru: { busy: 'Наш сервер сейчас не смог ответить. Попробуйте позже.', accept: 'Принять все', reject: 'Отклонить все', get: 'Скачать мои подтверждения', erase: 'Удалить мои подтверждения', got: 'скачаны',
    none: 'У нас нет подтверждений для этой записи (возможно, они уже удалены).',
    erased: /^Удалено подтверждений: 0\. Подтверждений данного вами согласия, которые мы храним до .+ 20\d\d г\. как требуемое законом доказательство, уже без связи с этим браузером: 1\.$/ },
};
const CASES = [[PHONE, 'en'], [DESKTOP, 'en'], [PHONE, 'ru']];
const RECORD = 'astradia.consent.v1', SECRET = 'astradia.consent.secret.v1';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const axe = (page) => page.evaluate(async (tags) => {
  const r = await window.axe.run({ include: [['astradia-legal']] }, { runOnly: { type: 'tag', values: tags } });
  return r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(' '));
}, TAGS);
const stored = (page) => page.evaluate(([r, s]) => ({ record: JSON.parse(localStorage.getItem(r)), secret: localStorage.getItem(s) }), [RECORD, SECRET]);
// The server's answer to GET /api/consent/<id> with a secret, from the page (same origin).
const access = (page, id, secret) => page.evaluate(async ([i, s]) => {
  const r = await fetch('/api/consent/' + i, { headers: { 'X-Consent-Secret': s }, cache: 'no-store' });
  return { status: r.status, body: await r.json() };
}, [id, secret]);
const tap = (s, size, selector) => (size.touch ? s.page.tap(selector) : s.page.click(selector));

for (const [size, lang] of CASES) {
  test(`${size.name}, ${lang}: download and erase my receipts from "Privacy choices"`, { timeout: 120000 }, async () => {
    const s = await openPage(server.origin, size);
    const say = SAYS[lang], shot = `consent-receipts-${size.name}-${lang}`;
    try {
      await s.context.addInitScript({ content: AXE });
      // the widget speaks the page's language: the game page with another lang attribute
      await s.page.route(server.origin + '/', async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace('<html lang="en"', `<html lang="${lang}"`);
        await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-encoding': 'identity' } });
      });
      await loadApp(s, server.origin, '/', { consent: 'none' });
      await widgetState(s.page, 'banner');
      await tap(s, size, `.banner button:text-is("${say.accept}")`);
      await widgetState(s.page, 'settled');
      const { record, secret } = await stored(s.page);
      assert.match(record.id, /^c-[0-9a-f]{32}$/);
      assert.match(secret, /^[0-9a-f]{64}$/, 'a secret beside the record');
      // the receipt (a beacon) reaches the server and binds the id to the secret's proof
      let answer;
      for (let i = 0; i < 50 && (!answer || answer.status !== 200); i++) {
        answer = await access(s.page, record.id, secret);
        if (answer.status !== 200) await s.page.waitForTimeout(100);
      }
      assert.equal(answer.status, 200, 'the receipt arrived: ' + JSON.stringify(answer));
      assert.equal((await access(s.page, record.id, 'f'.repeat(64))).status, 404, 'another secret opens nothing');

      await clickTarget(s.page, 'Privacy choices', { touch: size.touch });
      await s.page.waitForSelector('dialog.prefs[open] .rec');
      await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.querySelector('.rec').scrollIntoView());
      await settleAnimations(s.page);
      await screenshot(s.page, `${shot}-record.png`);
      assert.deepEqual(await axe(s.page), []);

      // Download my receipts: a JSON file of this record's receipts
      const [download] = await Promise.all([s.page.waitForEvent('download'), tap(s, size, `.rec button:text-is("${say.get}")`)]);
      assert.equal(download.suggestedFilename(), `consent-receipts-${record.id}.json`);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(file.record_id, record.id);
      assert.deepEqual(file.receipts.map((r) => [r.seq, r.event, r.choices.statistics, r.choices.ads]), [[1, 'given', true, true]]);
      await s.page.waitForSelector(`.rec [role=status]:text("${say.got}")`);

      // Erase my receipts when the server cannot answer: said so, and nothing is forgotten
      await s.page.route('**/api/consent/c-*', (route) => route.fulfill({ status: 503, contentType: 'application/json',
        body: '{"ok":false,"error":"the receipts could not be erased now; try again"}' }));
      await tap(s, size, `.rec button:text-is("${say.erase}") >> visible=true`);
      await tap(s, size, '.rec .danger');
      await s.page.waitForSelector(`.rec [role=status]:text-is("${say.busy}")`);
      assert.deepEqual(await stored(s.page), { record, secret });
      await s.page.unroute('**/api/consent/c-*');

      // Erase my receipts: a confirmation first, then the server's answer
      await tap(s, size, `.rec button:text-is("${say.erase}") >> visible=true`);
      await s.page.waitForSelector('.rec .danger:visible');
      await screenshot(s.page, `${shot}-confirm.png`);
      assert.deepEqual(await axe(s.page), []);
      await tap(s, size, '.rec .danger');
      const said = await s.page.waitForSelector('.rec [role=status]:has-text(": 1.")');
      const text = await said.textContent();
      assert.match(text, say.erased);
      await settleAnimations(s.page);
      await screenshot(s.page, `${shot}-erased.png`);
      assert.deepEqual(await axe(s.page), []);
      assert.deepEqual(await stored(s.page), { record: null, secret: null }, 'the browser forgets the record and its secret');
      assert.equal((await access(s.page, record.id, secret)).status, 404, 'the secret opens nothing any more');
      // the dialog, still open, now hears that the server holds nothing for this record
      await tap(s, size, `.rec button:text-is("${say.get}")`);
      await s.page.waitForSelector(`.rec [role=status]:text-is("${say.none}")`);

      // The banner asks again; a new record comes with a new secret, and "Delete my data" removes it
      await s.page.keyboard.press('Escape');
      await widgetState(s.page, 'banner');
      await tap(s, size, `.banner button:text-is("${say.reject}")`);
      await widgetState(s.page, 'settled');
      const again = await stored(s.page);
      assert.notEqual(again.record.id, record.id);
      assert.match(again.secret, /^[0-9a-f]{64}$/);
      assert.notEqual(again.secret, secret);
      await s.page.evaluate(() => window.AstradiaLegal.deleteData());
      assert.deepEqual(await stored(s.page), { record: null, secret: null }, '"Delete my data" removes the secret too');

      assert.deepEqual(await s.cspViolations(), []);
      assert.deepEqual(s.issues.offOrigin, []);
      assert.deepEqual(s.issues.pageErrors, []);
      // (Chromium logs each 404 and 503 this test asks for on purpose: the probes with a wrong or spent
      // secret, the server that cannot answer.)
      assert.deepEqual(s.issues.console.filter((m) => !/status of (404|503)/.test(m)), []);
    } finally { await s.close(); }
  });
}
