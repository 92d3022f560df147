// Purpose: the legal widget's "Delete my data" in the middle of both games leaves nothing
// of the player behind: the app drops the games it held in memory (it once kept the Bricks
// game and statistics and wrote them back with the next move), returns to the start screen,
// and further play, begun from the start screen through the hook's targets, starts from
// scratch: storage then holds only the new games, and the statistics know nothing of before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, openPage, appState, waitForState, clickTarget, loadApp, declineConsent, screenshot,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const gameKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('astradia.')
  && !k.startsWith('astradia.consent')).sort());

// Drags the first piece left in the tray by its centre onto the board's cell (row, col)
// with the mouse (two such drags at (2, 2) and (7, 7) never overlap: a piece spans at most
// five cells).
async function placeAPiece(page, row = 2, col = 2) {
  const st = await appState(page);
  const board = st.targets.find((t) => t.label === 'bricks-board');
  const slot = st.bricks.tray.findIndex((p) => p !== null);
  const piece = st.targets.find((t) => t.label === `piece ${slot + 1}`);
  const from = { x: piece.x + piece.w / 2, y: piece.y + piece.h / 2 };
  const to = { x: board.x + (col + 0.5) * st.bricks.layout.cell, y: board.y + (row + 0.5) * st.bricks.layout.cell };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8);
  await page.mouse.up();
  return waitForState(page, (q) => q.bricks.placements === st.bricks.placements + 1, { what: 'a piece placed' });
}

// Clicks the first empty cell of the Sudoku board, then a digit on the pad.
async function enterADigit(page) {
  const st = await appState(page);
  const board = st.targets.find((t) => t.label === 'board');
  const empty = [...st.sudoku.givens].findIndex((c) => c === '.' || c === '0');
  const cell = board.w / 9;
  await page.mouse.click(board.x + (empty % 9 + 0.5) * cell, board.y + (Math.floor(empty / 9) + 0.5) * cell);
  await waitForState(page, (q) => q.sudoku.selected === empty, { what: 'the empty cell selected' });
  await clickTarget(page, '5');
  return waitForState(page, (q) => q.sudoku.entries[empty] === '5', { what: 'a digit entered' });
}

test('Delete my data mid-game: both games forget everything, and further play starts from scratch', { timeout: 120000 }, async () => {
  const s = await openPage(server.origin, { width: 1280, height: 800 });
  try {
    await loadApp(s, server.origin, '/');
    // Sudoku: from the start screen, a game with a digit in it, then back to the menu.
    await clickTarget(s.page, 'New game', { group: 'sudoku' });
    await clickTarget(s.page, 'Easy', { group: 'sudoku' });
    await waitForState(s.page, (q) => q.screen === 'sudoku', { what: 'Sudoku' });
    await enterADigit(s.page);
    await clickTarget(s.page, '\u2190 Menu');
    // Bricks: from the start screen, a game with two pieces placed.
    await clickTarget(s.page, 'New game', { group: 'bricks' });
    await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'Bricks' });
    await placeAPiece(s.page, 2, 2);
    let st = await placeAPiece(s.page, 7, 7);
    const oldSeed = st.bricks.seed;
    assert.ok(st.sudoku_stats.levels.easy.played === 1, 'the Sudoku game is in the statistics');
    assert.deepEqual(await gameKeys(s.page), ['astradia.bricks.game', 'astradia.sudoku.game', 'astradia.sudoku.stats']);

    // Mid-game on Bricks: the player deletes their data through the widget.
    await s.page.evaluate(() => window.AstradiaLegal.deleteData());
    st = await waitForState(s.page, (q) => q.screen === 'start' && q.bricks === null && q.sudoku === null,
      { what: 'both games gone and the start screen shown' });
    assert.equal(st.sudoku_stats.levels.easy.played, 0);
    assert.deepEqual(await gameKeys(s.page), [], 'nothing of the player is left in storage');
    await declineConsent(s.page);  // the widget asks again after deleting; the player declines
    await screenshot(s.page, 'delete-data-after.png');

    // Further play starts from scratch: a new Bricks game (not the old one) and a new Sudoku.
    st = await appState(s.page);
    assert.ok(!st.targets.some((t) => t.label === 'Continue'), 'nothing to continue');
    await clickTarget(s.page, 'New game', { group: 'bricks' });
    st = await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'a new Bricks game' });
    assert.equal(st.bricks.placements, 0);
    assert.notEqual(st.bricks.seed, oldSeed);
    st = await placeAPiece(s.page);
    assert.equal(st.bricks.stats.games, 0, 'no earlier games in the statistics');
    await clickTarget(s.page, '\u2190 Menu');
    await clickTarget(s.page, 'New game', { group: 'sudoku' });
    await clickTarget(s.page, 'Medium', { group: 'sudoku' });
    st = await waitForState(s.page, (q) => q.screen === 'sudoku', { what: 'a new Sudoku game' });
    const played = Object.values(st.sudoku_stats.levels).reduce((n, l) => n + l.played, 0);
    assert.equal(played, 1, 'only the new Sudoku game is in the statistics');
    const stored = await s.page.evaluate(() => JSON.parse(localStorage.getItem('astradia.bricks.game')));
    assert.equal(stored.payload.seed, st.bricks.seed, 'the stored Bricks game is the new one');
    assert.equal(await s.page.evaluate(() => localStorage.getItem('astradia.bricks.stats')), null);
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});
