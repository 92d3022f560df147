// Purpose: the widget's core, everything a returning visit needs and all a first visit needs
// to show the banner: reads the site's configuration and the stored consent record, shows the
// first-layer banner (or the "Privacy choices" button), puts choices into effect (Consent Mode
// v2 signals, consent-gated scripts and iframes, change events), follows other tabs and offers
// the JS API. Two parts are imported from beside it when needed: decide.mjs (recording
// decisions, fetched while the banner is shown) and ui.mjs (dialogs, documents, form
// checkboxes). build.mjs bundles this file with record.mjs into one classic script.
import { parseConfig, pickLanguage, parseRecord, checkRecord, mustAsk, consentModeState, effectiveChoices, resolveGpc } from './record.mjs';

const CSS = '__CORE_CSS__';            // build.mjs puts core.css here
const DECIDE = 'astradia-legal-decide.js', UI = 'astradia-legal-ui.js';   // the other two parts, beside this file
const TAG = 'astradia-legal';
const warn = (...a) => console.warn(TAG + ':', ...a);
const fail = (...a) => console.error(TAG + ':', ...a);   // an error (ours or the page's): reported, never thrown into the page

// The banner's words, English and Russian ("{0}" is filled in). `age` is the statement that
// "Accept all" (and any consent in the preferences) confirms: docs/DECISIONS.md, issue 20.
const STRINGS = {
  en: {
    title: 'Your privacy choices',
    body: 'With your consent we count visits anonymously and show ads picked for you; you can change your mind at any time.',
    age: 'Accepting confirms you are of legal age or have a parent’s or guardian’s permission.',
    more: 'Details',
    reject: 'Reject all', accept: 'Accept all', choose: 'Choose',
    gpc: 'Your browser’s Global Privacy Control signal keeps personalised ads off; “Choose” can still allow them.',
    noStore: 'This browser does not let the site store data, so your choices will not be remembered.',
    expired: 'Please confirm your choices again: the last time was {0}.',
    button: 'Privacy choices',
  },
  ru: {
    title: 'Ваши данные — ваш выбор',
    body: 'С вашего согласия мы анонимно считаем посещения и показываем рекламу по интересам; передумать можно в любой момент.',
    age: 'Принимая, вы подтверждаете совершеннолетие или разрешение родителя либо опекуна.',
    more: 'Подробнее',
    reject: 'Отклонить все', accept: 'Принять все', choose: 'Настроить',
    gpc: 'Сигнал Global Privacy Control вашего браузера отключает персональную рекламу; включить её можно в «Настроить».',
    noStore: 'Браузер не разрешает сайту хранить данные, поэтому ваш выбор не запомнится.',
    expired: 'Пожалуйста, подтвердите выбор снова: в прошлый раз это было {0}',   // a long date ends in «г.»
    button: 'Настройки конфиденциальности',
  },
};

// createElement with attributes, listeners ("on…") and children (strings become text nodes).
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...kids.flat(9).filter((x) => x != null && x !== false));
  return el;
}

// A 24x24 outline icon from one SVG path.
function icon(d) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const path = document.createElementNS(ns, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

// localStorage, or an in-memory stand-in when the browser blocks or breaks it.
function openStorage() {
  try {
    const ls = window.localStorage, probe = TAG + '.probe';
    ls.setItem(probe, '1');
    ls.removeItem(probe);
    return {
      persistent: true,
      get: (k) => { try { return ls.getItem(k); } catch (e) { return null; } },
      set: (k, v) => { try { ls.setItem(k, v); return true; } catch (e) { return false; } },
      remove: (k) => { try { ls.removeItem(k); } catch (e) { /* blocked: nothing to remove */ } },
    };
  } catch (e) {
    const m = new Map();
    return {
      persistent: false, memory: m,
      get: (k) => m.get(k) ?? null,
      set: (k, v) => (m.set(k, v), true),
      remove: (k) => m.delete(k),
    };
  }
}

function start(script) {
  if (window.AstradiaLegal) return warn('loaded twice; the second copy does nothing');
  const run = (config) => { try { boot(script, config); } catch (e) { fail(e); } };
  const set = (config) => (document.body ? run(config) : document.addEventListener('DOMContentLoaded', () => run(config), { once: true }));
  const inline = script && script.getAttribute('data-config');
  const url = script && script.getAttribute('data-config-url');
  if (inline) {
    try { return set(JSON.parse(inline)); } catch (e) { return fail('data-config is not valid JSON (' + e.message + ')'); }
  }
  if (!url) return fail('the script tag needs data-config (JSON) or data-config-url (a same-origin URL)');
  fetch(url, { credentials: 'same-origin' })
    .then((r) => { if (!r.ok) throw Error('HTTP ' + r.status); return r.json(); })
    .then(set, (e) => fail('the configuration ' + url + ' did not load (' + e.message + ')'));
}

function boot(script, raw) {
  const { config, errors, warnings } = parseConfig(raw);
  warnings.forEach((w) => warn('config: ' + w));
  if (!config) return fail('config: ' + errors.join('; ') + ' (the widget stays off; gated content stays blocked)');
  const lang = pickLanguage(config.language, document.documentElement.lang);
  const S = STRINGS[lang];
  const storage = openStorage();
  const key = config.prefix + '.consent.v1';
  const gpc = navigator.globalPrivacyControl === true;
  const listeners = new Set();
  const NONE = { necessary: true, statistics: false, ads: false };
  let manifestPromise = null, banner = null, bannerKey = '', fab = null;
  const parts = {};

  // --- state: the stored record and the choices in effect ------------------------------------
  const core = {
    config, lang, storage, key, gpc, h, icon, warn, NONE, checkRecord,
    record: readRecord(),
    choices: NONE,
    ask: null,              // the banner's reason while it is shown ({ reason, changes })
  };

  function readRecord() {
    const text = storage.get(key);
    if (text == null) return null;
    const { record, error } = parseRecord(text);
    const why = error || (record.site != config.site ? 'it belongs to site ' + record.site : '');
    if (!why) return record;
    warn('discarded a broken consent record in ' + key + ' (' + why + '); asking again');
    storage.remove(key);
    return null;
  }
  const unexpired = core.unexpired = (r) => (r && Date.parse(r.expires) > Date.now() ? r : null);
  // The record's choices as they hold now: under Global Privacy Control personalised ads need
  // the visitor's own choice made while the signal was on (record.mjs, adsAllowed).
  const effective = (r) => effectiveChoices(r, gpc);

  // --- the outside world: manifest, module, Consent Mode, gated elements ---------------------
  core.manifest = () => (manifestPromise = manifestPromise || fetch(config.manifest, { credentials: 'same-origin' })
    .then((r) => { if (!r.ok) throw Error('HTTP ' + r.status); return r.json(); })
    .then((m) => { if (!m || !Array.isArray(m.documents) || !m.documents.length) throw Error('no documents in it'); return m; })
    .catch((e) => { manifestPromise = null; warn('the manifest ' + config.manifest + ' did not load (' + e.message + ')'); return null; }));

  // The other parts (ES modules beside this file), each imported once, the first time it is needed.
  const part = (file) => (parts[file] = parts[file] || import(new URL(file, script.src).href)
    .then((m) => (m.init(core), m))
    .catch((e) => { delete parts[file]; fail(file + ' did not load (' + e.message + ')'); return null; }));
  const use = (file, fn) => part(file).then((m) => m && fn(m)).catch(fail);

  function gtag(...args) {
    if (!config.consent_mode) return;
    if (typeof window.gtag != 'function') {
      window.dataLayer = window.dataLayer || [];
      window.gtag = function () { window.dataLayer.push(arguments); };
    }
    window.gtag(...args);
  }

  const has = (p) => p == 'necessary' || p == 'legal' || core.choices[p] === true;
  const allowed = (el) => el.dataset.consent.trim().split(/\s+/).every(has);

  // Turns on what the choices allow: gated scripts are re-inserted as real scripts (the
  // same element, so Trusted Types and CSP see a parser-made script), iframes get data-src.
  // Iframes of a purpose no longer allowed go back to inert (data-src; removing src unloads
  // the embedded page, so it stops running and setting its cookies). Scripts cannot be un-run.
  function activate() {
    for (const el of document.querySelectorAll('script[type="text/plain"][data-consent],iframe[data-consent][data-src]')) {
      if (!allowed(el)) continue;
      if (el.localName == 'script') {
        const parent = el.parentNode, next = el.nextSibling;
        el.remove();
        if (el.dataset.type) el.type = el.dataset.type; else el.removeAttribute('type');
        el.async = false;
        parent.insertBefore(el, next);
      } else {
        try {
          const src = new URL(el.dataset.src, location.href);
          if (/^https?:$/.test(src.protocol)) el.src = src.href;     // never javascript: or data:
        } catch (e) { warn('an iframe has a data-src that is not a URL'); }
        el.removeAttribute('data-src');
      }
    }
    for (const el of document.querySelectorAll('iframe[data-consent][src]:not([data-src])')) {
      if (allowed(el)) continue;
      el.dataset.src = el.getAttribute('src');
      el.removeAttribute('src');
    }
  }

  // Puts choices into effect (Consent Mode, gated elements) and, for an event, tells listeners.
  let expiry;
  const setChoices = core.setChoices = (choices, record, event) => {
    core.choices = { ...choices };
    gtag('consent', 'update', consentModeState(core.choices));
    activate();
    // A page left open past the record's expiry asks again then (a timer reaches 24.8 days).
    clearTimeout(expiry);
    const due = record && Date.parse(record.expires) - Date.now();
    if (due > 0 && due < 2 ** 31) {
      expiry = setTimeout(() => { core.ask = { reason: 'expired', changes: [] }; setChoices(NONE, record, 'changed'); chrome(); }, due);
    }
    if (!event) return;
    const detail = { record: record && { ...record }, choices: { ...core.choices }, event };
    for (const fn of listeners) {
      try { fn(detail); } catch (e) { fail('a change listener failed:', e); }
    }
    document.dispatchEvent(new CustomEvent(TAG + ':change', { detail }));
  };

  // Recording a decision is decide.mjs's (the arguments are its decide()'s).
  const decide = core.decide = (...args) => use(DECIDE, (m) => m.decide(...args));

  // Global Privacy Control: records personalised ads off (method "gpc") unless the stored record
  // holds the visitor's own choice made while the signal was on (record.mjs, resolveGpc).
  const applyGpc = async () => {
    const choices = resolveGpc(unexpired(core.record), gpc);
    if (choices && await core.manifest()) await decide(choices, 'gpc', !!core.record && core.record.age_confirmed);
  };

  // --- what is on screen: the banner or the "Privacy choices" button -------------------------
  const host = h(TAG, {});
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const theme = () => { host.dataset.theme = config.theme != 'auto' ? config.theme : dark.matches ? 'dark' : 'light'; };
  dark.addEventListener('change', theme);
  theme();
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  // First in the page (so the banner is reached early by keyboard), but after skip links.
  let next = document.body.firstElementChild;
  while (next && next.matches('a[href^="#"]')) next = next.nextElementSibling;
  document.body.insertBefore(host, next);
  Object.assign(core, { root, strings: STRINGS, ui: (fn) => use(UI, fn) });

  // Top layer (popover) when the browser has it, so no page z-index or transform can hide it.
  // showPopover() brings the whole page's style up to date at once. At start-up nothing is
  // styled yet, so it waits (`later`) for the first frame: requestAnimationFrame callbacks run
  // before that frame's style and paint, so the banner still shows in it, and the page's first
  // style is computed once, in the frame, not in the widget's start-up task.
  function lift(el, later) {
    root.append(el);
    if (!el.showPopover) return;
    el.popover = 'manual';
    if (later) requestAnimationFrame(() => el.isConnected && el.showPopover());
    else el.showPopover();
  }

  // The banner: what is asked and why, one statement of what accepting confirms, three equal
  // buttons (Reject all first). Notes (GPC, blocked storage, renewal) only when they apply; after
// a material change of a document, the list of what changed (the second part renders it).
  function renderBanner() {
    const a = core.ask, notes = [];
    if (a.note) notes.push(a.note);
    if (gpc) notes.push(S.gpc);
    if (!storage.persistent) notes.push(S.noStore);
    if (a.reason == 'expired') {
      notes.push(S.expired.replace('{0}', new Date(core.record.time).toLocaleDateString(lang, { dateStyle: 'long' })));
    }
    const button = (label, onclick) => h('button', { type: 'button', class: 'btn', onclick }, label);
    const period = core.record && core.record.period;
    return h('section', { class: 'banner', role: 'region', 'aria-label': S.title, lang },
      h('div', { class: 'text' },
        h('h2', {}, S.title),
        h('p', {}, S.body, ' ', S.age, ' ', h('button', { type: 'button', class: 'link',
          onclick: (e) => api.openDocument(config.privacy_document, e.currentTarget) }, S.more)),
        notes.map((n) => h('p', { class: 'note' }, n)),
        a.changes.length && core.changes ? core.changes(a.changes) : null),
      h('div', { class: 'btns' },
        button(S.reject, () => decide({}, 'banner', false, null, period)),
        button(S.accept, () => decide({ statistics: true, ads: true }, 'banner', true, null, period)),
        button(S.choose, (e) => api.open(e.currentTarget))));
  }

  // Shows the banner while a decision is due (or only GPC has spoken), else the button; `later`
  // at start-up (see lift). The button is always lifted at once: focus may move to it next.
  const chrome = core.chrome = (later) => {
    const wantBanner = !!core.ask || !!(core.record && core.record.method == 'gpc');
    const focusInside = root.activeElement && banner && banner.contains(root.activeElement);
    core.ask = wantBanner ? core.ask || { reason: null, changes: [] } : null;
    const key = wantBanner ? JSON.stringify([core.ask.note, core.ask.reason == 'expired', core.ask.changes]) : '';
    if (banner && (!wantBanner || key != bannerKey)) { banner.remove(); banner = null; }
    if (wantBanner && !banner) {
      lift(banner = renderBanner(), later);
      bannerKey = key;
      // An answer is likely: fetch the part that records it while the page is idle.
      (window.requestIdleCallback || setTimeout)(() => part(DECIDE), { timeout: 3000 });
    }
    if (fab && wantBanner) { fab.remove(); fab = null; }
    if (!wantBanner && !fab && config.button != 'none') {
      const b = h('button', { type: 'button', class: 'fab ' + config.button, 'aria-label': S.button, title: S.button,
        onclick: (e) => api.open(e.currentTarget) },
        icon('M12 3l7 3v5c0 4.6-3 8.6-7 10-4-1.4-7-5.4-7-10V6l7-3zm-3.5 9l2.5 2.5 4.5-5'),
        config.button == 'text' ? h('span', {}, S.button) : null);
      lift(fab = h('div', { class: 'fabw', role: 'region', 'aria-label': S.button, lang }, b));
      if (focusInside) b.focus();
    }
    host.dataset.state = wantBanner ? 'banner' : 'settled';
  };

  // Judges the stored record against the manifest (expiry, material changes) and shows the result.
  const judge = async (event) => {
    const a = mustAsk(core.record, await core.manifest(), Date.now());
    core.ask = a.ask ? a : null;   // a material change: ask first, nothing optional meanwhile
    setChoices(a.ask ? NONE : effective(core.record), core.record, a.ask ? 'changed' : event);
    if (!a.ask) await applyGpc();
    if (a.changes.length) await part(UI);   // what changed is listed by ui.mjs (changes)
    chrome();
  };

  // --- the API and the page's own controls -----------------------------------------------------
  const opener = (el) => el || (document.activeElement == host ? root.activeElement : document.activeElement);
  const api = core.api = {
    open: (el) => use(UI, (m) => m.openPreferences(opener(el))),
    openDocument: (id, el) => use(UI, (m) => m.openDocument(id, opener(el))),
    has,
    getRecord: () => structuredClone(core.record),
    set: (choices, options) => use(UI, (m) => m.set(choices, options)),
    deleteData: () => use(UI, (m) => m.deleteData()),
    on: (type, fn) => {
      if (type == 'change' && typeof fn == 'function') listeners.add(fn);
      return () => listeners.delete(fn);
    },
    off: (type, fn) => listeners.delete(fn),
  };
  window.AstradiaLegal = Object.freeze(api);

  // Keys pressed in the widget are the widget's: page-wide listeners (a game's hotkeys;
  // Emscripten's GLFW, which also cancels Tab) must not see them. Tab from nowhere (body)
  // always moves focus, so the banner and the button are reachable from the keyboard.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    addEventListener(type, (e) => {
      const t = e.composedPath()[0];
      if (root.contains(t) || (e.key == 'Tab' && (t == document.body || t == document.documentElement))) {
        e.stopImmediatePropagation();
      }
    }, true);
  }
  document.addEventListener('click', (e) => {
    const t = e.target.closest?.('[data-consent-open]');
    if (t) { e.preventDefault(); api.open(t); }
  });
  // Another tab decided (or deleted everything): follow it here too, judged like a record
  // found at start-up (expiry, and the documents' current versions in the manifest).
  addEventListener('storage', (e) => {
    if (e.key != key && e.key != null) return;
    core.record = readRecord();
    judge('changed').catch(fail);
  });

  // --- start: decide what to show --------------------------------------------------------------
  gtag('consent', 'default', { ...consentModeState(NONE), wait_for_update: 500 });
  const first = mustAsk(core.record, null, Date.now());
  if (first.ask) {
    core.ask = first;
    chrome(1);
    applyGpc().catch(fail);
  } else {
    core.choices = { ...effective(core.record) };   // provisional until the manifest is checked
    judge(null).catch(fail);
  }
  // Form checkboxes come with ui.mjs; requesting it costs a few ms, so in a task of its own.
  if (document.querySelector('form[data-accept]')) setTimeout(() => use(UI, (m) => m.forms()));
}

try {
  start(document.currentScript || document.querySelector('script[src*="astradia-legal"]'));
} catch (e) {
  fail('could not start:', e);
}
