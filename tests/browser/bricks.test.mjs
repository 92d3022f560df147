// Purpose: Bricks in real Chromium, driven like a player: mouse drags that clear a row
// and a column (score checked against the rules, computed here independently), play
// on to game over with the engine's hinted moves, a touch drag on a phone (the piece
// rides above the finger), keyboard play, resuming after a reload, a damaged save.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, openPage, screenshot, appState, waitForState, clickTarget, loadApp, finger,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// --- an independent model of the rules -------------------------------------------------
const N = 10;
const boardOf = (rows) => rows.map((r) => [...r].map((ch) => ch !== '.'));
const fits = (b, cells, r, c) => cells.every(([dr, dc]) => r + dr < N && c + dc < N && !b[r + dr][c + dc]);
function drop(b, cells, r, c) {
  const n = b.map((row) => row.slice());
  for (const [dr, dc] of cells) n[r + dr][c + dc] = true;
  const fullRows = [...Array(N).keys()].filter((i) => n[i].every(Boolean));
  const fullCols = [...Array(N).keys()].filter((j) => n.every((row) => row[j]));
  for (const i of fullRows) n[i].fill(false);
  for (const j of fullCols) for (const row of n) row[j] = false;
  const lines = fullRows.length + fullCols.length;
  return { board: n, rows: fullRows.length, cols: fullCols.length, points: cells.length + 5 * lines * (lines + 1) };
}
function anchors(b, cells) {
  const out = [];
  for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) if (fits(b, cells, r, c)) out.push([r, c]);
  return out;
}

// --- driving the screen ----------------------------------------------------------------
function geometry(st) {
  const board = st.targets.find((t) => t.label === 'bricks-board');
  const cell = st.bricks.layout.cell;
  return { board, cell, trayCell: st.bricks.layout.tray_cell, lift: st.bricks.layout.lift };
}
// The point to press to take a tray piece by its top-left cell, and where that cell lands.
function pickPoint(st, slot) {
  const g = geometry(st);
  const t = st.targets.find((x) => x.label === `piece ${slot + 1}`);
  const p = st.bricks.tray[slot];
  const ox = t.x + (t.w - p.width * g.trayCell) / 2;
  const oy = t.y + (t.h - p.height * g.trayCell) / 2;
  return { x: ox + 0.5 * g.trayCell, y: oy + 0.5 * g.trayCell };
}
function dropPoint(st, r, c, { touch = false } = {}) {
  const g = geometry(st);
  return { x: g.board.x + (c + 0.5) * g.cell, y: g.board.y + (r + 0.5) * g.cell + (touch ? g.lift : 0) };
}

async function dragWithMouse(page, st, slot, r, c) {
  const from = pickPoint(st, slot);
  const to = dropPoint(st, r, c);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Eight moves, as a hand makes them. (Two moves ran the 74-move game below in 65 s
  // instead of 159 s, but one run of four then crashed the app in wasm's malloc, a heap
  // corruption still to be found: see docs/DECISIONS.md, "Open bugs".)
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await waitForState(page, (q) => q.bricks.dragging && q.bricks.preview.valid, { what: 'the piece over the board' });
  await page.mouse.up();
  return waitForState(page, (q) => !q.bricks.dragging, { what: 'the drop' });
}

// A new game from a share link: #bricks/<seed> (fixed seeds keep every run the same).
const SEED = 20261121;
async function newBricksGame(s, seed = SEED) {
  await loadApp(s, server.origin, `/#bricks/${seed}`);
  return waitForState(s.page, (q) => q.screen === 'bricks' && q.bricks && q.bricks.seed === seed, { what: 'the Bricks screen' });
}

// Plays one placement and checks the app against the model: board, score, clears.
async function playChecked(page, st, slot, r, c) {
  const piece = st.bricks.tray[slot];
  const model = drop(boardOf(st.bricks.board), piece.cells, r, c);
  const after = await dragWithMouse(page, st, slot, r, c);
  assert.equal(after.bricks.score, st.bricks.score + model.points, 'score = cells + 5*r*(r+1)');
  assert.deepEqual(boardOf(after.bricks.board), model.board, 'the board after the drop');
  return { after, model };
}

test('mouse drags: a row and a column clear, and the score follows the rules', { timeout: 180000 }, async () => {
  const s = await openPage(server.origin, { width: 1280, height: 800 });
  try {
    let st = await newBricksGame(s);
    await screenshot(s.page, 'bricks-desktop-start.png');
    let clearedRow = false, clearedCol = false;
    for (let move = 0; move < 60 && !(clearedRow && clearedCol); move++) {
      // Fill row 0 and column 0: take the placement covering most of them, nearest the corner.
      const b = boardOf(st.bricks.board);
      let best = null;
      st.bricks.tray.forEach((p, slot) => {
        if (!p) return;
        for (const [r, c] of anchors(b, p.cells)) {
          const gain = p.cells.filter(([dr, dc]) => r + dr === 0 || c + dc === 0).length;
          const score = gain * 100 - (r + c);
          if (!best || score > best.score) best = { slot, r, c, score };
        }
      });
      assert.ok(best, 'some piece fits');
      const { after, model } = await playChecked(s.page, st, best.slot, best.r, best.c);
      if (model.rows > 0) clearedRow = true;
      if (model.cols > 0) clearedCol = true;
      if (model.rows > 0 && model.cols > 0) await screenshot(s.page, 'bricks-row-and-column.png');
      st = after;
    }
    assert.ok(clearedRow && clearedCol, 'a row and a column were cleared');
    assert.ok(st.bricks.lines >= 2);
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});

test('the ghost is green only where the piece fits, and shows the lines it would clear', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin, { width: 1280, height: 800 });
  try {
    const st = await newBricksGame(s);
    const slot = st.bricks.tray.findIndex((p) => p);
    const from = pickPoint(st, slot);
    await s.page.mouse.move(from.x, from.y);
    await s.page.mouse.down();
    const to = dropPoint(st, 4, 4);
    await s.page.mouse.move(to.x, to.y, { steps: 5 });
    const over = await waitForState(s.page, (q) => q.bricks.dragging && q.bricks.preview.valid, { what: 'a preview' });
    assert.equal(over.bricks.preview.fits, true);
    assert.deepEqual([over.bricks.preview.row, over.bricks.preview.col], [4, 4]);
    await screenshot(s.page, 'bricks-ghost.png');
    await s.page.mouse.move(5, 5, { steps: 3 });  // off the board: no ghost, the piece goes back
    await waitForState(s.page, (q) => !q.bricks.preview.valid, { what: 'no preview off the board' });
    await s.page.mouse.up();
    const back = await waitForState(s.page, (q) => !q.bricks.dragging, { what: 'the piece back in the tray' });
    assert.equal(back.bricks.placements, 0);
    assert.deepEqual(back.bricks.tray, st.bricks.tray);
  } finally { await s.close(); }
});

test('a share link gives the same game; a broken one says so', { timeout: 60000 }, async () => {
  const one = await openPage(server.origin);
  const two = await openPage(server.origin, { width: 390, height: 844, scale: 2, touch: true });
  try {
    const a = await newBricksGame(one, 77);
    const b = await newBricksGame(two, 77);
    assert.deepEqual(b.bricks.tray, a.bricks.tray);
    assert.equal(await one.page.evaluate(() => location.hash), '#bricks/77');
    const c = await newBricksGame(two, 78);
    assert.notDeepEqual(c.bricks.tray.map((p) => p.shape), a.bricks.tray.map((p) => p.shape));
    await one.page.goto(server.origin + '/#bricks/12x4');
    await one.page.reload();
    await one.page.waitForSelector('html[data-app="running"]');
    const bad = await waitForState(one.page, (q) => q.notice !== '', { what: 'the broken-link notice' });
    assert.match(bad.notice, /Bricks link is broken/);
  } finally { await one.close(); await two.close(); }
});

// A seed whose game, following the engine's hint at every move, ends early: the engine
// plays well (its median game runs to thousands of placements, see `./run bench bricks`),
// so this one was found by playing seeds 1, 2, ... with the hint natively until a game
// ended within 90 placements; it ends after 74 (score 547). The engine is the same in
// wasm (golden tests), so the browser must end it the same way.
const HINT_SEED = 4820;

test('play on to game over with the engine\'s moves: each hint legal, the game-over dialog, a new game', { timeout: 600000 }, async () => {
  const s = await openPage(server.origin, { width: 1280, height: 800 });
  try {
    await newBricksGame(s, HINT_SEED);
    await clickTarget(s.page, '\u2190 Menu');
    await clickTarget(s.page, 'Settings');
    await clickTarget(s.page, 'Show a suggested move');
    await clickTarget(s.page, '\u2190 Back');
    await clickTarget(s.page, 'Continue');
    let st = await waitForState(s.page, (q) => q.screen === 'bricks' && q.bricks.hint, { what: 'a hint' });
    await screenshot(s.page, 'bricks-hint.png');
    let moves = 0;
    for (; moves < 150 && !st.bricks.over; moves++) {
      const h = st.bricks.hint;
      assert.ok(anchors(boardOf(st.bricks.board), st.bricks.tray[h.piece].cells).some(([r, c]) => r === h.row && c === h.col),
        'the hint fits where it points');
      const before = st.bricks.placements;
      ({ after: st } = await playChecked(s.page, st, h.piece, h.row, h.col));
      if (!st.bricks.over) {
        st = await waitForState(s.page, (q) => q.bricks.placements === before + 1 && (q.bricks.hint || q.bricks.over), { what: 'the next hint' });
      }
      if (moves === 40) await screenshot(s.page, 'bricks-crowded.png');
    }
    assert.equal(st.bricks.over, true, `the game ended (after ${moves} of the engine's moves)`);
    assert.equal(moves, 74, 'the same game as the engine plays natively');
    st = await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Play again'), { what: 'the game-over dialog' });
    // Over means over: no remaining piece fits anywhere (the model agrees).
    const b = boardOf(st.bricks.board);
    assert.ok(st.bricks.tray.every((p) => !p || anchors(b, p.cells).length === 0));
    await screenshot(s.page, 'bricks-game-over.png');
    assert.equal(st.bricks.stats.games, 1);
    assert.equal(st.bricks.score, 547);
    await clickTarget(s.page, 'Play again');
    const fresh = await waitForState(s.page, (q) => !q.bricks.over && q.bricks.placements === 0, { what: 'a new game' });
    assert.equal(fresh.bricks.best, st.bricks.score);
  } finally { await s.close(); }
});

test('touch drag on a phone: the piece rides above the finger and lands where shown', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin, { width: 390, height: 844, scale: 3, touch: true });
  try {
    const st = await newBricksGame(s);
    const slot = st.bricks.tray.findIndex((p) => p);
    const from = pickPoint(st, slot);
    const to = dropPoint(st, 6, 2, { touch: true });
    const touch = await finger(s);
    await touch('touchStart', from);
    for (let i = 1; i <= 6; i++) {
      await touch('touchMove', { x: from.x + (to.x - from.x) * i / 6, y: from.y + (to.y - from.y) * i / 6 });
      await s.page.waitForTimeout(16);
    }
    const held = await waitForState(s.page, (q) => q.bricks.dragging && q.bricks.preview.valid, { what: 'the piece in hand' });
    assert.deepEqual([held.bricks.preview.row, held.bricks.preview.col], [6, 2]);
    await screenshot(s.page, 'bricks-phone-touch-drag.png');
    await touch('touchEnd', null);
    const after = await waitForState(s.page, (q) => q.bricks.placements === 1, { what: 'the placement' });
    const model = drop(boardOf(st.bricks.board), st.bricks.tray[slot].cells, 6, 2);
    assert.deepEqual(boardOf(after.bricks.board), model.board);
  } finally { await s.close(); }
});

test('keyboard: choose a piece with 1-3, move it with the arrows, place it with Enter', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin);
  try {
    const st = await newBricksGame(s);
    const slot = st.bricks.tray.findIndex((p) => p);
    await s.page.keyboard.press(String(slot + 1));
    const chosen = await waitForState(s.page, (q) => q.bricks.held === slot && q.bricks.preview.valid, { what: 'a chosen piece' });
    assert.deepEqual([chosen.bricks.preview.row, chosen.bricks.preview.col], [0, 0], 'it starts where it fits');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowRight');
    await waitForState(s.page, (q) => q.bricks.preview.row === 2 && q.bricks.preview.col === 1, { what: 'the moved piece' });
    await s.page.keyboard.press('Enter');
    const after = await waitForState(s.page, (q) => q.bricks.placements === 1, { what: 'the placement' });
    const model = drop(boardOf(st.bricks.board), st.bricks.tray[slot].cells, 2, 1);
    assert.deepEqual(boardOf(after.bricks.board), model.board);
  } finally { await s.close(); }
});

test('a reload in the middle of a game resumes it exactly; a damaged save is set aside', { timeout: 120000 }, async () => {
  const s = await openPage(server.origin);
  try {
    let st = await newBricksGame(s);
    for (let k = 0; k < 3; k++) {
      const slot = st.bricks.tray.findIndex((p) => p);
      const [r, c] = anchors(boardOf(st.bricks.board), st.bricks.tray[slot].cells)[0];
      ({ after: st } = await playChecked(s.page, st, slot, r, c));
    }
    await s.page.reload();
    await s.page.waitForSelector('html[data-app="running"]');
    const back = await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'the game back' });
    for (const key of ['seed', 'score', 'board', 'tray', 'placements', 'lines']) {
      assert.deepEqual(back.bricks[key], st.bricks[key], key);
    }
    await s.page.goto(server.origin + '/favicon.svg');  // any page of the site
    const saved = await s.page.evaluate(() => localStorage.getItem('astradia.bricks.game'));
    await s.page.evaluate((t) => localStorage.setItem('astradia.bricks.game', t.replace('"score":', '"score":1')), saved);
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('html[data-app="running"]');
    const damaged = await appState(s.page);
    assert.match(damaged.notice, /could not read your saved Bricks game/);
    assert.equal(damaged.bricks, null);
  } finally { await s.close(); }
});
