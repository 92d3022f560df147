// Purpose: the first visit does not hide the game (issue 20): on the game page, at 320x568 and
// 390x844 (DPR 3, touch) in English and Russian, the banner covers at most 35 % and 25 % of the
// screen, Reject all, Accept all and Choose are equal and fully visible without scrolling, and the
// text still says what matters (consent for statistics and personalised ads, that it can be
// changed, what accepting confirms, where the details are). Prints the figures. Screenshots of
// the banner and of the preferences (top, and the consent period and record further down) at
// both phone sizes and at 1280x800, in both languages: build/screenshots/legal-size-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot } from './harness.mjs';
import { startLegalServer, widgetState, settleAnimations } from './legal-fixtures.mjs';

let env;
before(async () => { env = await startLegalServer(); });
after(async () => { await env.stop(); });

const PHONES = [{ width: 320, height: 568, goal: 35 }, { width: 390, height: 844, goal: 25 }];
const DESKTOP = { width: 1280, height: 800 };
// What the banner must still say, in each language.
const SAYS = {
  en: [/consent/, /count visits anonymously/, /ads picked for you/, /change your mind at any time/,
    /Accepting confirms you are of legal age or have a parent’s or guardian’s permission/, /Details/],
  ru: [/согласия/, /анонимно считаем посещения/, /рекламу по интересам/, /передумать можно в любой момент/,
    /Принимая, вы подтверждаете совершеннолетие или разрешение родителя либо опекуна/, /Подробнее/],
};
const BUTTONS = { en: ['Reject all', 'Accept all', 'Choose'], ru: ['Отклонить все', 'Принять все', 'Настроить'] };

// The game page in `lang` (the widget follows the page's lang), at a size, on a first visit.
async function gamePage(lang, size) {
  const phone = size.width < 500;
  const s = await openPage(env.origin, { width: size.width, height: size.height, scale: phone ? 3 : 1, touch: phone });
  await s.page.route(env.origin + '/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<html lang="en"', `<html lang="${lang}"`);
    await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-encoding': 'identity' } });
  });
  await s.page.goto(env.origin + '/');
  await widgetState(s.page, 'banner');
  return s;
}

// The banner's box, its share of the screen, and its buttons' boxes (CSS px).
const measure = (page) => page.evaluate(() => {
  const banner = document.querySelector('astradia-legal').shadowRoot.querySelector('.banner');
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom, right: r.right }; };
  const b = box(banner);
  const visible = (Math.min(b.bottom, innerHeight) - Math.max(b.y, 0)) * (Math.min(b.right, innerWidth) - Math.max(b.x, 0));
  return {
    banner: b, share: 100 * visible / (innerWidth * innerHeight), scrolls: banner.scrollHeight > banner.clientHeight,
    viewport: [innerWidth, innerHeight], text: banner.textContent,
    buttons: [...banner.querySelectorAll('.btns .btn')].map((el) => ({ label: el.textContent, ...box(el),
      style: [getComputedStyle(el).fontSize, getComputedStyle(el).fontWeight, getComputedStyle(el).backgroundColor, getComputedStyle(el).color] })),
  };
});

for (const lang of ['en', 'ru']) {
  for (const size of PHONES) {
    test(`banner at ${size.width}x${size.height}, ${lang}: at most ${size.goal} % of the screen, three equal buttons in view`, { timeout: 90000 }, async (t) => {
      const s = await gamePage(lang, size);
      try {
        await settleAnimations(s.page);
        const m = await measure(s.page);
        t.diagnostic(`banner ${size.width}x${size.height} ${lang}: ${m.banner.w.toFixed(0)} x ${m.banner.h.toFixed(1)} CSS px, ` +
          `${m.share.toFixed(1)} % of the screen (goal <= ${size.goal} %); buttons ${m.buttons.map((b) => `${b.w.toFixed(0)}x${b.h.toFixed(0)}`).join(', ')}`);
        assert.deepEqual(m.viewport, [size.width, size.height]);
        assert.ok(m.share <= size.goal, `${m.share.toFixed(1)} % > ${size.goal} %`);
        assert.equal(m.scrolls, false, 'nothing in the banner needs scrolling');
        assert.deepEqual(m.buttons.map((b) => b.label), BUTTONS[lang]);
        for (const b of m.buttons) {
          assert.ok(b.y >= m.banner.y && b.bottom <= size.height && b.x >= 0 && b.right <= size.width, `${b.label} is fully on screen`);
          assert.ok(b.h >= 44 && b.w >= 44, `${b.label}: ${b.w}x${b.h}, a 44 px target`);
          assert.deepEqual([Math.round(b.w), Math.round(b.h), b.y, b.style], [Math.round(m.buttons[0].w), Math.round(m.buttons[0].h), m.buttons[0].y, m.buttons[0].style],
            `${b.label} is the same size, row and look as ${m.buttons[0].label}`);
        }
        for (const says of SAYS[lang]) assert.match(m.text, says);
        await screenshot(s.page, `legal-size-${size.width}x${size.height}-${lang}-banner.png`);
        assert.deepEqual(s.issues.console, []);
        assert.deepEqual(s.issues.pageErrors, []);
      } finally { await s.close(); }
    });
  }
}

test('screenshots: the banner and the preferences at 320x568, 390x844 (DPR 3) and 1280x800, English and Russian', { timeout: 240000 }, async (t) => {
  for (const lang of ['en', 'ru']) {
    for (const size of [...PHONES, DESKTOP]) {
      const s = await gamePage(lang, size);
      const name = `legal-size-${size.width}x${size.height}-${lang}`;
      try {
        if (size === DESKTOP) {
          const m = await measure(s.page);
          t.diagnostic(`banner ${size.width}x${size.height} ${lang}: ${m.banner.h.toFixed(1)} CSS px high, ${m.share.toFixed(1)} % of the screen`);
          await screenshot(s.page, `${name}-banner.png`);
        }
        // A visitor who has chosen opens "Privacy choices": the purposes first, then the consent
        // period, the documents and the record id further down.
        await s.page.click(`.banner button:text-is("${BUTTONS[lang][0]}")`);
        await widgetState(s.page, 'settled');
        // What the app's own "Privacy choices" calls: the game page shows no floating button.
        await s.page.evaluate(() => window.AstradiaLegal.open());
        await s.page.waitForSelector('dialog.prefs[open] .rec');
        await settleAnimations(s.page);
        await screenshot(s.page, `${name}-preferences.png`);
        await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.querySelector('fieldset.per').scrollIntoView());
        await screenshot(s.page, `${name}-preferences-period.png`);
        await s.page.evaluate(() => document.querySelector('astradia-legal').shadowRoot.querySelector('.rec').scrollIntoView());
        await screenshot(s.page, `${name}-preferences-record.png`);
        assert.deepEqual(s.issues.console, []);
      } finally { await s.close(); }
    }
  }
});
