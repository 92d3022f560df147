// Purpose: issue 17's page-level defects and the feel of Bricks, each played from the start
// screen through the hook's targets (and the keyboard and the consent banner, as a player
// would): the privacy choices open from the app's menu (no floating button covers the game);
// after "Reject all" or "Accept all" the keyboard plays at once; Escape in Bricks pauses;
// phones show no scroll bar and a flick keeps scrolling; the legal pages About links to open
// offline; Bricks' feedback (the Hint button, "+N", call-outs, the clear, dimmed pieces, game
// over first showing the board, then the dialog) at phone and desktop size; reduced motion;
// sound (off until turned on, then WebAudio plays); the loading state with its progress.
// Screenshots of every new state in build/screenshots/feel-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  startServer, openPage, screenshot, appState, waitForState, clickTarget, loadApp, finger, SITE,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const PHONE = { name: 'phone', width: 390, height: 844, scale: 3, touch: true };
const DESKTOP = { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false };
const shadow = (page, selector) => page.evaluate((sel) => {
  const el = document.querySelector('astradia-legal').shadowRoot.querySelector(sel);
  return el ? el.outerHTML.slice(0, 80) : null;
}, selector);
const activeIsCanvas = (page) => page.evaluate(() => document.activeElement === document.getElementById('canvas'));

// --- Bricks helpers: a model of the rules, and drags by mouse or finger ---------------------
const N = 10;
const boardOf = (rows) => rows.map((r) => [...r].map((ch) => ch !== '.'));
const fits = (b, cells, r, c) => cells.every(([dr, dc]) => r + dr < N && c + dc < N && !b[r + dr][c + dc]);
// The placement that leaves the board least room for the big pieces (a 3x3 square, lines of
// five) and clears nothing: a quick way to the end of a game.
function scatter(st) {
  const b = boardOf(st.bricks.board);
  const room = (board) => {
    let n = 0;
    for (let r = 0; r < N; r++) {
      for (let c = 0; c < N; c++) {
        if (fits(board, [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [2, 2]], r, c)) n++;
        if (fits(board, [[0, 0], [0, 1], [0, 2], [0, 3], [0, 4]], r, c)) n++;
        if (fits(board, [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]], r, c)) n++;
      }
    }
    return n;
  };
  let best = null;
  st.bricks.tray.forEach((p, slot) => {
    if (!p) return;
    for (let r = 0; r < N; r++) {
      for (let c = 0; c < N; c++) {
        if (!fits(b, p.cells, r, c)) continue;
        const next = b.map((row) => row.slice());
        for (const [dr, dc] of p.cells) next[r + dr][c + dc] = true;
        const full = next.some((row) => row.every(Boolean)) || [...Array(N).keys()].some((j) => next.every((row) => row[j]));
        const score = room(next) + (full ? 1000 : 0);
        if (!best || score < best.score) best = { slot, r, c, score };
      }
    }
  });
  return best;
}
function firstFit(st) {
  const b = boardOf(st.bricks.board);
  for (let slot = 0; slot < st.bricks.tray.length; slot++) {
    const p = st.bricks.tray[slot];
    if (!p) continue;
    for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) if (fits(b, p.cells, r, c)) return { slot, r, c };
  }
  return null;
}

// Drags tray `slot` so its top-left cell lands on (r, c); resolves to the state after the drop.
async function drag(s, size, st, slot, r, c) {
  // The frame that enters a screen may still report the last one's targets: wait for the tray's.
  st = await waitForState(s.page, (q) => q.bricks && q.targets.some((t) => t.label === `piece ${slot + 1}`)
    && q.targets.some((t) => t.label === 'bricks-board'), { what: 'the board and the tray' });
  const piece = st.targets.find((t) => t.label === `piece ${slot + 1}`);
  const board = st.targets.find((t) => t.label === 'bricks-board');
  const p = st.bricks.tray[slot];
  const tc = st.bricks.layout.tray_cell;
  const from = { x: piece.x + (piece.w - p.width * tc) / 2 + 0.5 * tc, y: piece.y + (piece.h - p.height * tc) / 2 + 0.5 * tc };
  const cell = st.bricks.layout.cell;
  const to = { x: board.x + (c + 0.5) * cell, y: board.y + (r + 0.5) * cell + (size.touch ? st.bricks.layout.lift : 0) };
  if (size.touch) {
    const touch = await finger(s);
    const framesBefore = (await appState(s.page)).frames;
    await touch('touchStart', from);
    await waitForState(s.page, (q) => q.frames >= framesBefore + 2, { what: 'frames with the finger down on the piece' });
    for (let i = 1; i <= 6; i++) await touch('touchMove', { x: from.x + (to.x - from.x) * i / 6, y: from.y + (to.y - from.y) * i / 6 });
    await waitForState(s.page, (q) => q.bricks.dragging && q.bricks.preview.valid, { what: 'the piece over the board' });
    await touch('touchEnd', null);
  } else {
    await s.page.mouse.move(from.x, from.y);
    const framesBefore = (await appState(s.page)).frames;
    await s.page.mouse.down();
    // ImGui 1.86 reads the mouse once a frame: the press must be drawn where it happened before
    // the hand moves on (on a busy machine a move could come first, and the press missed the piece).
    await waitForState(s.page, (q) => q.frames >= framesBefore + 2, { what: 'frames with the button down on the piece' });
    for (let i = 1; i <= 6; i++) await s.page.mouse.move(from.x + (to.x - from.x) * i / 6, from.y + (to.y - from.y) * i / 6);
    await waitForState(s.page, (q) => q.bricks.dragging && q.bricks.preview.valid, { what: 'the piece over the board' });
    await s.page.mouse.up();
  }
  return waitForState(s.page, (q) => q.bricks.placements === st.bricks.placements + 1, { what: 'the drop' });
}

async function startBricks(s, size) {
  await clickTarget(s.page, 'New game', { group: 'bricks', touch: size.touch });
  return waitForState(s.page, (q) => q.screen === 'bricks' && q.bricks && q.bricks.placements === 0, { what: 'a new Bricks game' });
}

// --- defect 2: the privacy choices in the app's menu -----------------------------------------
for (const size of [PHONE, DESKTOP]) {
  test(`${size.name}: the privacy choices open from the start screen and Settings; no floating button`, { timeout: 120000 }, async () => {
    const s = await openPage(server.origin, size);
    try {
      await loadApp(s, server.origin);
      assert.equal(await shadow(s.page, '.fab'), null, 'the widget shows no floating button on the game page');
      await clickTarget(s.page, 'Privacy choices', { touch: size.touch });
      await s.page.waitForFunction(() => document.querySelector('astradia-legal').shadowRoot.querySelector('dialog.prefs[open]'));
      await screenshot(s.page, `feel-${size.name}-privacy-choices.png`);
      await s.page.keyboard.press('Escape');
      await s.page.waitForFunction(() => !document.querySelector('astradia-legal').shadowRoot.querySelector('dialog.prefs'));
      await s.page.waitForFunction(() => document.activeElement === document.getElementById('canvas'));
      await clickTarget(s.page, 'Settings', { touch: size.touch });
      // (The frame that leaves the start screen still reports its own "Privacy choices".)
      await waitForState(s.page, (q) => q.screen === 'settings' && q.targets.some((t) => t.label === 'Sound effects'),
        { what: 'Settings' });
      await clickTarget(s.page, 'Privacy choices', { touch: size.touch });
      await s.page.waitForFunction(() => document.querySelector('astradia-legal').shadowRoot.querySelector('dialog.prefs[open]'));
      await s.page.keyboard.press('Escape');
      assert.deepEqual(s.issues.pageErrors, []);
      assert.deepEqual(s.issues.console, []);
    } finally { await s.close(); }
  });
}

// --- defect 5 and the first visit: the keyboard plays once the banner is answered -----------
for (const answer of ['Reject all', 'Accept all']) {
  test(`desktop, first visit: after "${answer}" the keyboard starts and plays Bricks at once`, { timeout: 120000 }, async () => {
    const s = await openPage(server.origin, DESKTOP);
    try {
      await s.page.goto(server.origin + '/');
      await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
      await s.page.waitForFunction(() => document.querySelector('astradia-legal').dataset.state === 'banner');
      await screenshot(s.page, `feel-desktop-banner-${answer === 'Reject all' ? 'reject' : 'accept'}.png`);
      await s.page.click(`.banner button:text-is("${answer}")`);
      await s.page.waitForFunction(() => document.querySelector('astradia-legal').dataset.state === 'settled');
      await s.page.waitForFunction(() => document.activeElement === document.getElementById('canvas'), null, { timeout: 5000 });
      // Keys only, from here: the arrows to Bricks' New game, Space, then a piece with 1 and Enter.
      // (Keys are held as a hand holds them: ImGui's navigation reads keys held at a frame, so
      // each is let go only once the app has drawn frames with it down.)
      const press = async (key) => {
        const before = (await appState(s.page)).frames;
        await s.page.keyboard.down(key);
        await waitForState(s.page, (q) => q.frames >= before + 2, { what: `frames with ${key} held` });
        await s.page.keyboard.up(key);
      };
      const goal = (t) => t.group === 'bricks' && t.label === 'New game';
      let st = await appState(s.page);
      for (let i = 0; i < 20 && !st.targets.some((t) => t.focused && goal(t)); i++) {
        const at = st.targets.find((t) => t.focused);
        const to = st.targets.find(goal);
        const key = !at ? 'ArrowDown'
          : Math.abs(to.y - at.y) > 10 ? (to.y > at.y ? 'ArrowDown' : 'ArrowUp')
            : (to.x > at.x ? 'ArrowRight' : 'ArrowLeft');
        await press(key);
        st = await waitForState(s.page, (q) => q.targets.some((t) => t.focused), { what: 'a focused control' });
      }
      assert.ok(st.targets.some((t) => t.focused && goal(t)), 'the arrows reach New game');
      await screenshot(s.page, `feel-desktop-keyboard-focus-${answer === 'Reject all' ? 'reject' : 'accept'}.png`);
      await press('Space');
      st = await waitForState(s.page, (q) => q.screen === 'bricks' && q.bricks, { what: 'Bricks by keyboard' });
      await s.page.keyboard.press('1');
      await waitForState(s.page, (q) => q.bricks.held === 0 && q.bricks.preview.fits, { what: 'a chosen piece' });
      await s.page.keyboard.press('Enter');
      await waitForState(s.page, (q) => q.bricks.placements === 1, { what: 'a piece placed by keyboard' });
      assert.deepEqual(s.issues.pageErrors, []);
    } finally { await s.close(); }
  });
}

// --- defect 7: Escape in Bricks pauses -------------------------------------------------------
test('desktop: Escape in Bricks pauses the game; Escape resumes; leaving takes "Menu"', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin, DESKTOP);
  try {
    await loadApp(s, server.origin);
    let st = await startBricks(s, DESKTOP);
    const move = firstFit(st);
    st = await drag(s, DESKTOP, st, move.slot, move.r, move.c);
    await s.page.keyboard.press('Escape');
    st = await waitForState(s.page, (q) => q.bricks.paused, { what: 'the pause sheet' });
    assert.equal(st.screen, 'bricks', 'Escape did not leave the game');
    await screenshot(s.page, 'feel-desktop-bricks-paused.png');
    await s.page.keyboard.press('Escape');
    await waitForState(s.page, (q) => !q.bricks.paused, { what: 'resumed' });
    await s.page.keyboard.press('Escape');
    await waitForState(s.page, (q) => q.bricks.paused, { what: 'paused again' });
    await clickTarget(s.page, 'Menu');
    st = await waitForState(s.page, (q) => q.screen === 'start' && q.targets.some((t) => t.label === 'Continue'), { what: 'the menu' });
    await clickTarget(s.page, 'Continue', { group: 'bricks' });
    st = await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'the game again' });
    assert.equal(st.bricks.placements, 1, 'the game was kept');
    assert.equal(st.bricks.paused, false);
  } finally { await s.close(); }
});

// --- defect 7: no scroll bar on a touch screen; a flick coasts ------------------------------
// The share of the column's right edge (where ImGui draws its scroll bar) in the scroll
// bar's colour, on the Settings screen.
async function scrollbarShare(s, size, name) {
  const png = await screenshot(s.page, name);
  const k = size.scale;
  const st = await appState(s.page);
  const rows = st.targets.filter((t) => t.y > 60 && t.y + t.h < size.height);
  const right = Math.max(...rows.map((t) => t.x + t.w));
  let hits = 0, total = 0;
  for (let y = Math.round(80 * k); y < Math.round((size.height - 20) * k); y += 2) {
    for (let x = Math.round(right * k); x < Math.min(png.width, Math.round((right + 24) * k)); x++) {
      const i = (y * png.width + x) * 4;
      total++;
      // The theme's card_border (214, 211, 203): the light theme's scroll bar grab.
      if (Math.abs(png.data[i] - 214) < 6 && Math.abs(png.data[i + 1] - 211) < 6 && Math.abs(png.data[i + 2] - 203) < 6) hits++;
    }
  }
  return hits / total;
}

test('touch screens show no scroll bar and a flick keeps scrolling; the mouse keeps its scroll bar', { timeout: 120000 }, async () => {
  const desk = await openPage(server.origin, { ...DESKTOP, height: 500 });
  const phone = await openPage(server.origin, { ...PHONE, height: 600 });
  try {
    await loadApp(desk, server.origin);
    await clickTarget(desk.page, 'Settings');
    await waitForState(desk.page, (q) => q.screen === 'settings');
    const withMouse = await scrollbarShare(desk, { ...DESKTOP, height: 500 }, 'feel-desktop-settings-scrollbar.png');
    assert.ok(withMouse > 0.02, `the mouse's scroll bar is there to be found (${withMouse})`);

    await loadApp(phone, server.origin);
    await clickTarget(phone.page, 'Settings', { touch: true });
    await waitForState(phone.page, (q) => q.screen === 'settings');
    const onPhone = await scrollbarShare(phone, { ...PHONE, height: 600 }, 'feel-phone-settings-no-scrollbar.png');
    assert.ok(onPhone < withMouse / 10, `no scroll bar on the phone (${onPhone} against ${withMouse})`);
    // A flick: a quick upward swipe (30 CSS px every 16 ms), and the finger leaves while moving;
    // the events carry a hand's timing (this machine may deliver them late).
    const first = (q) => q.targets.find((t) => t.label === 'Like the system');
    const start = first(await appState(phone.page)).y;
    const touch = await finger(phone);
    const t0 = Date.now() / 1000;
    await touch('touchStart', { x: 200, y: 500 }, t0);
    for (let i = 1; i <= 6; i++) await touch('touchMove', { x: 200, y: 500 - i * 30 }, t0 + i * 0.016);
    await touch('touchEnd', null, t0 + 0.11);
    const released = first(await waitForState(phone.page, (q) => first(q).y < start - 60, { what: 'the drag scrolling the list' })).y;
    await screenshot(phone.page, 'feel-phone-settings-flick.png');
    const later = first(await waitForState(phone.page, (q) => first(q).y < released - 20, { what: 'the list coasting on', timeout: 3000 })).y;
    // ... and comes to rest.
    let rest = later;
    for (let i = 0; i < 40; i++) {
      await phone.page.waitForTimeout(100);
      const y = first(await appState(phone.page)).y;
      if (y === rest) break;
      rest = y;
    }
    const again = first(await appState(phone.page)).y;
    await phone.page.waitForTimeout(300);
    assert.equal(first(await appState(phone.page)).y, again, 'the list comes to rest');
  } finally { await desk.close(); await phone.close(); }
});

// --- defect 7: About's legal pages offline -----------------------------------------------------
test('offline: the legal pages About links to open without a network', { timeout: 120000 }, async () => {
  const s = await openPage(server.origin, DESKTOP);
  try {
    await loadApp(s, server.origin);
    await s.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      // Installed means precached: wait until the worker is the active one.
      while (!reg.active || reg.active.state !== 'activated') await new Promise((r) => setTimeout(r, 50));
    });
    await s.context.setOffline(true);
    await clickTarget(s.page, 'About');
    for (const [label, title] of [['Privacy Policy', 'Privacy Policy'], ['Terms of Use', 'Terms of Use']]) {
      const [tab] = await Promise.all([s.context.waitForEvent('page'), clickTarget(s.page, label)]);
      await tab.waitForLoadState('load');
      assert.equal((await tab.textContent('h1')).trim(), title, `${label} opened offline`);
      assert.ok(await tab.evaluate(() => getComputedStyle(document.body).fontFamily.length > 0));
      assert.ok(await tab.evaluate(() => [...document.styleSheets].some((sh) => sh.cssRules.length > 0)), 'with its style');
      await screenshot(tab, `feel-offline-${title.toLowerCase().replace(/ /g, '-')}.png`);
      await tab.close();
    }
  } finally { await s.close(); }
});

// --- the feel of Bricks, played to the end at phone and desktop size --------------------------
// The desktop plays on with the first fit (it clears lines); the phone, where each touch drag
// takes long on this machine, hurries to the end.
for (const [size, play] of [[PHONE, scatter], [DESKTOP, firstFit]]) {
  test(`${size.name}: Bricks feedback from a hint to game over (pop-ups, call-outs, the clear, dimmed pieces, the end in two steps)`,
    { timeout: 600000 }, async () => {
      const s = await openPage(server.origin, size);
      const shot = (what) => screenshot(s.page, `feel-${size.name}-bricks-${what}.png`);
      // A moment that lasts less than a screenshot takes here (a pop-up, the clear) is shot with
      // the page's clock stopped just after it: the canvas keeps that frame.
      // (The clock runs on while the test asks the page its time: a moment later, then.)
      const frozen = async (what) => {
        for (const ahead of [100, 250, 500]) {
          const now = await s.page.evaluate(() => Date.now());
          try {
            await s.page.clock.pauseAt(now + ahead);
            break;
          } catch (e) {
            if (!/to the past/.test(String(e))) throw e;
          }
        }
        await shot(what);
        await s.page.clock.resume();
      };
      try {
        await s.page.clock.install();
        await s.page.clock.resume();
        await loadApp(s, server.origin);
        let st = await startBricks(s, size);
        assert.ok(st.bricks.tray.every((p) => p.fits), 'every piece fits an empty board');
        // The suggested move, on demand.
        assert.equal(st.bricks.hint, null);
        await clickTarget(s.page, 'Hint', { touch: size.touch });
        st = await waitForState(s.page, (q) => q.bricks.hint, { what: 'the hint' });
        await shot('hint');
        const h = st.bricks.hint;
        st = await drag(s, size, st, h.piece, h.row, h.col);
        assert.ok(st.bricks.pops.some((p) => p.text === `+${st.bricks.score}`), `"+${st.bricks.score}" rises from the piece`);
        assert.equal(st.bricks.hint, null, 'the hint was for that move only');
        await frozen('pop');
        const seen = { clear: false, callout: false, dimmed: false };
        for (let moves = 0; moves < 120 && !st.bricks.over; moves++) {
          if (!seen.dimmed && st.bricks.tray.some((p) => p && !p.fits)) {
            seen.dimmed = true;
            await shot('dimmed');
          }
          const before = st.bricks.score;
          const m = play(st);
          assert.ok(m, 'a piece fits while the game is on');
          st = await drag(s, size, st, m.slot, m.r, m.c);
          const gained = st.bricks.score - before;
          if (st.bricks.pops.length) assert.ok(st.bricks.pops.some((p) => p.text === `+${gained}`), `"+${gained}" rises`);
          if (!seen.clear && st.bricks.clearing) {
            seen.clear = true;
            await frozen('clear');
          }
          if (!seen.callout && st.bricks.pops.some((p) => p.callout)) {
            seen.callout = true;
            assert.ok(st.bricks.pops.some((p) => /lines!|Streak ×\d/.test(p.text)));
            await frozen('callout');
          }
        }
        assert.ok(st.bricks.over, 'the game ended');
        if (play === firstFit) assert.ok(seen.clear, 'lines were cleared on the way');
        // Game over: first the board and why (no dialog yet), then the dialog.
        st = await appState(s.page);
        if (st.bricks.result === 'board') {
          assert.ok(!st.targets.some((t) => t.label === 'Play again'), 'no dialog over the board yet');
          assert.ok(st.bricks.tray.every((p) => !p || !p.fits), 'the pieces left have no room');
          // Shot as it is (the step lasts 1.6 s): stopping the page's clock here, while the app
          // sleeps until the dialog's moment, left its timer unfired after the clock resumed.
          await shot('over-board');
        }
        st = await waitForState(s.page, (q) => q.bricks.result === 'dialog' && q.targets.some((t) => t.label === 'Play again'),
          { what: 'the game-over dialog' });
        await shot('over-dialog');
        await clickTarget(s.page, 'Play again', { touch: size.touch });
        await waitForState(s.page, (q) => !q.bricks.over && q.bricks.placements === 0, { what: 'a new game' });
        assert.deepEqual(s.issues.pageErrors, []);
        assert.deepEqual(s.issues.console, []);
      } finally { await s.close(); }
    });
}

// --- reduced motion and sound ---------------------------------------------------------------
test('reduced motion follows the browser and Settings; sound is off until turned on, then WebAudio plays', { timeout: 120000 }, async () => {
  const s = await openPage(server.origin, {
    ...DESKTOP,
    initScript: () => {
      window.__sounds = 0;
      const start = AudioBufferSourceNode.prototype.start;
      AudioBufferSourceNode.prototype.start = function (...args) { window.__sounds++; return start.apply(this, args); };
    },
  });
  try {
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    let st = await loadApp(s, server.origin);
    assert.equal(st.reduce_motion, true, 'the browser asks for less motion');
    await s.page.emulateMedia({ reducedMotion: 'no-preference' });
    st = await waitForState(s.page, (q) => q.reduce_motion === false, { what: 'full motion again' });
    assert.equal(st.audio.on, false, 'sound is off on a first visit');
    // A placement without sound plays nothing.
    st = await startBricks(s, DESKTOP);
    let m = firstFit(st);
    st = await drag(s, DESKTOP, st, m.slot, m.r, m.c);
    assert.equal(st.audio.played.place, 0);
    assert.equal(await s.page.evaluate(() => window.__sounds), 0);
    await clickTarget(s.page, '\u2190 Menu');
    await clickTarget(s.page, 'Settings');
    await clickTarget(s.page, 'Reduced');
    st = await waitForState(s.page, (q) => q.reduce_motion === true && q.settings.motion === 2, { what: 'reduced by the setting' });
    await clickTarget(s.page, 'Sound effects');
    st = await waitForState(s.page, (q) => q.audio.on && q.settings.sound === true, { what: 'sound on' });
    await clickTarget(s.page, '50 %');
    st = await waitForState(s.page, (q) => q.settings.volume === 50, { what: 'the volume' });
    await screenshot(s.page, 'feel-desktop-settings-sound.png');
    await clickTarget(s.page, '\u2190 Back');
    await clickTarget(s.page, 'Continue', { group: 'bricks' });
    st = await waitForState(s.page, (q) => q.screen === 'bricks', { what: 'the game' });
    m = firstFit(st);
    st = await drag(s, DESKTOP, st, m.slot, m.r, m.c);
    st = await waitForState(s.page, (q) => q.audio.played.place + q.audio.played.clear >= 1, { what: 'a sound' });
    assert.ok(st.audio.started >= 1, 'the page started the sound');
    assert.ok(await s.page.evaluate(() => window.__sounds) >= 1, 'WebAudio played it');
    // The choices are kept.
    await s.page.reload();
    await s.page.waitForSelector('html[data-app="running"]');
    st = await appState(s.page);
    assert.equal(st.settings.sound, true);
    assert.equal(st.settings.volume, 50);
    assert.equal(st.reduce_motion, true);
  } finally { await s.close(); }
});

// --- the first visit's loading state -------------------------------------------------------------
test('phone, first visit: the page shows the game\'s name and the download\'s progress until the start screen', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin, {
    ...PHONE,
    initScript: () => {
      window.__progress = [];
      new MutationObserver(() => {
        const bar = document.getElementById('loading-progress');
        if (bar && bar.dataset.observed !== '1') {
          bar.dataset.observed = '1';
          new MutationObserver(() => window.__progress.push(Number(bar.value))).observe(bar, { attributes: true, attributeFilter: ['value'] });
        }
      }).observe(document, { childList: true, subtree: true });
    },
  });
  try {
    // The wasm held back a moment, as on a slow network, to see the page before the game.
    let release;
    const held = new Promise((r) => { release = r; });
    // The wasm's content-hashed name, from the site's list of them.
    const wasmFile = JSON.parse(readFileSync(path.join(SITE, 'assets.json'), 'utf8'))['astradia.wasm'];
    assert.match(wasmFile, /^astradia\.[0-9a-f]{16}\.wasm$/);
    await s.page.route(`**/${wasmFile}`, async (route) => { await held; await route.continue(); });
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('#loading-progress');
    assert.equal((await s.page.textContent('.loading-name')).trim(), 'Astradia');
    assert.match(await s.page.textContent('#loading-text'), /Loading the game/);
    await screenshot(s.page, 'feel-phone-loading.png');
    const wasmBytes = statSync(path.join(SITE, wasmFile)).size;
    assert.equal(Number(await s.page.getAttribute('#loading-progress', 'data-bytes')), wasmBytes, 'the page knows the size to expect');
    release();
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    assert.equal(await s.page.isVisible('#loading'), false, 'the loading state gives way to the game');
    const seen = await s.page.evaluate(() => window.__progress);
    assert.equal(seen[seen.length - 1], 100, `the bar ends full (${seen})`);
    assert.ok(seen.some((v) => v > 0 && v < 100), `the bar moved through the download (${seen})`);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], 'the bar never goes back');
    await s.page.waitForFunction(() => document.querySelector('astradia-legal').dataset.state === 'banner');
    await screenshot(s.page, 'feel-phone-first-frame.png');
    assert.deepEqual(s.issues.pageErrors, []);
    assert.deepEqual(s.issues.console, []);
  } finally { await s.close(); }
});
