// Purpose: support as a player reaches it, in real Chromium at phone (390x844, DPR 3, touch) and desktop
// size: from the game's start screen to How to play or About, "Write to support" (through the test hook's targets),
// the form in a new tab; it cannot be sent without the support consent; with it the request becomes a
// ticket whose status page shows the answer's due date; the message, an HTML injection string, shows
// as text there and in the operator's inbox (/admin/support/, the operator token); the acknowledgement
// lands in the outbox folder. A claim to the partner studio: its pre-trial claim's fields show only
// once the studio is chosen, the form is refused without them (the reason shown, the text kept), and
// with them the status page and the inbox show the studio and the 30 calendar days' due date. axe
// finds no violation on the form, the status page and the inbox; screenshots of each under
// build/screenshots/support-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, openPage, loadApp, clickTarget, waitForState, screenshot } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const TOKEN = 'browser-test-operator-token';
const INJECTION = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> my hints vanished';
const OUTBOX = mkdtempSync(path.join(tmpdir(), 'astradia-outbox-'));
// The phone reaches support from How to play, the desktop from About: both screens carry the link.
const SIZES = [
  { name: 'phone', width: 390, height: 844, scale: 3, touch: true, from: ['How to play', 'help'] },
  { name: 'desktop', width: 1280, height: 800, scale: 1, touch: false, from: ['About', 'about'] },
];

let server;
before(async () => {
  process.env.ASTRADIA_ADMIN_TOKEN = TOKEN;
  process.env.ASTRADIA_SUPPORT_OUTBOX = OUTBOX;
  process.env.ASTRADIA_SUPPORT_TICKETS_BURST = '20';  // four tickets from one client, the flood limit is tested in tests/serve
  server = await startServer();
});
after(async () => { await server.stop(); });

async function axe(page) {
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, TAGS);
}

// From the start screen, through the hook's targets, to the support form the game opens in a new tab.
async function supportFromTheGame(s, size) {
  await loadApp(s, server.origin);
  await clickTarget(s.page, size.from[0], { touch: size.touch });
  await waitForState(s.page, (q) => q.screen === size.from[1], { what: `the ${size.from[1]} screen` });
  const opened = s.context.waitForEvent('page');
  await clickTarget(s.page, 'Write to support', { touch: size.touch });
  const form = await opened;
  await form.waitForLoadState('load');
  return form;
}

for (const size of SIZES) {
  test(`a player sends a claim from the game and the operator sees it (${size.name})`, async () => {
    const s = await openPage(server.origin, size);
    await s.context.addInitScript({ content: AXE });
    try {
      const form = await supportFromTheGame(s, size);
      assert.match(new URL(form.url()).pathname, /^\/support\/$/);
      // the widget's consent checkbox arrives in the form's slot
      const box = form.locator('#support-form .astradia-accept-box');
      await box.waitFor();
      assert.match(await form.textContent('#support-form .astradia-accept label'),
        /Consent to the processing of personal data for a support request/);
      assert.equal(await box.isChecked(), false);
      await box.scrollIntoViewIfNeeded();
      await screenshot(form, `support-form-consent-${size.name}.png`);
      assert.match(await form.inputValue('#s-details'), /Game: Astradia /);
      await screenshot(form, `support-form-${size.name}.png`);
      assert.deepEqual(await axe(form), []);

      const email = `player-${size.name}@example.org`;
      await form.check('input[name=kind][value=claim]');
      await form.fill('#s-message', INJECTION);
      await form.fill('#s-email', email);
      // without the consent the form is not sent
      await form.click('#support-form button[type=submit]');
      await form.waitForTimeout(300);
      assert.match(new URL(form.url()).pathname, /^\/support\/$/);
      assert.notEqual(await box.evaluate((b) => b.validationMessage), '');
      // with it: the status page with the due date
      await box.check();
      await Promise.all([form.waitForURL(/\/support\/ticket\?/), form.click('#support-form button[type=submit]')]);
      assert.match(await form.textContent('.ok'), /Your request is received/);
      assert.match(await form.textContent('dd.due'), /^by the end of \d{1,2} [A-Z][a-z]+ 20\d\d Moscow time/);
      assert.equal(await form.textContent('.msg.player .body'), INJECTION);
      assert.equal(await form.locator('main img').count(), 0);
      assert.equal(await form.evaluate(() => window.__pwned), undefined);
      const ticket = new URL(form.url()).searchParams.get('id');
      await screenshot(form, `support-status-${size.name}.png`);
      assert.deepEqual(await axe(form), []);

      const mail = readdirSync(OUTBOX).filter((n) => n.includes(ticket));
      assert.equal(mail.length, 1);
      assert.match(readFileSync(path.join(OUTBOX, mail[0]), 'utf8'), new RegExp(`To: ${email}`));

      // the operator's inbox: 404 without the token, the ticket with its due date with it
      const inbox = await s.context.newPage();
      const closed = await inbox.goto(server.origin + '/admin/support/');
      assert.equal(closed.status(), 404);
      await inbox.setExtraHTTPHeaders({ Authorization: 'Bearer ' + TOKEN });
      await inbox.goto(server.origin + '/admin/support/');
      const row = inbox.locator('table.inbox tr', { hasText: ticket });
      assert.match(await row.textContent(), /A claim.*by the end of/);
      await screenshot(inbox, `support-inbox-${size.name}.png`);
      assert.deepEqual(await axe(inbox), []);
      await inbox.click(`a:has-text("${ticket}")`);
      assert.equal(await inbox.textContent('.msg.player .body'), INJECTION);
      assert.equal(await inbox.locator('main img').count(), 0);
      await screenshot(inbox, `support-ticket-${size.name}.png`);
      assert.deepEqual(await axe(inbox), []);

      assert.deepEqual(s.issues.pageErrors, []);
      assert.deepEqual(s.issues.offOrigin, []);
      for (const p of [form, inbox]) {
        assert.deepEqual(await p.evaluate(() => window.__cspViolations), []);
      }
    } finally {
      await s.close();
    }
  });
}

for (const size of SIZES) {
  test(`a player sends a claim to the partner studio, its pre-trial claim first (${size.name})`, async () => {
    const s = await openPage(server.origin, size);
    await s.context.addInitScript({ content: AXE });
    try {
      const form = await supportFromTheGame(s, size);
      const box = form.locator('#support-form .astradia-accept-box');
      await box.waitFor();
      // the addressee and the pre-trial claim show only when they apply
      assert.equal(await form.isVisible('#s-claim'), false);
      await form.check('input[name=kind][value=claim]');
      assert.equal(await form.isVisible('#s-claim'), true);
      assert.equal(await form.isVisible('#s-pretrial'), false);
      await form.check('input[name=desk][value=partner-demo]');
      assert.equal(await form.isVisible('#s-pretrial'), true);
      assert.match(await form.textContent('#s-pretrial .hint'), /section 10.*legal@northwind-pixel\.example/s);
      await form.fill('#s-message', 'The studio never answered my claim about the website.');
      await form.fill('#s-email', `partner-${size.name}@example.org`);
      await box.check();
      // without the pre-trial claim's details: refused, the reason shown, the text kept
      await Promise.all([form.waitForLoadState('load'), form.click('#support-form button[type=submit]')]);
      await form.locator('#form-error').waitFor();
      assert.match(await form.textContent('#form-error'), /Give your name as it stands in the pre-trial claim/);
      assert.equal(await form.inputValue('#s-message'), 'The studio never answered my claim about the website.');
      assert.equal(await form.isVisible('#s-pretrial'), true);
      await form.locator('#form-error').scrollIntoViewIfNeeded();
      await screenshot(form, `support-partner-refused-${size.name}.png`);
      assert.deepEqual(await axe(form), []);
      // with them
      await form.fill('#s-name', 'Anna <b>Smirnova</b>');
      await form.fill('#s-date', '2026-11-02');
      await form.check('input[name=pretrial_method][value=post]');
      await form.fill('#s-reference', '42000012345678');
      await form.fill('#s-subject', 'A landing page delivered late');
      await form.fill('#s-demands', 'Return half of the price');
      await form.locator('#s-pretrial').scrollIntoViewIfNeeded();
      await screenshot(form, `support-partner-form-${size.name}.png`);
      const consent = form.locator('#support-form .astradia-accept-box');
      if (!(await consent.isChecked())) await consent.check();
      await Promise.all([form.waitForURL(/\/support\/ticket\?/), form.click('#support-form button[type=submit]')]);
      assert.match(await form.textContent('dd.desk'), /Northwind Pixel Studio LLC \(partner studio\)/);
      assert.match(await form.textContent('dd.due'), /^by the end of \d{1,2} [A-Z][a-z]+ 20\d\d Moscow time/);
      assert.match(await form.textContent('dl.pretrial'), /Anna <b>Smirnova<\/b>.*2 November 2026.*By post/s);
      const ticket = new URL(form.url()).searchParams.get('id');
      await screenshot(form, `support-partner-status-${size.name}.png`);
      assert.deepEqual(await axe(form), []);

      const inbox = await s.context.newPage();
      await inbox.setExtraHTTPHeaders({ Authorization: 'Bearer ' + TOKEN });
      await inbox.goto(server.origin + '/admin/support/?desk=partner-demo');
      assert.match(await inbox.locator('table.inbox tr', { hasText: ticket }).textContent(),
        /A claim.*Northwind Pixel Studio LLC \(partner studio\).*by the end of/);
      await screenshot(inbox, `support-partner-inbox-${size.name}.png`);
      assert.deepEqual(await axe(inbox), []);

      assert.deepEqual(s.issues.pageErrors, []);
      assert.deepEqual(s.issues.offOrigin, []);
      for (const p of [form, inbox]) {
        assert.deepEqual(await p.evaluate(() => window.__cspViolations), []);
      }
    } finally {
      await s.close();
    }
  });
}
