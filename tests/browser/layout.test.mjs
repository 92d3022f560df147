// Purpose: every screen of the game app at the sizes the issue names (a 390x844 phone and the
// same phone on its side at devicePixelRatio 3 with touch, an 820x1180 tablet at 2, a 1280x800
// desktop, and a small 640x400 window at 2), in English and (on the phones and the small
// window) Russian, reached from the start screen through the hook's targets only:
// screenshots under build/screenshots/layout-*.png to look at, and the checks a person would
// make: the canvas fills the window at full device resolution, nothing is cut off at the
// sides, touch targets are at least 44 CSS px, buttons do not overlap, no control is covered
// by anything of the page (the legal widget has no floating button on the game page: the
// privacy choices are in the app's own menu), and the Bricks screen fits without scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, openPage, screenshot, pixelStats, appState, waitForState, clickTarget, loadApp,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const SIZES = [
  { name: 'phone', width: 390, height: 844, scale: 3, touch: true, russian: true },
  { name: 'phone-landscape', width: 844, height: 390, scale: 3, touch: true, russian: true },
  { name: 'tablet', width: 820, height: 1180, scale: 2, touch: true },
  { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false },
  { name: 'small', width: 640, height: 400, scale: 2, touch: false, russian: true },
];
const WORDS = {
  en: {
    newGame: 'New game', medium: 'Medium', close: 'Close', back: '\u2190 Back', menu: '\u2190 Menu',
    levels: ['Easy', 'Medium', 'Hard', 'Expert', 'Extreme', 'Close'],
    pages: [['Settings', 'settings'], ['Statistics', 'statistics'], ['How to play', 'help'], ['About', 'about']],
  },
  ru: {
    newGame: 'Новая игра', medium: 'Средний', close: 'Закрыть', back: '\u2190 Назад', menu: '\u2190 Меню',
    levels: ['Лёгкий', 'Средний', 'Сложный', 'Эксперт', 'Экстрим', 'Закрыть'],
    pages: [['Настройки', 'settings'], ['Статистика', 'statistics'], ['Как играть', 'help'], ['О программе', 'about']],
  },
};

const overlaps = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

// Checks one drawn screen; `modal` names the labels of a dialog drawn over the rest (the
// targets under it are not checked for overlap with it); `fit`: every target on screen.
async function check(s, size, screen, { modal = [], fit = false } = {}) {
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
  if (fit) {
    for (const t of st.targets) {
      assert.ok(t.y >= -0.5 && t.y + t.h <= size.height + 0.5, `${screen}: "${t.label}" is on screen without scrolling`);
    }
  }
  const inModal = (t) => modal.includes(t.label);
  const layer = modal.length ? visible.filter(inModal) : visible;
  for (let i = 0; i < layer.length; i++) {
    for (let j = i + 1; j < layer.length; j++) {
      assert.ok(!overlaps(layer[i], layer[j]), `${screen}: "${layer[i].label}" and "${layer[j].label}" overlap`);
    }
  }
  // Nothing of the page lies over a control: the point a finger would press is the canvas's.
  const covered = await s.page.evaluate((points) => points.filter(([, x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return hit && hit.id !== 'canvas';
  }).map(([label, x, y]) => `${label} at ${x},${y}: ${document.elementFromPoint(x, y).tagName}`),
  layer.map((t) => [t.label, Math.min(size.width - 1, Math.max(0, t.x + t.w / 2)),
    Math.min(size.height - 1, Math.max(0, t.y + t.h / 2))]));
  assert.deepEqual(covered, [], `${screen}: no control is covered by the page`);
  return st;
}

const runs = [];
for (const size of SIZES) {
  runs.push({ size, lang: 'en' });
  if (size.russian) runs.push({ size: { ...size, name: `${size.name}-ru` }, lang: 'ru' });
}

for (const { size, lang } of runs) {
  test(`every screen looks designed on the ${size.name} (${size.width}x${size.height} @${size.scale}x)`,
    { timeout: 240000 }, async () => {
      const w = WORDS[lang];
      const s = await openPage(server.origin, { ...size, locale: lang === 'ru' ? 'ru-RU' : 'en-US' });
      const tap = (label, opts = {}) => clickTarget(s.page, label, { touch: size.touch, ...opts });
      try {
        await loadApp(s, server.origin);
        assert.equal((await appState(s.page)).language, lang);
        // The legal widget keeps no floating control on the game page.
        assert.equal(await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.querySelector('.fab')),
          null, 'no floating privacy button');
        await check(s, size, 'start');
        await tap(w.newGame, { group: 'sudoku' });  // the level chooser
        await waitForState(s.page, (q) => q.targets.some((t) => t.label === w.levels[4]), { what: 'the levels' });
        await check(s, size, 'levels', { modal: w.levels });
        await tap(w.close);
        await waitForState(s.page, (q) => !q.targets.some((t) => t.label === w.levels[4]), { what: 'the levels closed' });
        for (const [label, screen] of w.pages) {
          await tap(label);
          await waitForState(s.page, (q) => q.screen === screen, { what: screen });
          await check(s, size, screen);
          await tap(w.back);
          await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'bricks'),
            { what: 'the start screen' });
        }
        await tap(w.newGame, { group: 'sudoku' });
        await tap(w.medium, { group: 'sudoku' });
        await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku, { what: 'the Sudoku screen' });
        await check(s, size, 'sudoku');
        await tap(w.menu);
        await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'bricks'),
          { what: 'the start screen' });
        await tap(w.newGame, { group: 'bricks' });
        await waitForState(s.page, (q) => q.screen === 'bricks' && q.bricks, { what: 'the Bricks screen' });
        await check(s, size, 'bricks', { fit: true });
        assert.deepEqual(s.issues.pageErrors, []);
        assert.deepEqual(s.issues.console, []);
      } finally { await s.close(); }
    });
}
