// Purpose: the game app's shell in real Chromium: the read-only test hook, idle (no
// frames drawn when nothing happens), settings that persist across reloads, theme and
// language that follow the browser, and storage that is blocked, full or corrupt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, openPage, screenshot, appState, waitForState, clickTarget, findTarget, loadApp, finger,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('the test hook reports the start screen and is read-only', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin);
  try {
    const st = await loadApp(s, server.origin);
    assert.equal(st.screen, 'start');
    assert.equal(st.storage, 'ok');
    assert.ok(st.frames >= 1);
    assert.ok(st.targets.some((t) => t.label === 'Settings'), 'the Settings link is a target');
    const replaced = await s.page.evaluate(() => {
      try { window.astradia = null; } catch (e) { /* strict mode would throw */ }
      const copy = window.astradia.state();
      copy.screen = 'hacked';
      return window.astradia !== null && window.astradia.state().screen === 'start';
    });
    assert.equal(replaced, true);
    assert.deepEqual(s.issues.console, []);
  } finally { await s.close(); }
});

test('idle: no frames are drawn while nothing happens; input wakes the app', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin);
  try {
    await loadApp(s, server.origin);
    await s.page.waitForTimeout(500);
    const before = (await appState(s.page)).frames;
    await s.page.waitForTimeout(1500);
    const idle = (await appState(s.page)).frames;
    assert.equal(idle, before, `frames drawn while idle: ${idle - before}`);
    await s.page.mouse.move(300, 300);
    await s.page.mouse.move(320, 310);
    const woke = await waitForState(s.page, (st) => st.frames > idle, { what: 'a frame after input' });
    assert.ok(woke.frames - idle <= 10, `a mouse move drew ${woke.frames - idle} frames`);
    await s.page.setViewportSize({ width: 900, height: 700 });
    await waitForState(s.page, (st) => st.frames > woke.frames, { what: 'a frame after a resize' });
  } finally { await s.close(); }
});

test('settings persist across a reload', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin, { width: 1280, height: 800 });
  try {
    await loadApp(s, server.origin);
    await clickTarget(s.page, 'Settings');
    await waitForState(s.page, (st) => st.screen === 'settings');
    await clickTarget(s.page, 'Dark');
    await waitForState(s.page, (st) => st.theme === 'dark');
    await clickTarget(s.page, 'Русский');
    await waitForState(s.page, (st) => st.language === 'ru');
    await screenshot(s.page, 'app-settings-dark-ru.png');
    await s.page.reload();
    await s.page.waitForSelector('html[data-app="running"]');
    const st = await appState(s.page);
    assert.equal(st.theme, 'dark');
    assert.equal(st.language, 'ru');
    assert.equal(st.settings.theme, 2);
    const stored = await s.page.evaluate(() => JSON.parse(localStorage.getItem('astradia.settings')));
    assert.equal(stored.kind, 'settings');
    assert.match(stored.sha256, /^[0-9a-f]{64}$/);
    assert.equal(await s.page.evaluate(() => localStorage.getItem('astradia.settings.next')), null);
  } finally { await s.close(); }
});

test('theme and language follow the browser by default', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin, { colorScheme: 'dark', locale: 'ru-RU' });
  try {
    const st = await loadApp(s, server.origin);
    assert.equal(st.theme, 'dark');
    assert.equal(st.language, 'ru');
    assert.ok(st.targets.some((t) => t.label === 'Настройки'));
    await screenshot(s.page, 'app-start-dark-ru.png');
  } finally { await s.close(); }
});

test('blocked storage: the app works and says progress will not be kept', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin, {
    initScript: () => {
      const deny = () => { throw new DOMException('blocked', 'SecurityError'); };
      Storage.prototype.setItem = deny;
      Storage.prototype.getItem = deny;
      Storage.prototype.removeItem = deny;
    },
  });
  try {
    const st = await loadApp(s, server.origin);
    assert.equal(st.storage, 'unavailable');
    assert.match(st.notice, /will not be kept/);
    await screenshot(s.page, 'app-storage-blocked.png');
    await clickTarget(s.page, 'Settings');
    await clickTarget(s.page, 'Dark');
    await waitForState(s.page, (x) => x.theme === 'dark');
    assert.deepEqual(s.issues.pageErrors, []);
  } finally { await s.close(); }
});

test('full storage: the game goes on and says so', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin, {
    initScript: () => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith('astradia.settings')) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, key, value);
      };
    },
  });
  try {
    await loadApp(s, server.origin);
    await clickTarget(s.page, 'Settings');
    await clickTarget(s.page, 'Dark');
    const st = await waitForState(s.page, (x) => x.storage === 'full');
    assert.equal(st.theme, 'dark');
    assert.match(st.notice, /Storage is full/);
  } finally { await s.close(); }
});

test('a corrupt save is set aside, the player is told, and the app starts clean', { timeout: 60000 }, async () => {
  const s = await openPage(server.origin);
  try {
    await loadApp(s, server.origin);  // (before the app has loaded, it would find the damage on this visit)
    await s.page.evaluate(() => localStorage.setItem('astradia.settings', '{"app":"astradia","kind":"settings",'));
    await s.page.reload();
    await s.page.waitForSelector('html[data-app="running"]');
    const st = await appState(s.page);
    assert.match(st.notice, /could not read your saved settings/);
    assert.equal(st.theme, 'light');
    const aside = await s.page.evaluate(() => localStorage.getItem('astradia.settings.corrupt'));
    assert.equal(aside, '{"app":"astradia","kind":"settings",');
    await screenshot(s.page, 'app-corrupt-notice.png');
    await clickTarget(s.page, 'dismiss');
    await waitForState(s.page, (x) => x.notice === '');
  } finally { await s.close(); }
});

test('long pages scroll: with a finger on a phone (no toggle flips), with the wheel on a desktop', { timeout: 180000 }, async () => {
  const phone = await openPage(server.origin, { width: 390, height: 844, scale: 3, touch: true });
  try {
    await loadApp(phone, server.origin);
    await clickTarget(phone.page, 'Settings', { touch: true });
    const last = 'Show a suggested move';
    const before = await findTarget(phone.page, last);
    assert.ok(before.y + before.h > 844, 'the last setting starts below the screen');
    const settings = (await appState(phone.page)).settings;
    const touch = await finger(phone);
    const onScreen = (q) => q.targets.some((t) => t.label === last && t.y + t.h <= 844);
    // Swipes up, as a player would until the setting shows (how far one swipe coasts depends on
    // its speed, which a busy machine changes); each starts on a toggle: scrolling must not flip it.
    let moved = await appState(phone.page);
    for (let swipe = 0; swipe < 4 && !onScreen(moved); swipe++) {
      const start = moved.targets.find((t) => t.label !== last && t.y > 400 && t.y < 700);
      const from = { x: start.x + start.w / 2, y: start.y + start.h / 2 };
      await touch('touchStart', from);
      for (let i = 1; i <= 8; i++) {
        await touch('touchMove', { x: from.x, y: from.y - i * 50 });
        await phone.page.waitForTimeout(16);
      }
      await touch('touchEnd', null);
      // The list follows the finger and may coast on into view; if it rests short of it, the next swipe.
      moved = await waitForState(phone.page, onScreen, { what: 'the list coasting', timeout: 4000 }).catch(() => appState(phone.page));
    }
    assert.deepEqual(moved.settings, settings, 'no setting changed while scrolling');
    assert.ok(onScreen(moved), 'the last setting is on screen');
    await screenshot(phone.page, 'settings-phone-scrolled.png');
  } finally { await phone.close(); }
  const desk = await openPage(server.origin, { width: 1280, height: 600 });
  try {
    await loadApp(desk, server.origin);
    await clickTarget(desk.page, 'Settings');
    const before = await findTarget(desk.page, 'Show a suggested move');
    await desk.page.mouse.move(640, 300);
    await desk.page.mouse.wheel(0, 200);
    const after = await waitForState(desk.page, (q) => q.targets.some((t) => t.label === 'Show a suggested move' && t.y < before.y),
      { what: 'the wheel scrolling down' });
    await desk.page.mouse.wheel(0, -1000);
    await waitForState(desk.page, (q) => q.targets.some((t) => t.label === 'Show a suggested move' && t.y === before.y),
      { what: 'the wheel scrolling back to the top' });
    assert.ok(after);
  } finally { await desk.close(); }
});

test('the game asks the widget: usage is counted only with statistics consent, and withdrawal stops it', { timeout: 90000 }, async () => {
  const s = await openPage(server.origin);
  try {
    const usageKeys = () => s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('astradia.stats.usage')));
    // Before any choice: the widget (the one judge) allows nothing optional; nothing is counted.
    await loadApp(s, server.origin, '/', { consent: 'none' });
    let st = await appState(s.page);
    assert.equal(st.consent.statistics, false);
    await clickTarget(s.page, 'Settings');
    await clickTarget(s.page, '\u2190 Back');
    assert.deepEqual(await usageKeys(), []);
    // Declined (through the widget): still nothing is counted.
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: false, ads: false }));
    await s.page.waitForFunction(() => document.querySelector('astradia-legal').dataset.state === 'settled');
    st = await appState(s.page);
    assert.equal(st.consent.statistics, false);
    await clickTarget(s.page, 'Settings');
    await clickTarget(s.page, '\u2190 Back');
    assert.deepEqual(await usageKeys(), []);
    // Allowed: screen views are counted (names and counts only).
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: true }, { age_confirmed: true }));
    await waitForState(s.page, (q) => q.consent.statistics === true, { what: 'statistics allowed' });
    await clickTarget(s.page, 'Statistics');
    st = await waitForState(s.page, (q) => q.consent.usage['view.statistics'] === 1, { what: 'a counted view' });
    await clickTarget(s.page, '\u2190 Back');
    st = await waitForState(s.page, (q) => q.consent.usage['view.start'] >= 1, { what: 'the start view counted' });
    assert.deepEqual(await usageKeys(), ['astradia.stats.usage']);
    const stored = await s.page.evaluate(() => localStorage.getItem('astradia.stats.usage'));
    assert.doesNotMatch(stored, /20\d\d-|c-[0-9a-f]{32}/, 'no times or ids in the counters');
    // Withdrawn: the widget removes the counters and the game adds none.
    await s.page.evaluate(() => window.AstradiaLegal.set({ statistics: false }));
    st = await waitForState(s.page, (q) => q.consent.statistics === false, { what: 'statistics withdrawn' });
    await clickTarget(s.page, 'Settings');
    await clickTarget(s.page, '\u2190 Back');
    assert.deepEqual(await usageKeys(), []);
    assert.deepEqual((await appState(s.page)).consent.usage, {});
  } finally { await s.close(); }
});
