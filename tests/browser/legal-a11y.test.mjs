// Purpose: the legal widget's accessibility and look in real Chromium: axe-core finds no
// violation inside the widget in any state (banner, preferences, document, button, the
// preferences with a record: period and record id) in light
// and dark at 1280 and 320 px, and the widget adds none to the page; keyboard-only flows
// (Tab order, Esc, focus return, visible focus); target sizes; 400 % zoom; reduced motion;
// right-to-left; a hostile host stylesheet changes nothing inside; the re-prompt, expired,
// "Delete my data" and blocked-storage states under axe too; screenshots of every
// state at 1280, 390 and 320 px in light and dark under build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, screenshot } from './harness.mjs';
import { startLegalServer, widgetState, settleAnimations, writeLegalSite, readSource, expireRecord } from './legal-fixtures.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PAGE = '/test/widget.html';

let env;
before(async () => { env = await startLegalServer(); });
after(async () => { await env.stop(); });

async function visit(opts = {}, url = PAGE) {
  const s = await openPage(env.origin, opts);
  await s.context.addInitScript({ content: AXE });
  await s.page.goto(env.origin + url);
  return s;
}

// axe's violations, inside the widget (context 'astradia-legal') or on the whole page.
async function axe(page, widgetOnly) {
  return page.evaluate(async ([only, tags]) => {
    const r = await window.axe.run(only ? { include: [['astradia-legal']] } : document,
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'passes'] });
    return {
      violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target) + ': ' + n.failureSummary) })),
      checkedInShadow: r.passes.some((p) => p.nodes.some((n) => Array.isArray(n.target[0]))),
    };
  }, [widgetOnly, TAGS]);
}
const show = (v) => JSON.stringify(v, null, 1);

// The widget's states, each reached from the previous one.
const STATES = {
  banner: async () => {},
  preferences: async (page) => {
    await page.click('.banner button:text-is("Choose")');
    await page.waitForSelector('dialog.prefs[open]');
  },
  document: async (page) => {
    await page.click('dialog.prefs .docs a >> nth=0');
    await page.waitForSelector('dialog.docv[open] section h3');
  },
  button: async (page) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.click('.banner button:text-is("Reject all")');
    await widgetState(page, 'settled');
  },
  // The preferences of a visitor who has chosen: the period and the record id with its copy button.
  record: async (page) => {
    await page.click('.fab');
    await page.waitForSelector('dialog.prefs[open] .rec');
  },
};

test('axe: no violations inside the widget in any state, light and dark, 1280 and 320 px; screenshots of each', { timeout: 300000 }, async () => {
  const s = await visit({ width: 1280, height: 800 });
  try {
    await widgetState(s.page, 'banner');
    for (const [state, reach] of Object.entries(STATES)) {
      await reach(s.page);
      for (const width of [1280, 390, 320]) {
        await s.page.setViewportSize({ width, height: width === 1280 ? 800 : 780 });
        for (const scheme of ['light', 'dark']) {
          await s.page.emulateMedia({ colorScheme: scheme });
          await s.page.waitForFunction((t) => document.querySelector('astradia-legal').dataset.theme === t, scheme);
          await settleAnimations(s.page);
          await screenshot(s.page, `legal-${state}-${width}-${scheme}.png`);
          if (width === 390) continue;
          const r = await axe(s.page, true);
          assert.deepEqual(r.violations, [], `${state} ${width}px ${scheme}: ${show(r.violations)}`);
          assert.ok(r.checkedInShadow, 'axe looked inside the shadow root');
        }
      }
      await s.page.setViewportSize({ width: 1280, height: 800 });
      await s.page.emulateMedia({ colorScheme: 'light' });
    }
    assert.deepEqual(s.issues.console, []);
  } finally { await s.close(); }
});

test('axe: the widget adds no violation to the host pages', { timeout: 120000 }, async () => {
  for (const url of [PAGE, '/partner-demo/', '/widget/']) {
    const s = await visit({}, url);
    try {
      await widgetState(s.page, 'banner');
      const withWidget = await axe(s.page, false);
      await s.page.route('**' + url, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<script src="[^"]*astradia-legal\.js"[^>]*><\/script>/, '');
        await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-encoding': 'identity' } });
      });
      await s.page.reload();
      await s.page.waitForLoadState('load');
      assert.equal(await s.page.$('astradia-legal'), null, 'the page without the widget');
      const without = await axe(s.page, false);
      const known = new Set(without.violations.map((v) => v.id));
      const added = withWidget.violations.filter((v) => !known.has(v.id) || v.nodes.some((n) => n.includes('astradia-legal')));
      assert.deepEqual(added, [], `${url}: ${show(added)}`);
    } finally { await s.close(); }
  }
});

test('axe: the Russian banner with GPC at 400 % zoom has no violations', { timeout: 120000 }, async () => {
  const s = await visit({ width: 320, height: 200, initScript: () => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
  } }, '/test/ru.html');
  try {
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /Global Privacy Control/);
    for (const scheme of ['light', 'dark']) {
      await s.page.emulateMedia({ colorScheme: scheme });
      await s.page.waitForFunction((t) => document.querySelector('astradia-legal').dataset.theme === t, scheme);
      await settleAnimations(s.page);
      const r = await axe(s.page, true);
      assert.deepEqual(r.violations, [], `${scheme}: ${show(r.violations)}`);
    }
    await screenshot(s.page, 'legal-banner-ru-gpc-zoom400.png');
  } finally { await s.close(); }
});

// axe inside the widget in light and dark at 1280 and 320 px, for the state on screen now.
async function axeEverywhere(page, state) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 780 });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((t) => document.querySelector('astradia-legal').dataset.theme === t, scheme);
      await settleAnimations(page);
      const r = await axe(page, true);
      assert.deepEqual(r.violations, [], `${state} ${width}px ${scheme}: ${show(r.violations)}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('axe: the re-prompt (what changed), expired, "Delete my data" and blocked-storage states have no violations', { timeout: 180000 }, async () => {
  const KEY = 'widget-test.consent.v1';
  writeLegalSite(env.root, readSource('widget-test'), { only: { privacy: '1.0' } });
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    await s.page.click('.banner button:text-is("Accept all")');
    await widgetState(s.page, 'settled');
    writeLegalSite(env.root, readSource('widget-test'));          // a material version appears
    await s.page.reload();
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /Our documents have changed/);
    await axeEverywhere(s.page, 'changed banner');
    await s.page.click('.banner button:text-is("Choose")');          // the preferences repeat what changed
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.match(await s.page.textContent('dialog.prefs'), /Our documents have changed/);
    await axeEverywhere(s.page, 'changed preferences');
    await s.page.keyboard.press('Escape');
    await expireRecord(s.page, KEY);
    await s.page.reload();
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /Please confirm your choices again/);
    await axeEverywhere(s.page, 'expired banner');
    await s.page.click('.banner button:text-is("Accept all")');
    await widgetState(s.page, 'settled');
    await s.page.click('.fab');
    await s.page.waitForSelector('dialog.prefs[open]');
    await s.page.click('dialog.prefs >> button:has-text("Delete my data")');
    await s.page.waitForSelector('dialog.prefs button:text-is("Delete everything")');
    await axeEverywhere(s.page, 'delete confirmation');
    await s.page.click('dialog.prefs button:text-is("Delete everything")');
    await widgetState(s.page, 'banner');
    assert.match(await s.page.textContent('.banner'), /has been deleted/);
    await axeEverywhere(s.page, 'deleted banner');
    assert.deepEqual(s.issues.console, []);
  } finally { await s.close(); writeLegalSite(env.root, readSource('widget-test')); }

  const t = await visit({ initScript: () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  } });
  try {
    await widgetState(t.page, 'banner');
    assert.match(await t.page.textContent('.banner'), /will not be remembered/);
    await axeEverywhere(t.page, 'blocked-storage banner');
  } finally { await t.close(); }
});

// The focused element inside the widget (its text or id), or 'page:<tag>' outside it.
const focused = (page) => page.evaluate(() => {
  const host = document.querySelector('astradia-legal');
  if (document.activeElement !== host) return 'page:' + document.activeElement.tagName.toLowerCase() + (document.activeElement.id ? '#' + document.activeElement.id : '');
  const el = host.shadowRoot.activeElement;
  return el.id || el.getAttribute('aria-label') || el.textContent.trim();
});

test('keyboard only: banner, preferences, documents and the button; Esc closes, focus returns', { timeout: 90000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    const order = [];
    for (let i = 0; i < 5; i++) { await s.page.keyboard.press('Tab'); order.push(await focused(s.page)); }
    assert.deepEqual(order, ['Details', 'Reject all', 'Accept all', 'Choose', 'page:input#email'],
      'the banner comes first, reject before accept, then the page');
    // Visible focus on a button reached by keyboard.
    await s.page.keyboard.press('Shift+Tab');
    const outline = await s.page.evaluate(() => {
      const el = document.querySelector('astradia-legal').shadowRoot.activeElement;
      const cs = getComputedStyle(el);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    assert.equal(outline.style, 'solid');
    assert.ok(outline.width >= 2, 'a visible focus ring');
    // Choose opens the preferences; focus moves in and stays in while it is open.
    await s.page.keyboard.press('Enter');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.equal(await focused(s.page), 'Close');
    const inside = new Set();
    for (let i = 0; i < 14; i++) {
      await s.page.keyboard.press('Tab');
      const f = await focused(s.page);
      // After the last control focus may go to the browser's own UI (body here), never to the page.
      assert.ok(!f.startsWith('page:') || f === 'page:body', `focus left the dialog: ${f}`);
      inside.add(f);
    }
    assert.ok(inside.has('al-t-statistics') && inside.has('al-t-ads') && inside.has('al-p-until_withdrawn') && inside.has('Save choices'),
      [...inside].join(', '));
    // Space toggles a switch.
    await s.page.focus('#al-t-statistics');
    await s.page.keyboard.press('Space');
    assert.equal(await s.page.isChecked('#al-t-statistics'), true);
    // A document from the dialog, then back: Esc, Esc.
    await s.page.focus('dialog.prefs .docs a >> nth=0');
    await s.page.keyboard.press('Enter');
    await s.page.waitForSelector('dialog.docv[open] section h3');
    assert.equal(await focused(s.page), 'Close');
    await s.page.keyboard.press('Tab');
    assert.match(await focused(s.page), /./, 'the document body or its contents take focus next');
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('dialog.docv', { state: 'detached' });
    assert.equal(await focused(s.page), 'Privacy Policy', 'focus is back on the link that opened the document');
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('dialog.prefs', { state: 'detached' });
    assert.equal(await focused(s.page), 'Choose', 'focus is back on Choose');
    assert.equal(await s.page.evaluate(() => localStorage.length), 0, 'Esc decided nothing');
    // Decide by keyboard: Accept all with Enter (its statement says what it confirms; no box first).
    await s.page.keyboard.press('Shift+Tab');
    assert.equal(await focused(s.page), 'Accept all');
    await s.page.keyboard.press('Enter');
    await widgetState(s.page, 'settled');
    assert.equal(await focused(s.page), 'Privacy choices', 'focus moves to the button that replaced the banner');
    await s.page.keyboard.press('Enter');
    await s.page.waitForSelector('dialog.prefs[open]');
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('dialog.prefs', { state: 'detached' });
    assert.equal(await focused(s.page), 'Privacy choices');
    assert.deepEqual(s.issues.console, []);
  } finally { await s.close(); }
});

test('targets are at least 24x24 px; nothing is cut off at 320 px or at 400 % zoom', { timeout: 90000 }, async () => {
  const s = await visit({ width: 320, height: 200 });
  try {
    await widgetState(s.page, 'banner');
    const targets = async () => s.page.evaluate(() => {
      const root = document.querySelector('astradia-legal').shadowRoot;
      return [...root.querySelectorAll('button, input, a')].filter((el) => el.offsetParent !== null || el.getClientRects().length)
        .filter((el) => getComputedStyle(el).display !== 'inline')   // in a sentence: WCAG 2.5.8's inline exception
        .map((el) => { const r = el.getBoundingClientRect(); return { what: el.textContent.trim() || el.id || el.className, w: r.width, h: r.height }; });
    });
    for (const t of await targets()) assert.ok(t.w >= 24 && t.h >= 24, `${t.what}: ${t.w}x${t.h}`);
    // At 320x200 CSS px (1280x800 at 400 %) the banner fits (or scrolls) and every control can be reached.
    const banner = await s.page.evaluate(() => {
      const b = document.querySelector('astradia-legal').shadowRoot.querySelector('.banner');
      const r = b.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, width: r.width, scroll: b.scrollHeight > b.clientHeight, overflowX: b.scrollWidth > b.clientWidth };
    });
    assert.ok(banner.top >= 0 && banner.bottom <= 200 && banner.width <= 320, show(banner));
    assert.equal(banner.overflowX, false, 'no sideways scrolling');
    for (const label of ['Reject all', 'Accept all', 'Choose']) {
      const button = s.page.locator(`.banner button:text-is("${label}")`);
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= 200, `${label} can be scrolled into view`);
    }
    await screenshot(s.page, 'legal-banner-zoom400.png');
    await s.page.click('.banner button:text-is("Choose")');
    await s.page.waitForSelector('dialog.prefs[open]');
    await settleAnimations(s.page);
    const dlg = await s.page.evaluate(() => {
      const d = document.querySelector('astradia-legal').shadowRoot.querySelector('dialog');
      const r = d.getBoundingClientRect();
      const body = d.querySelector('.bd');
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, scrolls: body.scrollHeight > body.clientHeight, sideways: body.scrollWidth > body.clientWidth };
    });
    assert.ok(dlg.left >= 0 && dlg.right <= 320 && dlg.top >= 0 && dlg.bottom <= 200, show(dlg));
    assert.equal(dlg.sideways, false);
    for (const t of await targets()) assert.ok(t.w >= 24 && t.h >= 24, `${t.what}: ${t.w}x${t.h}`);
    await settleAnimations(s.page);
    await screenshot(s.page, 'legal-preferences-zoom400.png');
  } finally { await s.close(); }
});

test('reduced motion: dialogs open without animation', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await widgetState(s.page, 'banner');
    await s.page.click('.banner button:text-is("Choose")');
    await s.page.waitForSelector('dialog.prefs[open]');
    const running = await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.getAnimations({ subtree: true }).length);
    assert.equal(running, 0);
    await s.page.keyboard.press('Escape');
    await s.page.emulateMedia({ reducedMotion: 'no-preference' });
    await s.page.click('.banner button:text-is("Choose")');
    await s.page.waitForSelector('dialog.prefs[open]');
    assert.ok(await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.getAnimations({ subtree: true }).length) > 0,
      'without the preference the dialog does animate (so the check above can fail)');
  } finally { await s.close(); }
});

test('right-to-left pages get the mirrored layout', { timeout: 60000 }, async () => {
  const s = await visit();
  try {
    await widgetState(s.page, 'banner');
    await s.page.click('.banner button:text-is("Reject all")');
    await widgetState(s.page, 'settled');
    const x = () => s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.querySelector('.fab').getBoundingClientRect().x);
    assert.ok(await x() < 100, 'bottom left in a left-to-right page');
    await s.page.evaluate(() => { document.documentElement.dir = 'rtl'; });
    assert.ok(await x() > 1100, 'bottom right in a right-to-left page');
  } finally { await s.close(); }
});

test('a hostile host stylesheet changes nothing inside the widget', { timeout: 60000 }, async () => {
  const look = async (url) => {
    const s = await visit({}, url);
    try {
      await widgetState(s.page, 'banner');
      return await s.page.evaluate(() => {
        const root = document.querySelector('astradia-legal').shadowRoot;
        return ['.banner', 'h2', '.banner p', '.btn', '.link'].map((sel) => {
          const el = root.querySelector(sel), cs = getComputedStyle(el), r = el.getBoundingClientRect();
          return { sel, color: cs.color, bg: cs.backgroundColor, font: cs.font, spacing: cs.letterSpacing, transform: cs.textTransform,
                   border: cs.borderTopWidth + ' ' + cs.borderTopColor, padding: cs.padding, display: cs.display, w: Math.round(r.width), h: Math.round(r.height) };
        });
      });
    } finally { await s.close(); }
  };
  const clean = await look('/test/ru.html'.replace('ru', 'widget'));
  const hostile = await look('/test/hostile.html');
  assert.deepEqual(hostile, clean);
  assert.notEqual(clean[0].color, 'rgb(255, 0, 0)');
});
