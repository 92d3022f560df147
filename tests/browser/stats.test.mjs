// Purpose: first-party statistics end to end in real Chromium, from the start screen and through the
// test hook's targets only: a player who grants statistics in the consent banner and plays Bricks and
// Sudoku has their screens and games counted (batches to the site's own /api/events, nothing off the
// origin), and the operator sees them on /admin/stats/ (token once in the address, then the cookie), at
// phone and desktop size, with a screenshot and axe on the dashboard; a player who refuses statistics
// sends nothing at all, and one who withdraws stops sending at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startServer, openPage, waitForState, clickTarget, screenshot, SHOTS } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const TOKEN = 'op-browser-' + Math.random().toString(16).slice(2);
// An ordinary browser's user agent: the server ignores headless ones as bots.
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const SIZES = [
  { name: 'phone', width: 390, height: 844, scale: 3, touch: true },
  { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false },
];

let server;
before(async () => {
  process.env.ASTRADIA_ADMIN_TOKEN = TOKEN;
  server = await startServer();
});
after(async () => { await server.stop(); delete process.env.ASTRADIA_ADMIN_TOKEN; });

// Every POST to /api/events the page makes, with its parsed body.
function recordBatches(page) {
  const batches = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/events')) batches.push(JSON.parse(r.postData()));
  });
  return batches;
}

async function openGame(size) {
  const s = await openPage(server.origin, { ...size, userAgent: UA });
  const batches = recordBatches(s.page);
  await s.page.goto(server.origin + '/');
  await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
  return { s, batches };
}

async function answerBanner(page, button) {
  await page.click(`.banner button:text-is("${button}")`);
  await page.waitForFunction(() => document.querySelector('astradia-legal')?.dataset.state === 'settled');
}

// From the start screen: a Bricks game, back to the menu, an easy Sudoku.
async function play(page, touch) {
  await clickTarget(page, 'New game', { group: 'bricks', touch });
  await waitForState(page, (q) => q.screen === 'bricks', { what: 'the Bricks screen' });
  await clickTarget(page, '\u2190 Menu', { touch });
  await waitForState(page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'sudoku'), { what: 'the start screen' });
  await clickTarget(page, 'New game', { group: 'sudoku', touch });
  await clickTarget(page, 'Easy', { group: 'sudoku', touch });
  await waitForState(page, (q) => q.screen === 'sudoku', { what: 'an easy Sudoku' });
}

async function axe(page) {
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, TAGS);
}

for (const size of SIZES) {
  test(`${size.name}: statistics granted in the banner, a game played, the operator sees it counted`, { timeout: 180000 }, async () => {
    const { s, batches } = await openGame(size);
    try {
      // Before any answer the banner covers the page and nothing is sent.
      await s.page.waitForTimeout(500);
      assert.equal(batches.length, 0, 'nothing before consent');
      await answerBanner(s.page, 'Accept all');
      await play(s.page, size.touch);
      // The queue leaves within a few seconds (and at the latest when the page is hidden).
      const sent = s.page.waitForResponse((r) => r.url().endsWith('/api/events'), { timeout: 15000 });
      assert.equal((await sent).status(), 204);
      await s.page.waitForTimeout(200);
      const events = batches.flatMap((b) => b.events);
      const names = events.map((e) => e.name);
      assert.ok(names.includes('bricks_started'), names.join(','));
      assert.ok(events.some((e) => e.name === 'sudoku_started' && e.level === 'easy' && e.daily === false), names.join(','));
      assert.ok(events.some((e) => e.name === 'app_screen' && e.screen === 'bricks' && e.lang === 'en'), names.join(','));
      const view = events.find((e) => e.name === 'page_view');
      assert.deepEqual(view && { ...view, age: 0 },
        { name: 'page_view', path: '/', ref: '', lang: 'en', screen: size.touch ? 'phone' : 'desktop', age: 0 },
        'the page view, counted once statistics are allowed');
      assert.equal(events.filter((e) => e.name === 'page_view').length, 1);
      for (const e of events) assert.ok(Number.isInteger(e.age) && e.age >= 0, JSON.stringify(e));

      // The operator's dashboard, in the same browser: the token once in the address.
      await s.context.addInitScript({ content: AXE });  // (an init script: the CSP allows no inline one)
      const dash = await s.context.newPage();
      await dash.goto(`${server.origin}/admin/stats/?range=1&token=${TOKEN}`);
      assert.ok(!dash.url().includes(TOKEN), 'the token is dropped from the address');
      const html = await dash.content();
      assert.match(html, /<th scope="row">easy<\/th><td>[1-9]/, 'the easy Sudoku is counted');
      assert.match(html, /<th scope="row">bricks<\/th><td>[1-9]/, 'the Bricks screen is counted');
      assert.match(html, /<th scope="row">\/<\/th><td>[1-9]/, 'the game page is counted among the site pages');
      await screenshot(dash, `stats-dashboard-${size.name}.png`);
      await dash.screenshot({ path: path.join(SHOTS, `stats-dashboard-${size.name}-full.png`), fullPage: true });
      assert.deepEqual(await axe(dash), [], 'axe finds no violation on the dashboard');
      const overflow = await dash.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page fits the width (${overflow} px too wide)`);
      assert.deepEqual(s.issues.offOrigin, [], 'nothing leaves the origin');
      assert.deepEqual(s.issues.pageErrors, []);
      assert.deepEqual(await s.cspViolations(), []);
      await dash.close();
    } finally { await s.close(); }
  });
}

test('desktop: refused statistics send nothing; a withdrawal stops sending at once', { timeout: 180000 }, async () => {
  const { s, batches } = await openGame(SIZES[1]);
  try {
    await answerBanner(s.page, 'Reject all');
    await play(s.page, false);
    await s.page.waitForTimeout(5000);  // longer than the queue's delay
    await s.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    assert.equal(batches.length, 0, 'nothing is sent without consent');
    assert.equal((await waitForState(s.page, () => true)).consent.statistics, false);

    // Granted now, then withdrawn before the queue leaves: what was queued is dropped, nothing goes.
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: true, ads: false }));
    await clickTarget(s.page, '\u2190 Menu');
    await waitForState(s.page, (q) => q.screen === 'start', { what: 'the start screen' });
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: false, ads: false }));
    await clickTarget(s.page, 'New game', { group: 'bricks' });
    await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'the Bricks screen' });
    await s.page.waitForTimeout(5000);
    await s.page.goto('about:blank');  // leaving the page would send what is queued
    assert.equal(batches.length, 0, 'nothing is sent after the withdrawal');
  } finally { await s.close(); }
});
