// Purpose: a new player's first minute, from the start screen only, through the test hook's
// targets (never a #link): at phone (touch), tablet (touch) and desktop size, Bricks'
// "New game" starts a fresh Bricks game with and without a game to continue (it once did
// nothing: both cards' buttons shared one ImGui ID), "Continue" resumes the saved one, and
// Sudoku's "New game" with a level starts Sudoku.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openPage, appState, waitForState, clickTarget, loadApp, screenshot } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const SIZES = [
  { name: 'phone', width: 390, height: 844, scale: 3, touch: true },
  { name: 'tablet', width: 820, height: 1180, scale: 2, touch: true },
  { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false },
];

// Drags the first tray piece by its centre to the board's cell (2, 2), with a finger or the
// mouse, in eight moves as a hand makes them: on an empty board every shape fits there.
async function placeOnePiece(page, touch) {
  const before = await appState(page);
  const board = before.targets.find((t) => t.label === 'bricks-board');
  const piece = before.targets.find((t) => t.label === 'piece 1');
  assert.ok(board && piece, 'the board and the first piece are on screen');
  const from = { x: piece.x + piece.w / 2, y: piece.y + piece.h / 2 };
  const cell = before.bricks.layout.cell;
  const to = { x: board.x + 2.5 * cell, y: board.y + 2.5 * cell + (touch ? before.bricks.layout.lift : 0) };
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    const send = (type, p) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: p ? [{ x: p.x, y: p.y, radiusX: 4, radiusY: 4, force: 1, id: 1 }] : [],
    });
    await send('touchStart', from);
    for (let i = 1; i <= 8; i++) {
      await send('touchMove', { x: from.x + (to.x - from.x) * i / 8, y: from.y + (to.y - from.y) * i / 8 });
    }
    await send('touchEnd', null);
  } else {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8);
    await page.mouse.up();
  }
  return waitForState(page, (q) => q.bricks && q.bricks.placements === 1, { what: 'one piece placed' });
}

for (const size of SIZES) {
  test(`${size.name}: Bricks starts from the start screen's New game, with and without a saved game`, { timeout: 120000 }, async () => {
    const s = await openPage(server.origin, { width: size.width, height: size.height, scale: size.scale, touch: size.touch });
    try {
      let st = await loadApp(s, server.origin, '/');
      assert.equal(st.screen, 'start');
      assert.equal(st.bricks, null, 'a new visitor has no Bricks game');
      // No saved game: the Bricks card's only button is New game.
      await clickTarget(s.page, 'New game', { group: 'bricks', touch: size.touch });
      st = await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'the Bricks screen' });
      assert.equal(st.bricks.placements, 0);
      assert.equal(st.bricks.over, false);
      const first = await placeOnePiece(s.page, size.touch);
      const seed = first.bricks.seed;
      await screenshot(s.page, `first-minute-${size.name}-bricks.png`);
      // Back to the menu: the game is saved, so the card offers Continue and New game.
      await clickTarget(s.page, '\u2190 Menu', { touch: size.touch });
      // (The frame that leaves a screen still reports that screen's targets: wait for the card.)
      st = await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'bricks'),
        { what: 'the start screen' });
      assert.ok(st.targets.some((t) => t.group === 'bricks' && t.label === 'Continue'), 'Bricks offers Continue');
      await screenshot(s.page, `first-minute-${size.name}-start-saved.png`);
      // Continue resumes the same game...
      await clickTarget(s.page, 'Continue', { group: 'bricks', touch: size.touch });
      st = await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'the saved game' });
      assert.equal(st.bricks.seed, seed);
      assert.equal(st.bricks.placements, 1);
      await clickTarget(s.page, '\u2190 Menu', { touch: size.touch });
      await waitForState(s.page, (q) => q.screen === 'start', { what: 'the start screen again' });
      // ... and New game, with a game saved, starts a fresh one.
      await clickTarget(s.page, 'New game', { group: 'bricks', touch: size.touch });
      st = await waitForState(s.page, (q) => q.screen === 'bricks' && q.bricks.placements === 0,
        { what: 'a fresh Bricks game' });
      assert.notEqual(st.bricks.seed, seed);
      assert.equal(st.bricks.stats.games, 1, 'the unfinished game counts as played');
      // Sudoku's New game (same label, the other card) opens its level sheet, not Bricks.
      await clickTarget(s.page, '\u2190 Menu', { touch: size.touch });
      await waitForState(s.page, (q) => q.screen === 'start', { what: 'the start screen' });
      await clickTarget(s.page, 'New game', { group: 'sudoku', touch: size.touch });
      await clickTarget(s.page, 'Easy', { group: 'sudoku', touch: size.touch });
      st = await waitForState(s.page, (q) => q.screen === 'sudoku', { what: 'an easy Sudoku' });
      assert.equal(st.sudoku.level, 'easy');
      assert.deepEqual(s.issues.pageErrors, []);
      assert.deepEqual(s.issues.console, []);
    } finally { await s.close(); }
  });
}
