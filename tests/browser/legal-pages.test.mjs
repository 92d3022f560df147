// Purpose: the legal widget on the site's real pages: the game page (the canvas app still
// starts and fills the viewport, no layout shift, the banner is reachable by Tab although
// Emscripten's GLFW cancels Tab, keys in the widget do not reach the game), the example
// studio (its gated counter, remarketing tag and showreel; both forms refuse to go without
// the User Agreement and go through the server's check with it; withdrawal cleans its
// keys and cookies) and the embedding guide (its snippet carries the file's real SRI hash
// and it documents every setting). Also: the banner appears with the first paint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openPage, screenshot, SITE } from './harness.mjs';
import { startLegalServer, widgetState, readRecord } from './legal-fixtures.mjs';
import { parseConfig } from '../../legal/widget/src/record.mjs';

let env;
before(async () => { env = await startLegalServer(); });
after(async () => { await env.stop(); });

// Paint, layout shift and long task entries, collected from the start of the page.
const OBSERVE = () => {
  window.__perf = { paint: {}, shifts: [], long: [], banner: null };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__perf.paint[e.name] = e.startTime; })).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__perf.shifts.push({ value: e.value, input: e.hadRecentInput }))).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__perf.long.push(e.duration))).observe({ type: 'longtask', buffered: true });
  // The first paint after the widget put its banner in: a frame, then a task after it.
  new MutationObserver((_, mo) => {
    const host = document.querySelector('astradia-legal');
    if (!host || !host.shadowRoot || !host.shadowRoot.querySelector('.banner')) return;
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__perf.banner = performance.now(); }));
  }).observe(document, { childList: true, subtree: true });
};
const perf = (page) => page.waitForFunction(() => window.__perf.banner !== null && window.__perf.paint['first-contentful-paint'] !== undefined)
  .then(() => page.evaluate(() => window.__perf));

test('game page: the widget shows its banner with the first paint, shifts nothing and leaves the app alone', { timeout: 90000 }, async () => {
  const s = await openPage(env.origin, { initScript: OBSERVE });
  try {
    await s.page.goto(env.origin + '/');
    await widgetState(s.page, 'banner');
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    const geometry = await s.page.evaluate(() => {
      const r = document.getElementById('canvas').getBoundingClientRect();
      return [r.left, r.top, r.width, r.height];
    });
    assert.deepEqual(geometry, [0, 0, 1280, 800], 'the canvas still fills the viewport');
    const p = await perf(s.page);
    assert.equal(p.shifts.reduce((a, e) => a + e.value, 0), 0, 'no layout shift at all');
    assert.ok(p.banner - p.paint['first-contentful-paint'] <= 100, `banner ${p.banner} ms, FCP ${p.paint['first-contentful-paint']} ms`);
    await screenshot(s.page, 'legal-game-page-banner.png');
    // Keyboard: Tab from nowhere reaches the banner (GLFW cancels Tab on window); keys pressed
    // in the widget do not reach page-wide listeners.
    await s.page.evaluate(() => {
      window.__keys = [];
      addEventListener('keydown', (e) => window.__keys.push(e.key), true);
      document.activeElement.blur();
    });
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.activeElement.textContent), 'Details');
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.activeElement.textContent), 'Reject all');
    assert.deepEqual(await s.page.evaluate(() => window.__keys), [], 'the game saw none of these keys');
    await s.page.keyboard.press('Enter');                       // Reject all
    await widgetState(s.page, 'settled');
    const rec = await readRecord(s.page, 'astradia.consent.v1');
    assert.equal(rec.site, 'astradia');
    assert.deepEqual(rec.documents.map((d) => d.id), ['terms', 'privacy']);
    assert.equal((await s.page.evaluate(() => window.astradia.state())).screen, 'start', 'the app is where it was');
    await s.page.reload();
    await widgetState(s.page, 'settled');
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    await screenshot(s.page, 'legal-game-page-settled.png');
    assert.deepEqual(s.issues.console, []);
    assert.deepEqual(s.issues.pageErrors, []);
    assert.deepEqual(s.issues.offOrigin, []);
    assert.deepEqual(await s.cspViolations(), []);
  } finally { await s.close(); }
});

test('game page offline: the service worker keeps the widget with the page, so the banner still shows', { timeout: 90000 }, async () => {
  const s = await openPage(env.origin);
  try {
    await s.page.goto(env.origin + '/');
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    const cached = await s.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('astradia-')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => p.startsWith('/widget/')).sort();
    });
    assert.deepEqual(cached, ['/widget/astradia-legal-decide.js', '/widget/astradia-legal-ui.js', '/widget/astradia-legal.js']);
    await s.context.setOffline(true);
    await s.page.reload();
    await widgetState(s.page, 'banner');
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    // The part that records an answer comes from the cache too (the documents' manifest does
    // not, so offline a first answer holds for this page only).
    await s.page.click('.banner button:text-is("Reject all")');
    await widgetState(s.page, 'settled');
    assert.equal(await s.page.evaluate(() => window.AstradiaLegal.has('statistics')), false);
    assert.deepEqual(s.issues.console.filter((m) => /integrity|astradia-legal/i.test(m)), []);
  } finally { await s.close(); }
});

test('partner demo: gated tags wait, both forms need the User Agreement, withdrawal cleans up', { timeout: 120000 }, async () => {
  const s = await openPage(env.origin, { initScript: OBSERVE });
  try {
    await s.page.goto(env.origin + '/partner-demo/');
    await widgetState(s.page, 'banner');
    const p = await perf(s.page);
    assert.equal(p.shifts.reduce((a, e) => a + e.value, 0), 0, 'no layout shift');
    const tags = () => s.page.evaluate(() => ({ stats: !!window.northwindStats, ads: !!window.northwindRemarketing,
      reel: document.querySelector('.showreel iframe').getAttribute('src'), notice: getComputedStyle(document.getElementById('showreel-blocked')).display }));
    assert.deepEqual(await tags(), { stats: false, ads: false, reel: null, notice: 'grid' });
    // The showreel's own button opens the choices; allowing ads starts the video and the tag.
    await s.page.click('#showreel-blocked button');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.match(await s.page.textContent('dialog.prefs .docs'), /User Agreement/);
    await s.page.check('#al-t-ads');
    await s.page.click('dialog.prefs button:text-is("Save choices")');
    await s.page.waitForFunction(() => window.northwindRemarketing === true);
    assert.deepEqual(await tags(), { stats: false, ads: true, reel: env.origin + '/partner-demo/embed/showreel.html', notice: 'none' });
    const rec = await readRecord(s.page, 'northwind.consent.v1');
    assert.equal(rec.site, 'partner-demo');
    assert.deepEqual(rec.documents.map((d) => d.id), ['user-agreement', 'privacy']);

    // Both forms: refused without the checkbox, accepted by the server with it.
    const agreement = env.manifests['partner-demo'].documents.find((d) => d.id === 'user-agreement');
    const version = agreement.versions.find((v) => v.version === agreement.current);
    for (const [form, fill] of [['#inquiry', { '#q-name': 'Ada', '#q-email': 'ada@example.test', '#q-message': 'A booking app.' }],
                                ['#newsletter', { '#n-email': 'ada@example.test' }]]) {
      await s.page.goto(env.origin + '/partner-demo/#contact');
      await s.page.waitForSelector(form + ' .astradia-accept input');
      for (const [sel, value] of Object.entries(fill)) await s.page.fill(sel, value);
      const sent = [];
      s.page.on('request', (r) => { if (r.url().endsWith('/api/partner-demo/form')) sent.push(r.postData()); });
      await s.page.click(form + ' button[type=submit]');
      await s.page.waitForTimeout(300);
      assert.deepEqual(sent, [], `${form} did not go without the checkbox`);
      await s.page.check(form + ' .astradia-accept input');
      await Promise.all([s.page.waitForURL('**/partner-demo/thanks.html'), s.page.click(form + ' button[type=submit]')]);
      const fields = new URLSearchParams(sent[0]);
      assert.equal(fields.get('acceptance.document'), 'user-agreement');
      assert.equal(fields.get('acceptance.version'), agreement.current);
      assert.equal(fields.get('acceptance.hash'), version.hash.en);
      assert.equal(await s.page.textContent('h1'), 'Thank you');
    }

    // Withdraw everything from the footer control: the studio's keys and cookies go.
    await s.page.goto(env.origin + '/partner-demo/');
    await widgetState(s.page, 'settled');
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: true, ads: true }, { age_confirmed: true }));
    await s.page.waitForFunction(() => window.northwindStats === true);
    assert.match(await s.page.evaluate(() => document.cookie), /nw_visit=1/);
    await s.page.click('footer button[data-consent-open]');
    await s.page.waitForSelector('dialog.prefs[open]');
    await s.page.click('dialog.prefs button:text-is("Reject all")');
    const left = await s.page.evaluate(() => ({ keys: Object.keys(localStorage).sort(), cookie: document.cookie }));
    assert.deepEqual(left.keys, ['northwind.consent.secret.v1', 'northwind.consent.v1'], 'only the record and its secret stay');
    assert.equal(left.cookie, '');
    await s.page.waitForFunction(() => !document.querySelector('.showreel iframe').hasAttribute('src'));
    assert.deepEqual(await tags(), { stats: true, ads: true, reel: null, notice: 'grid' },
      'the showreel is unloaded and its notice is back (scripts that ran stay run)');
    assert.deepEqual(s.issues.console, []);
    assert.deepEqual(s.issues.offOrigin, []);
    assert.deepEqual(await s.cspViolations(), []);
  } finally { await s.close(); }
});

test('embedding guide: the snippet carries the real SRI hash and every setting is documented', { timeout: 60000 }, async () => {
  const s = await openPage(env.origin);
  try {
    await s.page.goto(env.origin + '/widget/');
    await widgetState(s.page, 'banner');
    const expected = 'sha384-' + createHash('sha384').update(readFileSync(path.join(SITE, 'widget', 'astradia-legal.js'))).digest('base64');
    const snippet = await s.page.textContent('#embed pre');
    assert.ok(snippet.includes(`integrity="${expected}"`), snippet);
    assert.equal(await s.page.getAttribute('script[src="astradia-legal.js"]', 'integrity'), expected);
    const documented = (await s.page.$$eval('#config tbody th code', (c) => c.map((x) => x.textContent))).sort();
    assert.deepEqual(documented, Object.keys(parseConfig({ site: 'x' }).config).sort());
    await s.page.click('.head button[data-consent-open]');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.deepEqual(s.issues.console, []);
    assert.deepEqual(await s.cspViolations(), []);
  } finally { await s.close(); }
});
