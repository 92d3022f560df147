// Purpose: the legal widget's behaviour in real Chromium under the site server's strict CSP:
// first visit, accept / reject / choose persisting across reloads with receipts (the age
// confirmation "Accept all" carries, the consent period chosen in the preferences and honoured
// on expiry, the record id shown and copied in "Privacy choices"), gated
// scripts and iframes (never before consent, later opt-in without reload, nothing sent to
// another origin after a refusal, iframes unloaded on withdrawal), withdrawal cleaning
// storage, expiry (at load and while the page is open) and material document changes
// asking again (also for a record another tab writes), Global Privacy Control, broken records, blocked storage,
// the form checkbox helper, "Delete my data", the JS API and events, theming (custom
// properties, light/dark, the theme setting), Russian, a broken configuration, and Trusted Types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openPage } from './harness.mjs';
import { startLegalServer, widgetState, readRecord, writeLegalSite, readSource, settleAnimations, expireRecord } from './legal-fixtures.mjs';

let env;
before(async () => { env = await startLegalServer(); });
after(async () => { await env.stop(); });

const PAGE = '/test/widget.html';
const KEY = 'widget-test.consent.v1';

async function visit(opts = {}, url = PAGE) {
  const s = await openPage(env.origin, opts);
  s.warnings = [];
  s.page.on('console', (m) => { if (m.type() === 'warning') s.warnings.push(m.text()); });
  await s.page.goto(env.origin + url);
  return s;
}
const gated = (page) => page.evaluate(() => window.__gated || []);
// Gated scripts load asynchronously once activated: wait for `n` of them to have run.
const ran = (page, n) => page.waitForFunction((k) => (window.__gated || []).length >= k, n, { timeout: 10000 });
const iframeSrc = (page) => page.evaluate(() => document.getElementById('ad-frame').getAttribute('src'));
const receipt = (page) => page.waitForResponse((r) => r.url().endsWith('/api/consent'), { timeout: 10000 });
async function clean(s) {
  assert.deepEqual(s.issues.console, [], 'no console errors');
  assert.deepEqual(s.issues.pageErrors, [], 'no page errors');
  assert.deepEqual(s.issues.offOrigin, [], 'nothing leaves 127.0.0.1');
  assert.deepEqual(await s.cspViolations(), [], 'no CSP violations');
}
async function accept(page) {
  const r = receipt(page);
  await page.click('.banner button:text-is("Accept all")');
  return r;
}
// The banner appears, "Accept all" (with the age box), the widget settles; the receipt's response.
async function acceptBanner(page) {
  await widgetState(page, 'banner');
  const r = await accept(page);
  await widgetState(page, 'settled');
  return r;
}

test('first visit: the banner asks, nothing optional runs, the buttons are equal', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    const region = s.page.locator('section.banner');
    assert.equal(await region.getAttribute('role'), 'region');
    assert.equal(await region.getAttribute('aria-label'), 'Your privacy choices');
    const buttons = await s.page.$$eval('astradia-legal', ([host]) => [...host.shadowRoot.querySelectorAll('.banner .btn')].map((b) => {
      const r = b.getBoundingClientRect(), cs = getComputedStyle(b);
      return { text: b.textContent, w: Math.round(r.width), h: Math.round(r.height), weight: cs.fontWeight, size: cs.fontSize,
               bg: cs.backgroundColor, color: cs.color, border: cs.borderColor };
    }));
    assert.deepEqual(buttons.map((b) => b.text), ['Reject all', 'Accept all', 'Choose']);
    assert.match(await region.textContent(), /Accepting confirms you are of legal age or have a parent’s or guardian’s permission\./,
      'what "Accept all" confirms is said beside it');
    assert.equal(await s.page.$$eval('astradia-legal', ([host]) => host.shadowRoot.querySelectorAll('.banner input').length), 0,
      'no box to tick before accepting');
    for (const b of buttons.slice(1)) {
      assert.deepEqual({ ...b, text: 0 }, { ...buttons[0], text: 0 }, `${b.text} looks exactly like Reject all`);
    }
    assert.ok(buttons[0].h >= 44 && buttons[0].w >= 44, 'targets of at least 44 px');
    assert.deepEqual(await gated(s.page), []);
    assert.equal(await iframeSrc(s.page), null);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('statistics')), false);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('necessary')), true);
    assert.equal(await s.page.evaluate((k) => localStorage.getItem(k), KEY), null);
    const dl = await s.page.evaluate(() => window.dataLayer.map((a) => [...a]));
    assert.deepEqual(dl[0], ['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied',
      ad_user_data: 'denied', ad_personalization: 'denied', wait_for_update: 500 }], 'Consent Mode default comes first');
    assert.equal(await s.page.evaluate(() => document.activeElement === document.body), true, 'the banner does not take focus');
    await clean(s);
  } finally { await s.close(); }
});

test('Consent Mode v2: the default precedes the page\'s own gtag calls; each decision sends an update', { timeout: 60000 }, async () => {
  const s = await visit({}, '/test/consent-mode.html');
  try {
    await widgetState(s.page, 'banner');
    const calls = () => s.page.evaluate(() => window.dataLayer.map((a) => (typeof a[1] == 'string' ? a[0] + ' ' + a[1] : a[0])));
    assert.deepEqual(await calls(), ['consent default', 'js', 'config G-TEST'], 'the default comes first');
    await s.page.click('.banner button:text-is("Accept all")');
    await widgetState(s.page, 'settled');
    assert.deepEqual((await calls()).slice(3), ['consent update']);
    assert.deepEqual(await s.page.evaluate(() => [...window.dataLayer.at(-1)][2]),
      { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
    await s.page.reload();
    await widgetState(s.page, 'settled');
    await s.page.waitForFunction(() => window.dataLayer.length >= 4);
    // A returning visitor: the default still comes first; the stored choices follow as an
    // update, which may land before or after the page's own deferred gtag calls (the
    // widget's manifest request races them; Consent Mode takes an update at any time).
    const again = await calls();
    assert.equal(again[0], 'consent default', 'the default comes first');
    assert.deepEqual([...again].sort(), ['config G-TEST', 'consent default', 'consent update', 'js']);
    assert.deepEqual(await s.page.evaluate(() => [...window.dataLayer.find((a) => a[1] === 'update')][2]),
      { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
    await clean(s);
  } finally { await s.close(); }
});

test('accept all carries the age confirmation, persists across reloads and sends a receipt with the period', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    assert.equal(await readRecord(s.page), null);
    const response = await accept(s.page);
    assert.equal(response.status(), 201);
    const body = JSON.parse(response.request().postData());
    assert.equal(body.event, 'given');
    assert.match((await response.json()).receipt, new RegExp('^' + body.record.id + ':1$'));
    await widgetState(s.page, 'settled');
    const rec = await readRecord(s.page);
    assert.deepEqual(rec, body.record);
    assert.deepEqual(rec.choices, { necessary: true, statistics: true, ads: true });
    assert.equal(rec.method, 'banner');
    await ran(s.page, 2);
    assert.equal(rec.age_confirmed, true, 'accepting confirmed the statement beside the button');
    assert.equal(rec.period, 'until_withdrawn', 'the default: for the term of the agreement');
    const m = env.manifests['widget-test'];
    assert.deepEqual(rec.documents, ['privacy', 'terms'].map((id) => {
      const d = m.documents.find((x) => x.id === id), v = d.versions.find((x) => x.version === d.current);
      return { id, version: d.current, hash: v.hash.en };
    }));
    assert.equal(Date.parse(rec.expires) - Date.parse(rec.time), 365 * 864e5);
    assert.deepEqual(await gated(s.page), ['statistics', 'ads'], 'activated without a reload');
    assert.equal(await iframeSrc(s.page), env.origin + '/test/embed.html');
    await s.page.reload();
    await widgetState(s.page, 'settled');
    assert.equal(await s.page.isVisible('.banner'), false);
    assert.equal(await s.page.isVisible('.fab'), true);
    await ran(s.page, 2);
    assert.deepEqual(await gated(s.page), ['statistics', 'ads']);
    assert.deepEqual((await readRecord(s.page)).id, rec.id);
    await clean(s);
  } finally { await s.close(); }
});

test('reject all persists, runs nothing and reaches no other origin; a later opt-in works without reload', { timeout: 60000 }, async () => {
  const s = await visit({}, '/test/offsite.html');
  try {
    await widgetState(s.page, 'banner');
    const r = receipt(s.page);
    await s.page.click('.banner button:text-is("Reject all")');
    await widgetState(s.page, 'settled');
    await s.page.reload();
    await widgetState(s.page, 'settled');
    await s.page.waitForTimeout(300);
    assert.deepEqual((await readRecord(s.page)).choices, { necessary: true, statistics: false, ads: false });
    assert.equal((await readRecord(s.page)).age_confirmed, false, 'a refusal confirms nothing');
    assert.equal(await s.page.$eval('iframe', (f) => f.getAttribute('src')), null);
    assert.equal(await s.page.$$eval('script[type="text/plain"]', (x) => x.length), 1, 'the gated script is still inert');
    await clean(s);
    // The same page after accepting does try to reach them: the check above could have failed.
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: true, ads: true }, { age_confirmed: true }));
    await s.page.waitForTimeout(300);
    const reached = [...s.issues.offOrigin, ...(await s.cspViolations())].join(' ');
    assert.match(reached, /counter\.example\.test|ads\.example\.test/);
    assert.equal((await r).status(), 201);
  } finally { await s.close(); }

  const t = await visit();
  try {
    await widgetState(t.page, 'banner');
    await t.page.click('.banner button:text-is("Reject all")');
    await widgetState(t.page, 'settled');
    assert.deepEqual(await gated(t.page), []);
    // Opt in later through the page's own link (data-consent-open): no reload.
    await t.page.click('#privacy-link');
    await t.page.waitForSelector('dialog.prefs[open]');
    await t.page.check('#al-t-ads');
    const r = receipt(t.page);
    await t.page.click('dialog.prefs button:text-is("Save choices")');
    assert.equal(JSON.parse((await r).request().postData()).event, 'changed');
    await t.page.waitForFunction(() => (window.__gated || []).includes('ads'));
    assert.deepEqual(await gated(t.page), ['ads']);
    assert.equal(await iframeSrc(t.page), env.origin + '/test/embed.html');
    const events = await t.page.evaluate(() => window.__events.map((e) => [e.event, e.choices.statistics, e.choices.ads]));
    assert.deepEqual(events, [['given', false, false], ['changed', false, true]]);
    assert.equal(await t.page.evaluate(() => window.__domEvents.length), 2, 'the DOM event fires too');
    const update = await t.page.evaluate(() => [...window.dataLayer.at(-1)]);
    assert.deepEqual(update, ['consent', 'update', { analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }]);
    await t.page.waitForFunction(() => document.getElementById('ad-frame').contentDocument.URL.endsWith('/test/embed.html'));
    // Withdrawing ads unloads the ad iframe at once; opting in again loads it again.
    await t.page.click('#privacy-link');
    await t.page.waitForSelector('dialog.prefs[open]');
    await t.page.click('dialog.prefs button:text-is("Reject all")');
    await t.page.waitForSelector('dialog.prefs', { state: 'detached' });
    assert.deepEqual(await t.page.evaluate(() => {
      const f = document.getElementById('ad-frame');
      return [f.getAttribute('src'), f.dataset.src, f.contentDocument.URL];
    }), [null, env.origin + '/test/embed.html', 'about:blank']);
    await t.page.evaluate(() => window.AstradiaLegal.set({ ads: true }, { age_confirmed: true }));
    assert.equal(await iframeSrc(t.page), env.origin + '/test/embed.html');
    await clean(t);
  } finally { await t.close(); }
});

test('choose: one purpose on, remembered; withdrawing removes its storage keys and cookies', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    await s.page.click('.banner button:text-is("Choose")');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.equal(await s.page.isChecked('#al-t-statistics'), false, 'nothing optional is pre-selected');
    await s.page.check('#al-t-statistics');
    assert.match(await s.page.textContent('dialog.prefs .ft'), /Turning on statistics or ads confirms you are of legal age/,
      'what saving a consent confirms is said beside the buttons');
    await s.page.click('dialog.prefs button:text-is("Save choices")');
    await widgetState(s.page, 'settled');
    assert.deepEqual((await readRecord(s.page)).choices, { necessary: true, statistics: true, ads: false });
    assert.equal((await readRecord(s.page)).method, 'preferences');
    assert.equal((await readRecord(s.page)).age_confirmed, true);
    await s.page.reload();
    await widgetState(s.page, 'settled');
    await ran(s.page, 1);
    assert.deepEqual(await gated(s.page), ['statistics']);
    const stored = await s.page.evaluate(() => ({ ls: localStorage.getItem('wt.stats.visits'), cookie: document.cookie }));
    assert.equal(stored.ls, '1');
    assert.match(stored.cookie, /wt_stats=1/);
    assert.match(stored.cookie, /wt_ga_abc=1/);
    await s.page.evaluate(() => localStorage.setItem('unrelated', 'keep'));
    // Withdraw through the persistent button.
    await s.page.click('.fab');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.equal(await s.page.isChecked('#al-t-statistics'), true, 'the dialog shows the current choices');
    const r = receipt(s.page);
    await s.page.click('dialog.prefs button:text-is("Reject all")');
    assert.equal(JSON.parse((await r).request().postData()).event, 'withdrawn');
    const after = await s.page.evaluate(() => ({ ls: localStorage.getItem('wt.stats.visits'), keep: localStorage.getItem('unrelated'), cookie: document.cookie }));
    assert.equal(after.ls, null);
    assert.equal(after.keep, 'keep');
    assert.doesNotMatch(after.cookie, /wt_stats|wt_ga_abc/);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('statistics')), false);
    await clean(s);
  } finally { await s.close(); }
});

test('an expired record asks again', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await acceptBanner(s.page);
    await expireRecord(s.page, KEY);
    await s.page.reload();
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /Please confirm your choices again: the last time was January 10, 2024/);
    assert.deepEqual(await gated(s.page), [], 'an expired consent allows nothing');
    const r = receipt(s.page);
    await s.page.click('.banner button:text-is("Accept all")');
    assert.equal(JSON.parse((await r).request().postData()).event, 'given');
    await widgetState(s.page, 'settled');
    assert.ok(Date.parse((await readRecord(s.page)).expires) > Date.now());
    await clean(s);
  } finally { await s.close(); }
});

test('a page left open past the expiry asks again then, and nothing optional stays on', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await acceptBanner(s.page);
    await s.page.evaluate((k) => {   // the record runs out four seconds from now
      const r = JSON.parse(localStorage.getItem(k));
      r.expires = new Date(Date.now() + 4000).toISOString();
      localStorage.setItem(k, JSON.stringify(r));
    }, KEY);
    await s.page.reload();
    await widgetState(s.page, 'settled');
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('statistics')), true);
    await s.page.waitForFunction(() => document.querySelector('astradia-legal').dataset.state === 'banner', null, { timeout: 15000 });
    assert.match(await s.page.textContent('.banner'), /Please confirm your choices again/);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('statistics')), false);
    assert.equal(await iframeSrc(s.page), null, 'the ads iframe is unloaded');
    assert.deepEqual(await s.page.evaluate(() => [...window.dataLayer.at(-1)]),
      ['consent', 'update', { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }]);
    await clean(s);
  } finally { await s.close(); }
});

test('a material document change asks again and shows what changed; a minor one does not', { timeout: 90000 }, async () => {
  writeLegalSite(env.root, readSource('widget-test'), { only: { privacy: '1.0' } });
  const s = await visit();
  try {
    await acceptBanner(s.page);
    assert.equal((await readRecord(s.page)).documents[0].version, '1.0');
    writeLegalSite(env.root, readSource('widget-test'));          // 1.1 (material) and 1.2 appear
    await s.page.reload();
    await widgetState(s.page, 'banner');
    const text = await s.page.textContent('.banner');
    assert.match(text, /Our documents have changed since you last chose/);
    assert.match(text, /Privacy Policy 1\.0 → 1\.2/);
    assert.match(text, /Adds approximate location to personalised ads\./);
    assert.match(text, /Fixes typos\./);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('ads')), false, 'old consent does not cover the new version');
    assert.deepEqual(await gated(s.page), []);
    await s.page.click('.banner button:text-is("Accept all")');
    await widgetState(s.page, 'settled');
    assert.equal((await readRecord(s.page)).documents[0].version, '1.2');
    await clean(s);
  } finally { await s.close(); }

  writeLegalSite(env.root, readSource('widget-test'), { only: { privacy: '1.1' } });
  const t = await visit();
  try {
    await acceptBanner(t.page);
    writeLegalSite(env.root, readSource('widget-test'));          // only the non-material 1.2 is new
    await t.page.reload();
    await widgetState(t.page, 'settled');
    assert.equal((await readRecord(t.page)).documents[0].version, '1.1');
    await ran(t.page, 2);
    assert.deepEqual(await gated(t.page), ['statistics', 'ads']);
  } finally { await t.close(); writeLegalSite(env.root, readSource('widget-test')); }
});

test('another tab\'s decision is followed, and judged against the current documents like one found at load', { timeout: 90000 }, async () => {
  writeLegalSite(env.root, readSource('widget-test'), { only: { privacy: '1.0' } });
  const s = await visit();
  try {
    await acceptBanner(s.page);
    const old = await s.page.evaluate((k) => localStorage.getItem(k), KEY);   // choices on privacy 1.0
    writeLegalSite(env.root, readSource('widget-test'));                        // 1.1 (material) and 1.2
    await s.page.reload();
    await acceptBanner(s.page);
    const current = await s.page.evaluate((k) => localStorage.getItem(k), KEY);
    // A second tab of the same site writes the old record back (an old tab, say).
    const other = await s.context.newPage();
    await other.goto(env.origin + PAGE);
    await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, old]);
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /Our documents have changed since you last chose/);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('statistics')), false, 'old consent covers nothing new');
    // ... and then a current one: this tab follows and settles.
    await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, current]);
    await widgetState(s.page, 'settled');
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('statistics')), true);
    await other.close();
    await clean(s);
  } finally { await s.close(); writeLegalSite(env.root, readSource('widget-test')); }
});

test('Global Privacy Control: ads off and recorded as gpc; only an opt-in in the preferences allows them', { timeout: 60000 }, async () => {
  const s = await openPage(env.origin, { initScript: () => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
  } });
  try {
    await s.context.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
    const r = receipt(s.page);
    await s.page.goto(env.origin + PAGE);
    await widgetState(s.page, 'banner');
    const first = await r;
    assert.equal(first.request().headers()['sec-gpc'], '1');
    const body = JSON.parse(first.request().postData());
    assert.equal(body.record.method, 'gpc');
    assert.equal(body.record.gpc, true);
    assert.deepEqual(body.record.choices, { necessary: true, statistics: false, ads: false });
    assert.match(await s.page.textContent('.banner'), /Global Privacy Control signal keeps personalised ads off/);
    await s.page.reload();
    await widgetState(s.page, 'banner');            // GPC alone is not a choice: still asked
    assert.equal((await readRecord(s.page)).method, 'gpc');
    assert.deepEqual(await gated(s.page), []);
    // "Accept all" in the banner does not override the signal (docs/LEGAL-FORMATS.md) ...
    await accept(s.page);
    await widgetState(s.page, 'settled');
    let rec = await readRecord(s.page);
    assert.deepEqual([rec.method, rec.gpc, rec.choices.statistics, rec.choices.ads], ['banner', true, true, false]);
    await ran(s.page, 1);
    // ... nor does the API ...
    await s.page.evaluate(() => window.AstradiaLegal.set({ ads: true }, { age_confirmed: true }));
    assert.equal((await readRecord(s.page)).choices.ads, false);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('ads')), false);
    // ... the preferences dialog does.
    await s.page.click('.fab');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.match(await s.page.textContent('dialog.prefs'), /Global Privacy Control/);
    await s.page.check('#al-t-ads');
    await s.page.click('dialog.prefs button:text-is("Save choices")');
    await ran(s.page, 2);
    rec = await readRecord(s.page);
    assert.deepEqual([rec.method, rec.gpc, rec.choices.ads], ['preferences', true, true]);
    await s.page.reload();
    await widgetState(s.page, 'settled');
    await ran(s.page, 2);
    assert.deepEqual(await gated(s.page), ['statistics', 'ads'], 'the explicit opt-in wins over the signal');
    await clean(s);
  } finally { await s.close(); }

  // A record made before the signal was turned on loses personalised ads.
  const t = await visit();
  try {
    await acceptBanner(t.page);
    await t.context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    });
    await t.page.reload();
    await widgetState(t.page, 'banner');
    const rec = await readRecord(t.page);
    assert.deepEqual([rec.method, rec.gpc, rec.choices.statistics, rec.choices.ads], ['gpc', true, true, false]);
    await ran(t.page, 1);
    await t.page.waitForTimeout(300);
    assert.deepEqual(await gated(t.page), ['statistics']);
  } finally { await t.close(); }
});

test('a broken stored record is discarded with a warning and the banner shows', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    for (const broken of ['{not json', JSON.stringify({ v: 1, id: 'c-0' }), '{"v":1}'.repeat(3)]) {
      await s.page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, broken]);
      s.warnings.length = 0;
      await s.page.reload();
      await widgetState(s.page, 'banner');
      assert.ok(s.warnings.some((w) => w.startsWith('astradia-legal: discarded a broken consent record')), s.warnings.join('\n'));
      assert.equal(await s.page.evaluate((k) => localStorage.getItem(k), KEY), null);
    }
    await clean(s);
  } finally { await s.close(); }
});

test('blocked storage: the widget works for the page and says choices will not be remembered', { timeout: 60000 }, async () => {
  const s = await openPage(env.origin, { initScript: () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  } });
  try {
    await s.page.goto(env.origin + PAGE);
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /your choices will not be remembered/);
    await s.page.click('.banner button:text-is("Accept all")');
    await widgetState(s.page, 'settled');
    await ran(s.page, 2);
    assert.deepEqual(await gated(s.page), ['statistics', 'ads']);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.getRecord().method), 'banner');
    await s.page.reload();
    await widgetState(s.page, 'banner');
    await clean(s);
  } finally { await s.close(); }
});

test('form checkbox: no submission until checked, then the acceptance travels with it', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    const posted = [];
    await s.page.route('**/test/submit', (route) => {
      posted.push(route.request().postData());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'thanks' });
    });
    await s.page.waitForSelector('#feedback .astradia-accept input[type=checkbox]');
    const box = s.page.locator('#feedback .astradia-accept input[type=checkbox]');
    assert.equal(await box.getAttribute('required'), '');
    assert.match(await s.page.textContent('#feedback .astradia-accept label'), /I have read and accept the Terms of Use/);
    await s.page.click('#feedback button[type=submit]');
    await s.page.waitForTimeout(400);
    assert.deepEqual(posted, [], 'the form did not go');
    assert.match(await box.evaluate((b) => b.validationMessage), /Please read and accept the Terms of Use/);
    assert.equal(await s.page.$$eval('#feedback input[type=hidden]', (x) => x.length), 0);
    // The link opens the document inside the widget and gives focus back.
    await s.page.click('#feedback .astradia-accept a');
    await s.page.waitForSelector('dialog.docv[open] section h3');
    assert.match(await s.page.textContent('dialog.docv h2'), /Terms of Use/);
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('dialog.docv', { state: 'detached' });
    assert.equal(await s.page.evaluate(() => document.activeElement.className), 'astradia-accept-link');
    await box.check();
    const before = Date.now();
    await Promise.all([s.page.waitForURL('**/test/submit'), s.page.click('#feedback button[type=submit]')]);
    assert.equal(posted.length, 1);
    const fields = new URLSearchParams(posted[0]);
    const terms = env.manifests['widget-test'].documents.find((d) => d.id === 'terms');
    const current = terms.versions.find((v) => v.version === terms.current);
    assert.equal(fields.get('email'), 'reader@example.test');
    assert.equal(fields.get('acceptance.document'), 'terms');
    assert.equal(fields.get('acceptance.version'), terms.current);
    assert.equal(fields.get('acceptance.hash'), current.hash.en);
    assert.equal(fields.get('acceptance.language'), 'en');
    assert.match(fields.get('acceptance.time'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(Math.abs(Date.parse(fields.get('acceptance.time')) - before) < 10000);
    await clean(s);
  } finally { await s.close(); }
});

// The receipts the server stored for a record id: [event, period (JSON text or null)] in order.
const storedReceipts = (id) => JSON.parse(execFileSync('python3', ['-c', `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(json.dumps(db.execute("SELECT event, period FROM receipts WHERE record_id = ? ORDER BY seq", (sys.argv[2],)).fetchall()))
`, path.join(env.root, 'receipts.sqlite3'), id], { encoding: 'utf8' }));
const DAYS = (r) => (Date.parse(r.expires) - Date.parse(r.time)) / 864e5;

test('the consent period: chosen in the preferences, stored, shown, sent in the receipt, honoured on expiry', { timeout: 90000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    await s.page.click('.banner button:text-is("Choose")');
    await s.page.waitForSelector('dialog.prefs[open]');
    // widget-test asks again at least every 365 days: until withdrawn (the default), 6 or 3 months.
    const offered = () => s.page.$$eval('astradia-legal', ([host]) => [...host.shadowRoot.querySelectorAll('fieldset.per label')]
      .map((l) => [l.textContent, l.querySelector('input').checked]));
    assert.deepEqual(await offered(), [['Until you withdraw it', true], ['6 months', false], ['3 months', false]]);
    assert.match(await s.page.textContent('fieldset.per'), /How long your consent lasts.*at least once every 365 days/s);
    await s.page.check('#al-t-statistics');
    await s.page.check('#al-p-183');
    const r = receipt(s.page);
    await s.page.click('dialog.prefs button:text-is("Save choices")');
    const sent = JSON.parse((await r).request().postData()).record;
    assert.equal((await r).status(), 201);
    await widgetState(s.page, 'settled');
    const rec = await readRecord(s.page);
    assert.deepEqual(sent, rec, 'the receipt carries the record with its period');
    assert.deepEqual([rec.period, DAYS(rec)], [183, 183]);
    assert.deepEqual(storedReceipts(rec.id), [['given', '183']], 'the server kept the period with the receipt');
    // Shown: the dialog opens on the stored choice, with the date it runs out.
    await s.page.reload();
    await widgetState(s.page, 'settled');
    await s.page.click('.fab');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.deepEqual(await offered(), [['Until you withdraw it', false], ['6 months', true], ['3 months', false]]);
    const runsOut = new Date(rec.expires).toLocaleDateString('en', { dateStyle: 'long' });
    assert.match(await s.page.textContent('dialog.prefs .rec'), new RegExp('we ask again on ' + runsOut));
    await s.page.keyboard.press('Escape');
    // Honoured: 184 days later the record has run out; the banner asks, nothing optional runs.
    await s.page.evaluate((k) => {
      const r = JSON.parse(localStorage.getItem(k)), made = Date.now() - 184 * 864e5;
      r.time = new Date(made).toISOString();
      r.expires = new Date(made + 183 * 864e5).toISOString();
      localStorage.setItem(k, JSON.stringify(r));
    }, KEY);
    await s.page.reload();
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /Please confirm your choices again/);
    assert.deepEqual(await gated(s.page), []);
    // Answering the banner keeps the period the visitor chose.
    const again = await accept(s.page);
    const renewed = JSON.parse(again.request().postData()).record;
    assert.deepEqual([renewed.id, renewed.period, DAYS(renewed)], [rec.id, 183, 183]);
    // The site's own controls may set it too; a wrong one is refused with a warning.
    await s.page.evaluate(() => window.AstradiaLegal.set({ ads: true }, { age_confirmed: true, period: 91 }));
    assert.deepEqual([(await readRecord(s.page)).period, DAYS(await readRecord(s.page))], [91, 91]);
    s.warnings.length = 0;
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: false, ads: false }, { period: 'forever' }));
    assert.ok(s.warnings.some((w) => /period must be "until_withdrawn" or 1 to 3650 days/.test(w)), s.warnings.join('\n'));
    assert.equal((await readRecord(s.page)).period, 91, 'a wrong period keeps the current one');
    assert.deepEqual(storedReceipts(rec.id).map((x) => x[1]), ['183', '183', '91', '91']);
    await clean(s);
  } finally { await s.close(); }
});

test('the record id: shown in "Privacy choices" with a copy button that copies it', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
    await widgetState(s.page, 'banner');
    await s.page.click('.banner button:text-is("Choose")');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.equal(await s.page.$('dialog.prefs .rec'), null, 'no record yet, nothing to show');
    await s.page.keyboard.press('Escape');
    await s.page.click('.banner button:text-is("Reject all")');
    await widgetState(s.page, 'settled');
    const rec = await readRecord(s.page);
    await s.page.click('.fab');
    await s.page.waitForSelector('dialog.prefs[open] .rec');
    assert.equal(await s.page.textContent('dialog.prefs .rid'), rec.id);
    assert.match(await s.page.textContent('dialog.prefs .rec'), /Its identifier names the receipts of your choices that we keep/);
    await s.page.click('dialog.prefs .rec button:text-is("Copy")');
    await s.page.waitForFunction(() => document.querySelector('astradia-legal').shadowRoot.querySelector('.rec [role=status]').textContent === 'Copied');
    assert.equal(await s.page.evaluate(() => navigator.clipboard.readText()), rec.id);
    await clean(s);
  } finally { await s.close(); }

  // Where the clipboard refuses, the id is selected for the visitor to copy, and they are told so.
  const t = await visit({ initScript: () => {
    Object.defineProperty(Clipboard.prototype, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
  } }, '/test/ru.html');
  try {
    await widgetState(t.page, 'banner');
    await t.page.click('.banner button:text-is("Отклонить все")');
    await widgetState(t.page, 'settled');
    await t.page.click('.fab');
    await t.page.waitForSelector('dialog.prefs[open] .rec');
    assert.match(await t.page.textContent('dialog.prefs .rec'), /Ваша запись о согласии/);
    await t.page.click('dialog.prefs .rec button:text-is("Копировать")');
    await t.page.waitForFunction(() => document.querySelector('astradia-legal').shadowRoot.querySelector('.rec [role=status]').textContent !== '');
    assert.equal(await t.page.textContent('dialog.prefs .rec [role=status]'), 'Выделите идентификатор и скопируйте его.');
    assert.equal(await t.page.evaluate(() => getSelection().toString()), (await readRecord(t.page)).id);
  } finally { await t.close(); }
});

test('delete my data clears this origin and shows the banner again', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await acceptBanner(s.page);
    await s.page.evaluate(() => new Promise((done) => {
      localStorage.setItem('astradia.sudoku.save', '{"board":"..."}');
      sessionStorage.setItem('tab', '1');
      document.cookie = 'pref=dark;path=/';
      document.cookie = 'deep=1;path=/test';
      const open = indexedDB.open('saves', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => { open.result.close(); done(); };
    }));
    await s.page.click('.fab');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.equal(await s.page.isVisible('dialog.prefs button:text-is("Delete everything")'), false, 'deleting takes a confirmation');
    await s.page.click('dialog.prefs >> button:has-text("Delete my data")');
    assert.equal(await s.page.isVisible('dialog.prefs button:text-is("Delete my data")'), false);
    const r = receipt(s.page);
    await s.page.click('dialog.prefs button:text-is("Delete everything")');
    assert.equal(JSON.parse((await r).request().postData()).event, 'withdrawn');
    await widgetState(s.page, 'banner');
    const left = await s.page.evaluate(async () => ({
      ls: localStorage.length, ss: sessionStorage.length, cookie: document.cookie,
      dbs: (await indexedDB.databases()).map((d) => d.name),
    }));
    assert.deepEqual(left, { ls: 0, ss: 0, cookie: '', dbs: [] });
    assert.match(await s.page.textContent('.banner'), /has been deleted/);
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.getRecord()), null);
    await clean(s);
  } finally { await s.close(); }
});

test('the JS API: has, getRecord, on/off, set, open, openDocument', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    const result = await s.page.evaluate(async () => {
      const A = window.AstradiaLegal, seen = [];
      const off = A.on('change', (d) => seen.push(d.event));
      const refused = await A.set({ ads: true });                 // no age confirmation: refused
      const rec = await A.set({ statistics: true }, { age_confirmed: true });
      const copy = A.getRecord();
      copy.choices.ads = true;                                     // a copy: the widget's record is unchanged
      off();
      await A.set({ statistics: false });
      return { refused, method: rec.method, stats: A.has('statistics'), ads: A.has('ads'), legal: A.has('legal'),
               unknown: A.has('marketing'), untouched: A.getRecord().choices.ads, seen, frozen: Object.isFrozen(A) };
    });
    assert.deepEqual(result, { refused: null, method: 'api', stats: false, ads: false, legal: true, unknown: false,
                               untouched: false, seen: ['given'], frozen: true });
    assert.ok(s.warnings.some((w) => /age_confirmed/.test(w)));
    await s.page.evaluate(() => window.AstradiaLegal.openDocument('privacy'));
    await s.page.waitForSelector('dialog.docv[open] section h3');
    assert.match(await s.page.textContent('dialog.docv .meta'), /Version 1\.2, in effect from March 1, 2020/);
    assert.equal(await s.page.isVisible('dialog.docv >> text=javascript'), false);
    assert.equal(await s.page.$$eval('astradia-legal', ([h]) => [...h.shadowRoot.querySelectorAll('dialog a')]
      .filter((a) => /^javascript:/i.test(a.getAttribute('href') || '')).length), 0, 'an unsafe link stays text');
    // A link to another document of the site opens it here, on top; Esc comes back.
    await s.page.click('dialog.docv a:text-is("Terms of Use")');
    await s.page.waitForSelector('dialog.docv >> nth=1 >> text=Play fair.');
    await s.page.keyboard.press('Escape');
    await s.page.waitForFunction(() => document.querySelector('astradia-legal').shadowRoot.querySelectorAll('dialog').length === 1);
    await s.page.click('dialog.docv >> text=Русский');
    await s.page.waitForSelector('dialog.docv[lang=ru] >> text=Тестовый оператор');
    assert.match(await s.page.textContent('dialog.docv h2'), /Политика конфиденциальности/);
    await s.page.keyboard.press('Escape');
    await s.page.evaluate(() => Promise.all([window.AstradiaLegal.open(), window.AstradiaLegal.open()]));
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.equal(await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.querySelectorAll('dialog').length), 1,
      'opening twice gives one dialog');
    await clean(s);
  } finally { await s.close(); }
});

test('theming: the page\'s custom properties reach inside, light and dark; the theme setting overrides the system', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    const look = async () => (await settleAnimations(s.page), s.page.evaluate(() => {
      const host = document.querySelector('astradia-legal');
      const cs = getComputedStyle(host.shadowRoot.querySelector('.banner .btn'));
      return [host.dataset.theme, cs.backgroundColor, cs.color, getComputedStyle(host.shadowRoot.querySelector('.banner')).borderRadius];
    }));   // after the buttons' colour transition
    assert.deepEqual(await look(), ['light', 'rgb(47, 68, 173)', 'rgb(255, 255, 255)', '14px'], 'the defaults');
    // The host page sets the documented properties (CSSOM, allowed under the strict CSP).
    await s.page.evaluate(() => {
      const st = document.documentElement.style;
      st.setProperty('--astradia-legal-accent', '#0d6b63');
      st.setProperty('--astradia-legal-accent-text', '#fffff0');
      st.setProperty('--astradia-legal-radius', '4px');
      st.setProperty('--astradia-legal-dark-accent', '#5fd3c3');
    });
    assert.deepEqual(await look(), ['light', 'rgb(13, 107, 99)', 'rgb(255, 255, 240)', '4px']);
    await s.page.emulateMedia({ colorScheme: 'dark' });
    await s.page.waitForFunction(() => document.querySelector('astradia-legal').dataset.theme === 'dark');
    assert.deepEqual(await look(), ['dark', 'rgb(95, 211, 195)', 'rgb(16, 20, 42)', '4px'], 'the dark set, and the default dark accent text');
    await clean(s);
  } finally { await s.close(); }

  // "theme": "dark" in the configuration wins over a light system preference.
  const t = await openPage(env.origin, { colorScheme: 'light' });
  try {
    await t.page.route('**/test/ru-config.json', (route) => route.fulfill({ contentType: 'application/json',
      body: JSON.stringify({ site: 'widget-test', documents: ['privacy', 'terms'], theme: 'dark' }) }));
    await t.page.goto(env.origin + '/test/ru.html');
    await widgetState(t.page, 'banner');
    assert.deepEqual(await t.page.evaluate(() => {
      const host = document.querySelector('astradia-legal');
      return [host.dataset.theme, getComputedStyle(host.shadowRoot.querySelector('.banner')).backgroundColor];
    }), ['dark', 'rgb(27, 30, 38)']);
  } finally { await t.close(); }
});

test('Russian page: the widget speaks Russian and reads its configuration from a URL', { timeout: 60000 }, async () => {
  const s = await visit({}, '/test/ru.html');
  try {
    await widgetState(s.page, 'banner');
    const text = await s.page.textContent('.banner');
    assert.match(text, /Ваши данные — ваш выбор/);
    assert.match(text, /Отклонить все/);
    assert.equal(await s.page.getAttribute('.banner', 'lang'), 'ru');
    await s.page.click('.banner button:text-is("Отклонить все")');
    await widgetState(s.page, 'settled');
    assert.match(await s.page.textContent('.fab'), /Настройки конфиденциальности/, 'button: "text" shows the label (the documents\' name for it)');
    assert.equal((await readRecord(s.page)).language, 'ru');
    await s.page.click('.fab');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.match(await s.page.textContent('dialog.prefs'), /Какие данные/);
    assert.match(await s.page.textContent('dialog.prefs'), /Примерное местоположение/);
    await clean(s);
  } finally { await s.close(); }
});

test('a broken configuration is reported once, clearly, and the page keeps working', { timeout: 60000 }, async () => {
  const s = await visit({}, '/test/broken-config.html');
  try {
    await s.page.waitForTimeout(500);
    assert.equal(s.issues.console.length, 1);
    assert.match(s.issues.console[0], /^astradia-legal: data-config is not valid JSON/);
    assert.deepEqual(s.issues.pageErrors, []);
    assert.equal(await s.page.evaluate(() => typeof window.AstradiaLegal), 'undefined');
    assert.deepEqual(await gated(s.page), [], 'gated content stays blocked');
  } finally { await s.close(); }
});

test('Trusted Types (require-trusted-types-for script): renders and activates with zero violations', { timeout: 90000 }, async () => {
  const tt = await startLegalServer(['--header', "Content-Security-Policy: require-trusted-types-for 'script'"]);
  const s = await openPage(tt.origin);
  try {
    const response = await s.page.goto(tt.origin + PAGE);
    assert.ok(response.headers()['content-security-policy'].includes("require-trusted-types-for 'script'"));
    await widgetState(s.page, 'banner');
    await s.page.click('.banner button:text-is("Choose")');
    await s.page.waitForSelector('dialog.prefs[open]');
    await s.page.click('dialog.prefs >> text=Privacy Policy');
    await s.page.waitForSelector('dialog.docv[open] section h3');
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Escape');
    await s.page.click('.banner button:text-is("Accept all")');
    await widgetState(s.page, 'settled');
    await s.page.waitForFunction(() => (window.__gated || []).length === 2);
    assert.equal(await s.page.evaluate(() => document.getElementById('ad-frame').getAttribute('src')), tt.origin + '/test/embed.html');
    await clean(s);
  } finally { await s.close(); await tt.stop(); }
});
