// Purpose: every screen of the game app at the three sizes the product is designed for
// (a 390x844 phone at devicePixelRatio 3, a 768x1024 tablet and a 1440x900 desktop at 2):
// screenshots saved under build/screenshots/layout-*.png to look at, and checks a person
// would make: the canvas fills the window at full device resolution, nothing is cut off
// at the sides, touch targets are at least 44 CSS px, buttons do not overlap, and the
// consent banner is out of the way once decided.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, openPage, screenshot, pixelStats, appState, waitForState, clickTarget, loadApp,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const SIZES = [
  { name: 'phone', width: 390, height: 844, scale: 3, touch: true },
  { name: 'tablet', width: 768, height: 1024, scale: 2, touch: true },
  { name: 'desktop', width: 1440, height: 900, scale: 2, touch: false },
];

const overlaps = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

// Checks one drawn screen; `modal` names the labels of a dialog drawn over the rest
// (the targets under it are not checked for overlap with it).
async function check(s, size, screen, { modal = [] } = {}) {
  const st = await appState(s.page);
  const png = await screenshot(s.page, `layout-${size.name}-${screen}.png`);
  assert.equal(png.width, size.width * size.scale, `${screen}: the screenshot is at device resolution`);
  const canvas = await s.page.evaluate(() => {
    const c = document.querySelector('canvas');
    const r = c.getBoundingClientRect();
    return { w: r.width, h: r.height, pw: c.width, ph: c.height };
  });
  assert.deepEqual([canvas.w, canvas.h], [size.width, size.height], `${screen}: the canvas fills the window`);
  assert.deepEqual([canvas.pw, canvas.ph], [size.width * size.scale, size.height * size.scale],
    `${screen}: one canvas pixel per device pixel (crisp)`);
  const stats = pixelStats(png);
  assert.ok(stats.colours > 20 && stats.share > 0.01, `${screen}: something is drawn`);
  const visible = st.targets.filter((t) => t.y + t.h > 0 && t.y < size.height);
  assert.ok(visible.length > 0, `${screen}: there is something to press`);
  for (const t of visible) {
    assert.ok(t.x >= -0.5 && t.x + t.w <= size.width + 0.5, `${screen}: "${t.label}" is not cut off at the sides`);
    if (size.touch) assert.ok(t.h >= 44 - 0.5, `${screen}: "${t.label}" is at least 44 CSS px tall (${t.h})`);
  }
  const inModal = (t) => modal.includes(t.label);
  const layer = modal.length ? visible.filter(inModal) : visible;
  for (let i = 0; i < layer.length; i++) {
    for (let j = i + 1; j < layer.length; j++) {
      assert.ok(!overlaps(layer[i], layer[j]), `${screen}: "${layer[i].label}" and "${layer[j].label}" overlap`);
    }
  }
  return st;
}

for (const size of SIZES) {
  test(`every screen looks designed on the ${size.name} (${size.width}x${size.height} @${size.scale}x)`,
    { timeout: 180000 }, async () => {
      const s = await openPage(server.origin, size);
      const tap = (label) => clickTarget(s.page, label, { touch: size.touch });
      try {
        await loadApp(s, server.origin);
        await check(s, size, 'start');
        await tap('New game');  // Sudoku's: the level chooser
        await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Extreme'), { what: 'the levels' });
        await check(s, size, 'levels', { modal: ['Easy', 'Medium', 'Hard', 'Expert', 'Extreme', 'Close'] });
        await tap('Close');
        await waitForState(s.page, (q) => !q.targets.some((t) => t.label === 'Extreme'), { what: 'the levels closed' });
        for (const [label, screen] of [['Settings', 'settings'], ['Statistics', 'statistics'],
          ['How to play', 'help'], ['About', 'about']]) {
          await tap(label);
          await waitForState(s.page, (q) => q.screen === screen, { what: screen });
          await check(s, size, screen);
          await tap('\u2190 Back');
          await waitForState(s.page, (q) => q.screen === 'start', { what: 'the start screen' });
        }
        await s.page.goto(`${server.origin}/#sudoku/medium-7`);
        await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku, { what: 'the Sudoku screen' });
        await check(s, size, 'sudoku');
        await s.page.goto(`${server.origin}/#bricks/7`);
        await waitForState(s.page, (q) => q.screen === 'bricks' && q.bricks, { what: 'the Bricks screen' });
        await check(s, size, 'bricks');
        assert.deepEqual(s.issues.pageErrors, []);
        assert.deepEqual(s.issues.console, []);
      } finally { await s.close(); }
    });
}
