// Purpose: the Sudoku screen fits without scrolling at the sizes players use, in real
// Chromium, reached from the start screen through the hook's targets: a 390x844 phone
// (DPR 3), an 844x390 landscape phone (its number pad was below the fold), an 820x1180
// tablet, a 1280x800 desktop and a 640x400 window at DPR 2 (where "Mistakes" and the clock
// overlapped and the pad was cut off). In play, with each stage of a hint, paused, and the
// level and daily sheets: every control on screen, none overlapping another or the title,
// mistakes and clock, touch targets 44 CSS px tall. Screenshots: build/screenshots/
// sudoku-layout-<size>-<state>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPage, screenshot, appState, waitForState, clickTarget, loadApp } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const SIZES = [
  { name: 'phone', width: 390, height: 844, scale: 3, touch: true },
  { name: 'phone-landscape', width: 844, height: 390, scale: 3, touch: true },
  { name: 'tablet', width: 820, height: 1180, scale: 2, touch: true },
  { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false },
  { name: 'small-window', width: 640, height: 400, scale: 2, touch: false },
];

const overlaps = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

// Checks what the app drew last; `layer` picks the targets of a sheet or dialog over the rest.
async function check(page, size, state, { layer } = {}) {
  const st = await appState(page);
  await screenshot(page, `sudoku-layout-${size.name}-${state}.png`);
  const boxes = [];
  for (const t of st.targets.filter(layer || (() => true))) {
    const where = `${state}: "${t.label}" (${t.x},${t.y} ${t.w}x${t.h})`;
    assert.ok(t.x >= -0.5 && t.y >= -0.5 && t.x + t.w <= size.width + 0.5 && t.y + t.h <= size.height + 0.5, `${where} is on screen`);
    if (size.touch) assert.ok(t.h >= 44 - 0.5, `${where} is at least 44 CSS px tall`);
    boxes.push({ ...t, what: t.label });
  }
  if (!layer && st.sudoku) {
    for (const name of ['title', 'mistakes', 'clock']) {
      const r = st.sudoku.layout[name];
      if (r.w > 0) boxes.push({ ...r, what: name });
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      assert.ok(!overlaps(boxes[i], boxes[j]), `${state}: "${boxes[i].what}" and "${boxes[j].what}" overlap`);
    }
  }
  return st;
}

for (const size of SIZES) {
  test(`Sudoku fits the ${size.name} (${size.width}x${size.height} @${size.scale}x) in every state`, { timeout: 180000 }, async () => {
    const s = await openPage(server.origin, size);
    const touch = size.touch;
    try {
      await loadApp(s, server.origin, '/');
      // The sheets of the start card.
      await clickTarget(s.page, 'New game', { group: 'sudoku', touch });
      await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Extreme'), { what: 'the levels' });
      const levels = ['Easy', 'Medium', 'Hard', 'Expert', 'Extreme', 'Paste a puzzle', 'Close'];
      await check(s.page, size, 'levels', { layer: (t) => t.group === 'sudoku' && levels.includes(t.label) });
      await clickTarget(s.page, 'Medium', { group: 'sudoku', touch });
      let st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku, { what: 'the game' });
      st = await check(s.page, size, 'playing');
      assert.equal(st.sudoku.layout.side, size.width > size.height, 'landscape puts the board beside the controls');
      const pad = st.sudoku.layout.pad;
      assert.ok(pad.y + pad.h <= size.height + 0.5, 'the whole pad is on screen, no scrolling');
      for (let d = 1; d <= 9; d++) assert.ok(st.targets.some((t) => t.label === String(d)), `the ${d} key is there`);
      // Each stage of a hint.
      await clickTarget(s.page, 'Hint', { touch });
      for (const [stage, next] of [[1, 'Which technique?'], [2, 'Show the answer'], [3, null]]) {
        await waitForState(s.page, (q) => q.sudoku.hint && q.sudoku.hint.stage === stage, { what: `hint stage ${stage}` });
        st = await check(s.page, size, `hint-${stage}`);
        const panel = st.sudoku.layout.hint_panel;
        assert.ok(panel.y + panel.h <= size.height + 0.5, `hint stage ${stage}: the panel is on screen`);
        if (next) await clickTarget(s.page, next, { touch });
      }
      await clickTarget(s.page, 'Got it', { touch });
      // Paused.
      await clickTarget(s.page, 'Pause', { touch });
      await waitForState(s.page, (q) => q.sudoku.paused, { what: 'paused' });
      await check(s.page, size, 'paused');
      await clickTarget(s.page, 'Resume', { touch });
      // The daily sheet.
      await clickTarget(s.page, '\u2190 Menu', { touch });
      await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'sudoku'), { what: 'the menu' });
      await clickTarget(s.page, 'Daily puzzle', { group: 'sudoku', touch });
      await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Play'), { what: 'the daily sheet' });
      const daily = ['\u2190', '\u2192', 'Play', 'Close', ...Array.from({ length: 31 }, (_, i) => String(i + 1))];
      await check(s.page, size, 'daily', { layer: (t) => t.group === 'sudoku' && daily.includes(t.label) });
      assert.deepEqual(s.issues.pageErrors, []);
      assert.deepEqual(s.issues.console, []);
    } finally { await s.close(); }
  });
}
