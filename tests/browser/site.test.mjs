// Purpose: the game page in real Chromium against serve.py: it starts with no console
// error and no CSP violation, draws its first frame (pixels read from a screenshot),
// sends no request off 127.0.0.1, fills the viewport crisply on desktop and on a
// phone, verifies its scripts with SRI, and explains itself in browsers that lack
// WebAssembly or WebGL 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPage, screenshot, pixelStats } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function loadGame(opts) {
  const session = await openPage(server.origin, opts);
  await session.page.goto(server.origin + '/');
  await session.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
  // two more animation frames, so the screenshot holds a settled frame
  await session.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return session;
}

async function canvasGeometry(page) {
  return page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height, backingW: c.width, backingH: c.height,
             innerW: innerWidth, innerH: innerHeight, dpr: devicePixelRatio };
  });
}

test('desktop 1280x800: first frame drawn, no errors, nothing leaves 127.0.0.1', { timeout: 90000 }, async () => {
  const s = await loadGame({ width: 1280, height: 800, scale: 1 });
  try {
    const png = await screenshot(s.page, 'web-start-desktop.png');
    const stats = pixelStats(png);
    assert.equal(stats.width, 1280);
    assert.ok(stats.colours >= 32, `the canvas looks blank: ${stats.colours} colours`);
    assert.ok(stats.share > 0.02, `the canvas looks blank: ${(stats.share * 100).toFixed(2)}% drawn`);
    const g = await canvasGeometry(s.page);
    assert.deepEqual([g.width, g.height, g.backingW, g.backingH], [1280, 800, 1280, 800]);
    assert.deepEqual(s.issues.console, []);
    assert.deepEqual(s.issues.pageErrors, []);
    assert.deepEqual(s.issues.offOrigin, []);
    assert.deepEqual(await s.cspViolations(), []);
  } finally { await s.close(); }
});

test('desktop at devicePixelRatio 2: the backing store is scaled (crisp, not blurry)', { timeout: 90000 }, async () => {
  const s = await loadGame({ width: 1280, height: 800, scale: 2 });
  try {
    const g = await canvasGeometry(s.page);
    assert.equal(g.dpr, 2);
    assert.deepEqual([g.backingW, g.backingH], [2560, 1600]);
    const stats = pixelStats(await screenshot(s.page, 'web-start-desktop-dpr2.png'));
    assert.equal(stats.width, 2560);
    assert.ok(stats.colours >= 32 && stats.share > 0.02, 'the canvas looks blank at dpr 2');
    assert.deepEqual(s.issues.console, []);
  } finally { await s.close(); }
});

test('phone 390x844 with touch: the canvas fills the viewport', { timeout: 90000 }, async () => {
  const s = await loadGame({ width: 390, height: 844, scale: 3, touch: true });
  try {
    const g = await canvasGeometry(s.page);
    assert.deepEqual([g.innerW, g.innerH], [390, 844]);
    assert.deepEqual([g.left, g.top, g.width, g.height], [0, 0, 390, 844]);
    assert.deepEqual([g.backingW, g.backingH], [390 * 3, 844 * 3]);
    const png = await screenshot(s.page, 'web-start-phone.png');
    const stats = pixelStats(png);
    assert.deepEqual([stats.width, stats.height], [390 * 3, 844 * 3]);
    assert.ok(stats.colours >= 32 && stats.share > 0.02, 'the phone canvas looks blank');
    assert.deepEqual(s.issues.console, []);
    assert.deepEqual(s.issues.offOrigin, []);
  } finally { await s.close(); }
});

test('a browser without WebAssembly gets a plain explanation', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin, { initScript: () => { delete window.WebAssembly; } });
  try {
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('html[data-app="unsupported"]', { timeout: 15000 });
    assert.equal(await s.page.isVisible('#unsupported'), true);
    assert.equal(await s.page.isVisible('#canvas'), false);
    const text = await s.page.textContent('#unsupported');
    assert.match(text, /cannot run Astradia/);
    assert.match(text, /does not support WebAssembly/);
    await screenshot(s.page, 'web-unsupported-webassembly.png');
    assert.deepEqual(s.issues.console, []);
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});

test('a browser without WebGL 2 gets a plain explanation', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin, {
    initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    },
  });
  try {
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('html[data-app="unsupported"]', { timeout: 15000 });
    assert.match(await s.page.textContent('#unsupported'), /does not offer WebGL 2/);
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});

test('Subresource Integrity: a tampered script is refused and the page says so', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin);
  try {
    await s.page.route('**/astradia.*.js', async (route) => {  // the app's script (content-hashed name)
      const response = await route.fetch();
      const body = (await response.text()) + '\n// tampered';
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-encoding': 'identity' } });
    });
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('html[data-app="unsupported"]', { timeout: 15000 });
    assert.equal(await s.page.getAttribute('html', 'data-reason'), 'load');
    assert.ok(s.issues.console.some((m) => /integrity/i.test(m)), 'Chromium reports the integrity failure');
  } finally { await s.close(); }
});

test('offline: once loaded, the game starts again without a network', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin);
  try {
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    const version = await s.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active && reg.active.scriptURL;
    });
    assert.match(version, /\/sw\.js$/);
    await s.context.setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    const stats = pixelStats(await screenshot(s.page, 'web-offline.png'));
    assert.ok(stats.colours >= 32 && stats.share > 0.02, 'the offline start drew nothing');
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});
