// Purpose: issue 17's Sudoku, as a new player meets it in real Chromium: every test starts
// on the start screen and acts only through the test hook's targets (the board's cells
// are found inside its "board" target), at phone (390x844, DPR 3, touch), tablet and
// desktop size. Defect 3: the daily puzzle plays in a slot of its own, its level shown
// before it starts (a Sunday's is Extreme), and a share link asks before it replaces a
// game with progress. Defect 4: the win dialog shows on desktop after the last digit is
// clicked on the pad, with no more input. Defect 7: Menu works with a hint open, a reload
// keeps the selected cell, a wrong digit does not count on its key, How to play fits the
// device. The feel: the tool bar's badges, hints in three stages, the win moment (and
// reduced motion), the daily calendar with a solved day. Screenshots of every new state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, openPage, screenshot, appState, waitForState, clickTarget, loadApp,
} from './harness.mjs';
import { solve } from './sudoku-solver.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const PHONE = { name: 'phone', width: 390, height: 844, scale: 3, touch: true };
const TABLET = { name: 'tablet', width: 820, height: 1180, scale: 2, touch: true };
const DESKTOP = { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false };


const emptyCells = (st) => [...st.sudoku.givens].map((ch, i) => (ch === '.' ? i : -1)).filter((i) => i >= 0);

// Taps (or clicks) a cell inside the board's target.
async function tapCell(page, cell, touch) {
  const st = await appState(page);
  const board = st.targets.find((t) => t.label === 'board');
  assert.ok(board, 'the board is on screen');
  const size = board.w / 9;
  const x = board.x + (cell % 9 + 0.5) * size, y = board.y + (Math.floor(cell / 9) + 0.5) * size;
  if (touch) await page.touchscreen.tap(x, y); else await page.mouse.click(x, y);
  await waitForState(page, (q) => q.sudoku.selected === cell, { what: `cell ${cell} selected` });
}

// Writes `digit` in `cell` with the board and the pad, as a player does.
async function enter(page, cell, digit, touch) {
  await tapCell(page, cell, touch);
  await clickTarget(page, String(digit), { touch });
  await waitForState(page, (q) => q.sudoku.entries[cell] === String(digit) || q.sudoku.status !== 'playing',
    { what: `${digit} in cell ${cell}` });
}

// From the start screen: Sudoku's New game, then a level.
async function newGame(page, level, touch) {
  await clickTarget(page, 'New game', { group: 'sudoku', touch });
  await clickTarget(page, level, { group: 'sudoku', touch });
  return waitForState(page, (q) => q.screen === 'sudoku' && q.sudoku && q.sudoku.status === 'playing',
    { what: `a new ${level} game` });
}

// The weekday rhythm of the daily puzzle, as the product describes it.
function dailyLevel(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();  // 0 Sunday
  return ['extreme', 'easy', 'medium', 'medium', 'hard', 'hard', 'expert'][weekday];
}

for (const size of [PHONE, DESKTOP]) {
  test(`${size.name}: the daily puzzle has its own slot and shows its level first; a share link asks before replacing progress`,
    { timeout: 240000 }, async () => {
      const s = await openPage(server.origin, size);
      // A Sunday: its daily puzzle is Extreme.
      await s.page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
      const touch = size.touch;
      try {
        await loadApp(s, server.origin, '/');
        let st = await newGame(s.page, 'Easy', touch);
        const easy = st.sudoku.id;
        const answer = solve(st.sudoku.givens);
        const cell = emptyCells(st)[0];
        await enter(s.page, cell, answer[cell], touch);
        await clickTarget(s.page, '\u2190 Menu', { touch });
        st = await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'sudoku'),
          { what: 'the start screen' });
        assert.equal(st.sudoku_daily.today, '2026-11-22');
        assert.equal(st.sudoku_daily.level, 'extreme', 'Sundays are Extreme');
        assert.equal(st.sudoku_daily.level, dailyLevel(st.sudoku_daily.today));
        await screenshot(s.page, `sudoku-feel-${size.name}-start-daily-level.png`);
        // The daily sheet: the calendar, today picked, its level shown before Play.
        await clickTarget(s.page, 'Daily puzzle', { group: 'sudoku', touch });
        st = await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Play'), { what: 'the daily sheet' });
        assert.equal(st.sudoku_daily.picked, '2026-11-22');
        assert.ok(st.targets.some((t) => t.label === '22' && t.on), 'today is the day picked');
        assert.ok(!st.targets.find((t) => t.label === '23').enabled, 'tomorrow cannot be played yet');
        assert.equal(st.screen, 'start', 'nothing started yet');
        await screenshot(s.page, `sudoku-feel-${size.name}-daily-sheet.png`);
        await clickTarget(s.page, 'Play', { group: 'sudoku', touch });
        st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku.id === 'daily-2026-11-22',
          { what: 'the daily puzzle' });
        assert.equal(st.sudoku.level, 'extreme');
        assert.equal(st.sudoku.slot, 'daily');
        assert.equal(st.sudoku.asking, null, 'no question: the game in progress keeps its own slot');
        // Back to the game in progress: as it was.
        await clickTarget(s.page, '\u2190 Menu', { touch });
        await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'sudoku'), { what: 'menu' });
        const resume = (await appState(s.page)).targets.find((t) => t.group === 'sudoku' && t.label.startsWith('Continue \u00B7 Easy'));
        assert.ok(resume, 'the easy game can be continued');
        await clickTarget(s.page, resume.label, { group: 'sudoku', touch });
        st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku.id === easy, { what: 'the easy game back' });
        assert.equal(st.sudoku.entries[cell], String(answer[cell]));
        // A share link to another puzzle: the game with progress is kept until the player says.
        await s.page.goto(`${server.origin}/#sudoku/hard-77`);
        st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku.asking === 'hard-77',
          { what: 'the question' });
        assert.equal(st.sudoku.id, easy, 'the game in progress is still there under the question');
        await screenshot(s.page, `sudoku-feel-${size.name}-replace-question.png`);
        await clickTarget(s.page, 'Keep my game', { touch });
        st = await waitForState(s.page, (q) => q.sudoku.asking === null, { what: 'kept' });
        assert.equal(st.sudoku.id, easy);
        assert.equal(await s.page.evaluate(() => location.hash), `#sudoku/${easy}`, 'the address is the game kept');
        await s.page.goto(`${server.origin}/#sudoku/hard-77`);
        await waitForState(s.page, (q) => q.sudoku && q.sudoku.asking === 'hard-77', { what: 'the question again' });
        await clickTarget(s.page, 'Play the new puzzle', { touch });
        st = await waitForState(s.page, (q) => q.sudoku.id === 'hard-77' && q.sudoku.asking === null, { what: 'replaced' });
        assert.equal(st.sudoku_stats.levels.easy.streak, 0, 'the replaced game counts as not finished');
        assert.deepEqual(s.issues.pageErrors, []);
        assert.deepEqual(s.issues.console, []);
      } finally { await s.close(); }
    });
}

test('desktop: the win dialog shows after the last digit is clicked on the pad, without moving the mouse; New game gets its own link',
  { timeout: 600000 }, async () => {
    const s = await openPage(server.origin, DESKTOP);
    try {
      await loadApp(s, server.origin, '/');
      const st = await newGame(s.page, 'Easy', false);
      const answer = solve(st.sudoku.givens);
      const cells = emptyCells(st);
      for (const cell of cells.slice(0, -1)) await enter(s.page, cell, answer[cell], false);
      const last = cells[cells.length - 1];
      await tapCell(s.page, last, false);
      // The last digit by a click on its pad key; then the mouse stays where it is.
      await clickTarget(s.page, String(answer[last]));
      const won = await waitForState(s.page, (q) => q.sudoku.status === 'won', { what: 'the win' });
      assert.ok(won.sudoku.celebrating, 'the win moment starts');
      await screenshot(s.page, 'sudoku-feel-desktop-win-flash.png');
      const dialog = await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'New game') && !q.sudoku.celebrating,
        { what: 'the summary', timeout: 10000 });
      // Drawn and settled: the frames stop, and what the hook reports is what is on screen.
      await s.page.waitForTimeout(600);
      const idle = await appState(s.page);
      await s.page.waitForTimeout(1500);
      const still = await appState(s.page);
      assert.ok(still.frames - idle.frames <= 2, `frames drawn while the dialog rests: ${still.frames - idle.frames}`);
      const button = still.targets.find((t) => t.label === 'New game');
      assert.deepEqual(button, dialog.targets.find((t) => t.label === 'New game'), 'the dialog stays where it was reported');
      const png = await screenshot(s.page, 'sudoku-feel-desktop-win-summary.png');
      // The primary button's colour at its edge, where no text is: the accent blue.
      const px = (x, y) => {
        const i = (Math.round(y) * png.width + Math.round(x)) * 4;
        return [png.data[i], png.data[i + 1], png.data[i + 2]];
      };
      const [r, g, b] = px(button.x + 6, button.y + button.h / 2);
      assert.ok(b > r + 60 && b > g + 20, `the button is drawn (rgb ${r},${g},${b})`);
      // New game from the dialog: a new puzzle, and the address is its link.
      await clickTarget(s.page, 'New game');
      const next = await waitForState(s.page, (q) => q.sudoku.status === 'playing' && q.sudoku.id !== won.sudoku.id,
        { what: 'the next game' });
      assert.equal(await s.page.evaluate(() => location.hash), `#sudoku/${next.sudoku.id}`);
      assert.deepEqual(s.issues.pageErrors, []);
    } finally { await s.close(); }
  });

for (const size of [PHONE, TABLET, DESKTOP]) {
  test(`${size.name}: Menu with a hint open; the selection after a reload; a wrong digit on its key; How to play for the device`,
    { timeout: 180000 }, async () => {
      const s = await openPage(server.origin, size);
      const touch = size.touch;
      try {
        await loadApp(s, server.origin, '/');
        let st = await newGame(s.page, 'Medium', touch);
        // Menu while a hint is open.
        await clickTarget(s.page, 'Hint', { touch });
        await waitForState(s.page, (q) => q.sudoku.hint && q.sudoku.hint.stage === 1, { what: 'a hint' });
        await clickTarget(s.page, '\u2190 Menu', { touch });
        await waitForState(s.page, (q) => q.screen === 'start', { what: 'the menu, with a hint open' });
        const resume = (await appState(s.page)).targets.find((t) => t.group === 'sudoku' && t.label.startsWith('Continue'));
        await clickTarget(s.page, resume.label, { group: 'sudoku', touch });
        st = await waitForState(s.page, (q) => q.screen === 'sudoku', { what: 'back in the game' });
        // A wrong digit does not count as placed on its key.
        const answer = solve(st.sudoku.givens);
        const cell = emptyCells(st)[5];
        const wrong = answer[cell] % 9 + 1;
        await tapCell(s.page, cell, touch);
        const before = (await appState(s.page)).sudoku.left;
        await clickTarget(s.page, String(wrong), { touch });
        st = await waitForState(s.page, (q) => q.sudoku.mistakes === 1, { what: 'a mistake' });
        assert.deepEqual(st.sudoku.left, before, 'the wrong digit is still to place');
        assert.ok(st.targets.find((t) => t.label === String(wrong)).enabled);
        await screenshot(s.page, `sudoku-feel-${size.name}-wrong-digit.png`);
        // The selection survives a reload.
        const chosen = emptyCells(st)[9];
        await tapCell(s.page, chosen, touch);
        await s.page.reload();
        await s.page.waitForSelector('html[data-app="running"]');
        st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku, { what: 'the game after a reload' });
        assert.equal(st.sudoku.selected, chosen, 'the selected cell is where it was');
        // How to play: taps on a touch screen, keys on a desktop.
        await clickTarget(s.page, '\u2190 Menu', { touch });
        await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.label === 'How to play'), { what: 'menu' });
        await clickTarget(s.page, 'How to play', { touch });
        st = await waitForState(s.page, (q) => q.screen === 'help' && q.sudoku_help !== null, { what: 'How to play' });
        assert.equal(st.sudoku_help, touch ? 'touch' : 'keyboard');
        await screenshot(s.page, `sudoku-feel-${size.name}-help.png`);
        assert.deepEqual(s.issues.pageErrors, []);
      } finally { await s.close(); }
    });
}

for (const size of [PHONE, DESKTOP]) {
  test(`${size.name}: the tool bar's badges, a hint in three stages, the win moment, the calendar with a solved day`,
    { timeout: 600000 }, async () => {
      const s = await openPage(server.origin, size);
      await s.page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));  // a Monday: Easy
      const touch = size.touch;
      try {
        await loadApp(s, server.origin, '/');
        await clickTarget(s.page, 'Daily puzzle', { group: 'sudoku', touch });
        await clickTarget(s.page, 'Play', { group: 'sudoku', touch });
        let st = await waitForState(s.page, (q) => q.screen === 'sudoku' && q.sudoku.id === 'daily-2026-11-23', { what: 'the daily' });
        assert.equal(st.sudoku.level, 'easy');
        await screenshot(s.page, `sudoku-feel-${size.name}-playing.png`);
        // Notes: its badge turns on.
        await clickTarget(s.page, 'Notes', { touch });
        // The hook's state is live; its targets are the last frame's: wait for the frame.
        st = await waitForState(s.page, (q) => q.sudoku.notes_mode && q.targets.find((t) => t.label === 'Notes').on,
          { what: 'notes on, and the tool showing it' });
        await screenshot(s.page, `sudoku-feel-${size.name}-notes-on.png`);
        await clickTarget(s.page, 'Notes', { touch });
        await waitForState(s.page, (q) => !q.sudoku.notes_mode, { what: 'notes off' });
        // A hint in three stages, then played.
        await clickTarget(s.page, 'Hint', { touch });
        st = await waitForState(s.page, (q) => q.sudoku.hint && q.sudoku.hint.stage === 1, { what: 'stage 1' });
        assert.match(st.sudoku.hint.look_en, /^Look at/);
        assert.doesNotMatch(st.sudoku.hint.text_en + st.sudoku.hint.text_ru, /r[1-9]c[1-9]/);
        await screenshot(s.page, `sudoku-feel-${size.name}-hint-1.png`);
        await clickTarget(s.page, 'Which technique?', { touch });
        st = await waitForState(s.page, (q) => q.sudoku.hint.stage === 2, { what: 'stage 2' });
        await screenshot(s.page, `sudoku-feel-${size.name}-hint-2.png`);
        await clickTarget(s.page, 'Show the answer', { touch });
        st = await waitForState(s.page, (q) => q.sudoku.hint.stage === 3, { what: 'stage 3' });
        assert.match(st.sudoku.hint.text_en, /row \d, column \d|column \d|row \d/);
        await screenshot(s.page, `sudoku-feel-${size.name}-hint-3.png`);
        await clickTarget(s.page, 'Show me', { touch });
        st = await waitForState(s.page, (q) => q.sudoku.hint === null && q.sudoku.hints_used === 1, { what: 'the hint played' });
        // Solve the rest by taps; the win moment, then the summary.
        const answer = solve(st.sudoku.givens);
        for (const cell of emptyCells(st)) {
          if (st.sudoku.entries[cell] !== '.') continue;
          await enter(s.page, cell, answer[cell], touch);
        }
        st = await waitForState(s.page, (q) => q.sudoku.status === 'won', { what: 'the win' });
        assert.equal(st.sudoku.reduce_motion, false);
        const summary = await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Menu') && !q.sudoku.celebrating,
          { what: 'the summary' });
        assert.equal(summary.sudoku_stats.daily.days.at(-1), '2026-11-23');
        await screenshot(s.page, `sudoku-feel-${size.name}-win-summary.png`);
        await clickTarget(s.page, 'Menu', { touch });
        await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.group === 'sudoku'), { what: 'menu' });
        await clickTarget(s.page, 'Daily puzzle', { group: 'sudoku', touch });
        st = await waitForState(s.page, (q) => q.targets.some((t) => t.label === 'Play again'), { what: 'the calendar' });
        await screenshot(s.page, `sudoku-feel-${size.name}-calendar-solved.png`);
        // The month before: nothing solved there, and back.
        await clickTarget(s.page, '\u2190', { group: 'sudoku', touch });
        st = await waitForState(s.page, (q) => q.sudoku_daily.month === '2026-10', { what: 'October' });
        await clickTarget(s.page, '\u2192', { group: 'sudoku', touch });
        await waitForState(s.page, (q) => q.sudoku_daily.month === '2026-11', { what: 'November again' });
        assert.deepEqual(s.issues.pageErrors, []);
        assert.deepEqual(s.issues.console, []);
      } finally { await s.close(); }
    });
}

test('desktop: with reduced motion (the browser\'s preference) a win shows its summary at once', { timeout: 600000 }, async () => {
  const s = await openPage(server.origin, DESKTOP);
  try {
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await loadApp(s, server.origin, '/');
    let st = await newGame(s.page, 'Easy', false);
    assert.equal(st.sudoku.reduce_motion, true);
    const answer = solve(st.sudoku.givens);
    for (const cell of emptyCells(st)) await enter(s.page, cell, answer[cell], false);
    st = await waitForState(s.page, (q) => q.sudoku.status === 'won' && q.targets.some((t) => t.label === 'New game'),
      { what: 'the summary' });
    assert.equal(st.sudoku.celebrating, false, 'no flash');
    await screenshot(s.page, 'sudoku-feel-desktop-win-reduced-motion.png');
  } finally { await s.close(); }
});
