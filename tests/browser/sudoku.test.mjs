// Purpose: Sudoku in real Chromium, driven like a player: a whole puzzle solved by
// keyboard to the win screen (statistics kept across a reload), notes and their
// auto-removal, undo/redo, conflicts, the mistake limit, pause hiding the board, hints,
// share links, resuming after a reload, damaged and failing storage, touch on a phone;
// puzzles imported by pasting (Ctrl+V or the button) and exported to the clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, openPage, screenshot, pixelStats, appState, waitForState, clickTarget, loadApp,
} from './harness.mjs';
import { solve } from './sudoku-solver.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// Moves the selection to `cell` with the arrow keys.
async function goTo(page, cell) {
  const st = (await appState(page)).sudoku;
  let r = Math.floor(st.selected / 9), c = st.selected % 9;
  const tr = Math.floor(cell / 9), tc = cell % 9;
  while (r !== tr) { await page.keyboard.press(r < tr ? 'ArrowDown' : 'ArrowUp'); r += r < tr ? 1 : -1; }
  while (c !== tc) { await page.keyboard.press(c < tc ? 'ArrowRight' : 'ArrowLeft'); c += c < tc ? 1 : -1; }
  await waitForState(page, (s) => s.sudoku.selected === cell, { what: `cell ${cell} selected` });
}

async function openPuzzle(s, id) {
  await loadApp(s, server.origin, `/#sudoku/${id}`);
  return waitForState(s.page, (st) => st.screen === 'sudoku' && st.sudoku && st.sudoku.id === id,
    { what: `puzzle ${id} on screen` });
}

function emptyCells(st) {
  return [...st.sudoku.givens].map((ch, i) => (ch === '.' ? i : -1)).filter((i) => i >= 0);
}

test('solve a whole Sudoku by keyboard, reach the win screen; statistics survive a reload', { timeout: 240000 }, async () => {
  const s = await openPage(server.origin, { width: 1280, height: 800 });
  try {
    const st = await openPuzzle(s, 'easy-2026');
    assert.equal(st.sudoku.level, 'easy');
    await screenshot(s.page, 'sudoku-desktop-start.png');
    const answer = solve(st.sudoku.givens);
    for (const cell of emptyCells(st)) {
      await goTo(s.page, cell);
      await s.page.keyboard.press(String(answer[cell]));
    }
    // The status turns 'won' with the last digit; the win screen is drawn in the frame after.
    const won = await waitForState(s.page, (x) => x.sudoku.status === 'won' && x.targets.some((t) => t.label === 'New game'),
      { what: 'the win screen with its New game button' });
    assert.equal(won.sudoku.mistakes, 0);
    await screenshot(s.page, 'sudoku-desktop-won.png');
    await s.page.reload();
    await s.page.waitForSelector('html[data-app="running"]');
    const after = await appState(s.page);
    assert.equal(after.sudoku_stats.levels.easy.won, 1);
    assert.equal(after.sudoku_stats.levels.easy.played, 1);
    assert.ok(after.sudoku_stats.levels.easy.best_ms > 0);
    assert.deepEqual(s.issues.pageErrors, []);
    assert.deepEqual(s.issues.console, []);
  } finally { await s.close(); }
});

test('notes, their auto-removal, undo and redo', { timeout: 120000 }, async () => {
  const s = await openPage(server.origin);
  try {
    const st = await openPuzzle(s, 'medium-5');
    const answer = solve(st.sudoku.givens);
    const empty = emptyCells(st);
    // two empty cells in one row
    const a = empty[0];
    const b = empty.find((i) => i !== a && Math.floor(i / 9) === Math.floor(a / 9));
    assert.ok(b !== undefined, 'a row with two empty cells');
    const d = answer[b];
    const other = d === 9 ? 1 : d + 1;
    await goTo(s.page, a);
    await s.page.keyboard.press('n');
    await s.page.keyboard.press(String(d));
    await s.page.keyboard.press(String(other));
    let x = await waitForState(s.page, (q) => q.sudoku.notes[a] === ((1 << (d - 1)) | (1 << (other - 1))),
      { what: 'two notes' });
    assert.equal(x.sudoku.notes_mode, true);
    await s.page.keyboard.press('n');
    await goTo(s.page, b);
    await s.page.keyboard.press(String(d));
    x = await waitForState(s.page, (q) => q.sudoku.entries[b] === String(d), { what: 'the digit placed' });
    assert.equal(x.sudoku.notes[a], 1 << (other - 1), 'the placed digit left its peer\'s notes');
    await s.page.keyboard.press('Control+z');
    x = await waitForState(s.page, (q) => q.sudoku.entries[b] === '.', { what: 'undo' });
    assert.equal(x.sudoku.notes[a], (1 << (d - 1)) | (1 << (other - 1)), 'undo brings the note back');
    await s.page.keyboard.press('Control+y');
    x = await waitForState(s.page, (q) => q.sudoku.entries[b] === String(d), { what: 'redo' });
    assert.equal(x.sudoku.notes[a], 1 << (other - 1));
    await screenshot(s.page, 'sudoku-notes.png');
  } finally { await s.close(); }
});

test('conflicts show, mistakes count, the limit ends the game', { timeout: 120000 }, async () => {
  const s = await openPage(server.origin, { width: 390, height: 844, scale: 2, touch: true });
  try {
    const st = await openPuzzle(s, 'hard-31');
    assert.equal(st.sudoku.mistake_limit, 3);
    const answer = solve(st.sudoku.givens);
    const empty = emptyCells(st);
    for (let k = 0; k < 3; k++) {
      const cell = empty[k];
      // a digit that a given in the same row already holds: a conflict and a mistake
      const row = Math.floor(cell / 9);
      const clash = [...st.sudoku.givens.slice(row * 9, row * 9 + 9)].find((ch) => ch !== '.' && Number(ch) !== answer[cell]);
      await goTo(s.page, cell);
      await s.page.keyboard.press(clash);
      const x = await waitForState(s.page, (q) => q.sudoku.mistakes === k + 1, { what: `mistake ${k + 1}` });
      if (k === 0) {
        assert.ok(x.sudoku.conflicts.includes(cell), 'the clashing digit is a conflict');
        await screenshot(s.page, 'sudoku-phone-conflict.png');
      }
    }
    const lost = await waitForState(s.page, (q) => q.sudoku.status === 'lost', { what: 'the lost game' });
    assert.equal(lost.sudoku.mistakes, 3);
    await screenshot(s.page, 'sudoku-phone-lost.png');
  } finally { await s.close(); }
});

test('pause hides the board and stops the clock', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin);
  try {
    await openPuzzle(s, 'expert-8');
    const playing = pixelStats(await screenshot(s.page, 'sudoku-playing.png'));
    await s.page.keyboard.press('p');
    const paused = await waitForState(s.page, (q) => q.sudoku.paused, { what: 'pause' });
    await s.page.waitForTimeout(300);
    const shot = pixelStats(await screenshot(s.page, 'sudoku-paused.png'));
    assert.ok(shot.colours < playing.colours, 'fewer colours: the digits are hidden');
    const t0 = paused.sudoku.elapsed_ms;
    await s.page.waitForTimeout(1200);
    assert.equal((await appState(s.page)).sudoku.elapsed_ms, t0, 'the clock stands still');
    await s.page.keyboard.press('p');
    await waitForState(s.page, (q) => !q.sudoku.paused, { what: 'resume' });
  } finally { await s.close(); }
});

test('a hint explains the next step, points out a wrong digit first, and can be played', { timeout: 120000 }, async () => {
  const s = await openPage(server.origin);
  try {
    const st = await openPuzzle(s, 'easy-77');
    const answer = solve(st.sudoku.givens);
    await s.page.keyboard.press('h');
    let x = await waitForState(s.page, (q) => q.sudoku.hint !== null, { what: 'a hint' });
    assert.equal(x.sudoku.hint.kind, 'step');
    assert.ok(x.sudoku.hint.text_en.length > 10 && x.sudoku.hint.text_ru.length > 10);
    // H again asks for the next stage: the technique, then the answer.
    await s.page.keyboard.press('h');
    await s.page.keyboard.press('h');
    await waitForState(s.page, (q) => q.sudoku.hint.stage === 3, { what: 'the answer' });
    await screenshot(s.page, 'sudoku-hint.png');
    await clickTarget(s.page, 'Show me');
    x = await waitForState(s.page, (q) => q.sudoku.hint === null && q.sudoku.hints_used === 1, { what: 'hint played' });
    // a wrong digit, then a hint: it names the mistake
    const cell = emptyCells(x)[0];
    const wrong = answer[cell] === 9 ? 1 : answer[cell] + 1;
    await goTo(s.page, cell);
    await s.page.keyboard.press(String(wrong));
    await s.page.keyboard.press('h');
    x = await waitForState(s.page, (q) => q.sudoku.hint !== null, { what: 'the second hint' });
    assert.equal(x.sudoku.hint.kind, 'wrong_entry');
    assert.deepEqual(x.sudoku.hint.cells, [cell]);
  } finally { await s.close(); }
});

test('share links open the same puzzle everywhere; the daily puzzle is the date\'s', { timeout: 90000 }, async () => {
  const one = await openPage(server.origin);
  const two = await openPage(server.origin, { width: 390, height: 844 });
  try {
    const a = await openPuzzle(one, 'extreme-123456');
    const b = await openPuzzle(two, 'extreme-123456');
    assert.equal(a.sudoku.givens, b.sudoku.givens);
    assert.equal(await one.page.evaluate(() => location.hash), '#sudoku/extreme-123456');
    await one.page.goto(server.origin + '/#sudoku/nonsense');
    await one.page.reload();
    await one.page.waitForSelector('html[data-app="running"]');
    const bad = await appState(one.page);
    assert.match(bad.notice, /does not open a puzzle/);
    await two.page.goto(server.origin + '/');
    await two.page.reload();
    await two.page.waitForSelector('html[data-app="running"]');
    await clickTarget(two.page, 'Daily puzzle');
    await clickTarget(two.page, 'Play');
    const today = await two.page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await waitForState(two.page, (q) => q.sudoku && q.sudoku.id === `daily-${today}`, { what: 'the daily puzzle' });
  } finally { await one.close(); await two.close(); }
});

test('a reload in the middle of a game resumes it exactly', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin);
  try {
    const st = await openPuzzle(s, 'medium-909');
    const answer = solve(st.sudoku.givens);
    const empty = emptyCells(st);
    await goTo(s.page, empty[0]);
    await s.page.keyboard.press(String(answer[empty[0]]));
    await goTo(s.page, empty[1]);
    await s.page.keyboard.press('n');
    await s.page.keyboard.press('4');
    const before = await waitForState(s.page, (q) => q.sudoku.notes[empty[1]] === 8, { what: 'a note' });
    await s.page.reload();
    await s.page.waitForSelector('html[data-app="running"]');
    const after = await waitForState(s.page, (q) => q.screen === 'sudoku', { what: 'the game back' });
    for (const key of ['id', 'givens', 'entries', 'notes', 'mistakes', 'can_undo', 'hints_used']) {
      assert.deepEqual(after.sudoku[key], before.sudoku[key], key);
    }
    assert.ok(after.sudoku.elapsed_ms >= before.sudoku.elapsed_ms - 50);
  } finally { await s.close(); }
});

test('a damaged saved game is set aside, the player is told, a fresh start follows', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin);
  try {
    await openPuzzle(s, 'easy-5');
    const saved = await s.page.evaluate(() => localStorage.getItem('astradia.sudoku.game'));
    const damaged = saved.replace(/"entries":"[^"]*"/, '"entries":"9' + '.'.repeat(80) + '"');
    assert.notEqual(damaged, saved);
    // Leave the game first (it saves when it goes to the background), then damage the save.
    await s.page.goto(server.origin + '/favicon.svg');  // any page of the site
    await s.page.evaluate((t) => localStorage.setItem('astradia.sudoku.game', t), damaged);
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('html[data-app="running"]');
    const st = await appState(s.page);
    assert.match(st.notice, /could not read your saved Sudoku game/);
    assert.equal(st.sudoku, null);
    assert.equal(await s.page.evaluate(() => localStorage.getItem('astradia.sudoku.game.corrupt')), damaged);
    assert.ok(!st.targets.some((t) => t.label.startsWith('Continue ·')), 'nothing to continue');
  } finally { await s.close(); }
});

test('storage that throws on write keeps the game playable and says so', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin, {
    initScript: () => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith('astradia.sudoku')) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, key, value);
      };
    },
  });
  try {
    const st = await openPuzzle(s, 'easy-6');
    const answer = solve(st.sudoku.givens);
    const cell = emptyCells(st)[0];
    await goTo(s.page, cell);
    await s.page.keyboard.press(String(answer[cell]));
    const x = await waitForState(s.page, (q) => q.sudoku.entries[cell] === String(answer[cell]), { what: 'a move' });
    assert.equal(x.storage, 'full');
    assert.match(x.notice, /will not be kept/);
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});

test('touch on a phone: tap a cell, tap a digit on the pad', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin, { width: 390, height: 844, scale: 3, touch: true });
  try {
    const st = await openPuzzle(s, 'easy-88');
    const answer = solve(st.sudoku.givens);
    const board = st.targets.find((t) => t.label === 'board');
    const cell = emptyCells(st)[3];
    const size = board.w / 9;
    await s.page.touchscreen.tap(board.x + (cell % 9 + 0.5) * size, board.y + (Math.floor(cell / 9) + 0.5) * size);
    await waitForState(s.page, (q) => q.sudoku.selected === cell, { what: 'the tapped cell selected' });
    await clickTarget(s.page, String(answer[cell]), { touch: true });
    await waitForState(s.page, (q) => q.sudoku.entries[cell] === String(answer[cell]), { what: 'the tapped digit' });
    await screenshot(s.page, 'sudoku-phone-touch.png');
  } finally { await s.close(); }
});

// Two real puzzles (../shared/data/sudoku/kaggle_first10000.txt, lines 1 and 2).
const PUZZLE_A = '..43..2.9..5..9..1.7..6..43..6..2.8719...74...5..83...6.....1.5..35.869..4291.3..';
const PUZZLE_B = '.4.1...5.1.7..396.52...8..........17...9.68..8.3.5.62..9..6.5436...8.7..25..971..';
const setClipboard = (page, text) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('import and export: a pasted puzzle is played and shared, "Copy puzzle" exports it, bad text is refused', { timeout: 150000 }, async () => {
  const s = await openPage(server.origin, { width: 390, height: 844, scale: 2 });
  try {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await loadApp(s, server.origin, '/');
    // Ctrl+V on the start screen, the puzzle in the 9-line form with zeros.
    const rows = [];
    for (let r = 0; r < 9; r++) rows.push(PUZZLE_A.slice(r * 9, r * 9 + 9).replaceAll('.', '0'));
    await setClipboard(s.page, rows.join('\n'));
    await s.page.keyboard.press('Control+V');
    let st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku.id === PUZZLE_A, { what: 'the pasted puzzle' });
    assert.equal(st.sudoku.givens, PUZZLE_A);
    assert.equal(st.sudoku.status, 'playing');
    assert.equal(new URL(s.page.url()).hash, '#sudoku/' + PUZZLE_A, 'the address is its share link');

    // Export from the pause: the clipboard gets the 81 cells, the button says so.
    await s.page.keyboard.press('p');
    await waitForState(s.page, (q) => q.sudoku.paused, { what: 'pause' });
    await setClipboard(s.page, '');
    await clickTarget(s.page, 'Copy puzzle');
    await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Copied \u2713'), { what: 'Copied' });
    assert.equal(await readClipboard(s.page), PUZZLE_A);
    await screenshot(s.page, 'sudoku-phone-paused-copy.png');

    // The share link opens the same puzzle in a fresh page (a new player).
    const other = await openPage(server.origin);
    try {
      await loadApp(other, server.origin, '/#sudoku/' + PUZZLE_A);
      const shared = await waitForState(other.page, (q) => q.screen === 'sudoku' && q.sudoku.id === PUZZLE_A, { what: 'the shared puzzle' });
      assert.equal(shared.sudoku.level, st.sudoku.level, 'graded the same everywhere');
    } finally { await other.close(); }

    // Text that is not a puzzle: the start screen says why, nothing else changes.
    await loadApp(s, server.origin, '/');
    await waitForState(s.page, (q) => q.screen === 'start', { what: 'the start screen' });
    await setClipboard(s.page, 'hello world');
    await s.page.keyboard.press('Control+V');
    st = await waitForState(s.page, (q) => q.notice !== '', { what: 'a notice' });
    assert.match(st.notice, /not a puzzle to play \(bad character 'h'/);
    assert.equal(st.screen, 'start');
    await setClipboard(s.page, '1'.repeat(81));
    await s.page.keyboard.press('Control+V');
    st = await waitForState(s.page, (q) => /digit 1 appears twice/.test(q.notice), { what: 'a duplicate refused' });
    assert.equal(st.sudoku.id, PUZZLE_A, 'the game in progress is kept');

    // The button in the new-game sheet reads the clipboard.
    await setClipboard(s.page, PUZZLE_B);
    await clickTarget(s.page, 'New game');
    await screenshot(s.page, 'sudoku-phone-levels-paste.png');
    await clickTarget(s.page, 'Paste a puzzle');
    st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku.id === PUZZLE_B, { what: 'the button-pasted puzzle' });
    assert.equal(st.notice, '');
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});

test('import: when the browser refuses to read the clipboard, the player is told to press Ctrl+V', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin);
  try {
    await loadApp(s, server.origin, '/');  // no clipboard permission granted
    await clickTarget(s.page, 'New game');
    await clickTarget(s.page, 'Paste a puzzle');
    const st = await waitForState(s.page, (q) => q.notice !== '', { what: 'the refusal' });
    assert.match(st.notice, /did not let the game read the clipboard: press Ctrl\+V/);
    assert.equal(st.screen, 'start');
  } finally { await s.close(); }
});
