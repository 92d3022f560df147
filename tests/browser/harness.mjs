// Purpose: shared set-up for the browser tests: serve.py on a free port over the built
// site, Debian's Chromium driven by playwright-core (never a downloaded browser), a
// guard that records every request leaving 127.0.0.1, console errors, CSP violations,
// and helpers to read screenshot pixels.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const { PNG } = require('pngjs');

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = path.join(REPO, 'build', 'wasm-release', 'site');
export const SHOTS = path.join(REPO, 'build', 'screenshots');
export const CHROMIUM = process.env.ASTRADIA_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-features=MediaRouter,OptimizationHints,Translate',
];

// (DEBUG_SERVE=1 prints the server's log when it stops.)
// Starts serve.py (it never builds: the test command built the site) with Debian's Python, the one
// that sees python3-waitress, and resolves to { origin, stop(), log() } once it listens. Without
// a --database (or --consent-db) in extraArgs it gets a fresh SQLite file of its own.
export async function startServer({ root = SITE, extraArgs = [] } = {}) {
  const own = extraArgs.some((a) => a === '--database' || a === '--consent-db') ? [] :
    ['--database', path.join(mkdtempSync(path.join(tmpdir(), 'astradia-db-')), 'astradia.sqlite3')];
  const proc = spawn('/usr/bin/python3', [path.join(REPO, 'serve.py'), '--root', root, '--port', '0', ...own, ...extraArgs], {
    cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'],
    // A test run posts more receipts from 127.0.0.1 in a minute than any visitor: a wider bucket.
    env: { ...process.env, ASTRADIA_RATE_LIMIT_BURST: '1000' },
  });
  let output = '';
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.py did not start: ' + output)), 15000);
    proc.stderr.on('data', (chunk) => {
      output += chunk;
      const m = output.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited ${code}: ${output}`)); });
  });
  return {
    origin,
    log: () => output,
    stop: () => new Promise((resolve) => { if (process.env.DEBUG_SERVE) console.error(output); proc.once('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

// A fresh browser profile with the given viewport (and user agent: the statistics ignore headless
// browsers, so a test that counts a player's visit says it is an ordinary Chrome). Returns { context, page, issues, close() }
// where issues collects console errors, page errors, CSP violations and off-origin requests.
export async function openPage(origin, {
  width = 1280, height = 800, scale = 1, touch = false, initScript, colorScheme = 'light', locale = 'en-US',
  userAgent,
} = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'astradia-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width, height }, deviceScaleFactor: scale, hasTouch: touch, isMobile: touch,
    colorScheme, locale, ...(userAgent ? { userAgent } : {}),
  });
  const issues = { console: [], pageErrors: [], offOrigin: [], csp: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url === origin) return route.continue();
    issues.offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (initScript) await context.addInitScript(initScript);
  const page = context.pages()[0] || (await context.newPage());
  page.on('console', (msg) => { if (msg.type() === 'error') issues.console.push(msg.text()); });
  page.on('pageerror', (err) => issues.pageErrors.push(String(err)));
  return {
    context, page, issues,
    async cspViolations() { return page.evaluate(() => window.__cspViolations); },
    async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

// Saves a screenshot under build/screenshots/ and returns its decoded pixels.
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const buffer = await page.screenshot();
  writeFileSync(path.join(SHOTS, name), buffer);
  return PNG.sync.read(buffer);
}

// Colour statistics of a decoded PNG: distinct colours, share of pixels unlike the
// top-left one, and the mean of a region given in image pixels.
export function pixelStats(png) {
  const { width, height, data } = png;
  const colours = new Set();
  const bg = data.readUInt32BE(0);
  let differing = 0;
  for (let i = 0; i < width * height; i++) {
    const v = data.readUInt32BE(i * 4);
    colours.add(v);
    if (v !== bg) differing++;
  }
  return { width, height, colours: colours.size, share: differing / (width * height) };
}

// --- the game app's test hook (window.astradia) -----------------------------------------

// The app's state through its read-only test hook.
export async function appState(page) {
  return page.evaluate(() => window.astradia.state());
}

// Waits until the app reports `predicate(state)` true (polling the hook).
export async function waitForState(page, predicate, { timeout = 15000, what = 'state' } = {}) {
  const started = Date.now();
  let last;
  while (Date.now() - started < timeout) {
    // Right after a navigation the new page may not have its hook yet: that is "not yet".
    last = await page.evaluate(() => (window.astradia ? window.astradia.state() : null));
    if (last && predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  // What a reader needs first: the screen, the frames drawn and the targets on it; then the rest.
  const brief = last && {
    screen: last.screen, frames: last.frames,
    targets: (last.targets || []).map((t) => `${t.label}@${Math.round(t.x)},${Math.round(t.y)}${t.enabled ? '' : '(off)'}`),
    sudoku: last.sudoku && { id: last.sudoku.id, status: last.sudoku.status, celebrating: last.sudoku.celebrating },
  };
  throw new Error(`timed out waiting for ${what}; in brief: ${JSON.stringify(brief)}; last state: ${JSON.stringify(last).slice(0, 2000)}`);
}

// The target (button, toggle, choice) with this visible label, as the app drew it; with
// { group } only one drawn in that part of the screen (each start-screen card is a group
// named after its game, and both cards have a "New game").
const matches = (label, group) => (t) => t.label === label && (group === undefined || t.group === group);
export async function findTarget(page, label, { group } = {}) {
  const s = await waitForState(page, (st) => st.targets.some(matches(label, group)),
    { what: `a target labelled "${label}"${group === undefined ? '' : ` in ${group}`}` });
  return s.targets.find(matches(label, group));
}

// Clicks the centre of a target with the mouse (or taps it with touch: { touch: true }).
// A finger for pages opened with { touch: true }: touch(type, point) sends one
// touchStart / touchMove / touchEnd (point null) through the DevTools protocol, as a
// touch screen does (page.touchscreen only taps). touch(type, point, at) stamps the event
// with the time `at` (seconds since 1970): a gesture with a hand's timing on a machine too
// busy to deliver the events in time (a flick).
export async function finger(session) {
  const cdp = await session.context.newCDPSession(session.page);
  return (type, p, at) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: p ? [{ x: p.x, y: p.y, radiusX: 4, radiusY: 4, force: 1, id: 1 }] : [],
    ...(at === undefined ? {} : { timestamp: at }),
  });
}

// A target below or above the viewport (a long settings page) is first scrolled into
// view with the mouse wheel, as a player would.
export async function clickTarget(page, label, { touch = false, group } = {}) {
  const match = matches(label, group);
  let t = await findTarget(page, label, { group });
  // A sheet that sizes itself to its content is placed in its second frame: wait until
  // the target is reported at the same place twice.
  const same = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
  for (let tries = 0; tries < 20; tries++) {
    await page.waitForTimeout(30);
    const again = (await appState(page)).targets.find(match);
    if (same(again, t)) break;
    t = again || t;
  }
  const view = page.viewportSize();
  for (let tries = 0; tries < 10 && (t.y < 0 || t.y + t.h > view.height); tries++) {
    const before = t.y;
    await page.mouse.move(view.width / 2, view.height / 2);
    await page.mouse.wheel(0, t.y + t.h / 2 - view.height / 2);
    const moved = await waitForState(page, (st) => st.targets.some((x) => match(x) && x.y !== before),
      { what: `"${label}" scrolled into view` });
    t = moved.targets.find(match);
  }
  const x = t.x + t.w / 2;
  const y = t.y + t.h / 2;
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  return t;
}

// Decides the consent banner the way a player who declines everything optional would
// (through the widget's API), so it no longer covers the bottom of the game.
export async function declineConsent(page) {
  await page.waitForFunction(() => window.AstradiaLegal, null, { timeout: 15000 });
  await page.evaluate(() => window.AstradiaLegal.set({ statistics: false, ads: false }));
  await page.waitForFunction(() => {
    const host = document.querySelector('astradia-legal');
    return host && host.dataset.state === 'settled';
  }, null, { timeout: 15000 });
}

// Loads the game page and waits for the first frame. With { consent: 'decline' } (the
// default) the consent banner is answered first, as a player would before playing.
export async function loadApp(session, origin, path = '/', { consent = 'decline' } = {}) {
  await session.page.goto(origin + path);
  await session.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
  if (consent === 'decline') await declineConsent(session.page);
  return appState(session.page);
}
