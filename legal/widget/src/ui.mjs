// Purpose: the widget's dialogs part, imported by the core only when the visitor opens the
// preferences or a document, a page uses acceptance checkboxes or calls set() or deleteData(),
// a material document change is to be listed in the banner, or a withdrawn purpose left data
// to remove: the preferences dialog (purposes, their bases and data categories, how long
// consent lasts, the consent record's id with a copy button and the download and erasure of its
// receipts on the server, documents, "Delete my data"), the
// document viewer (structured document JSON rendered with DOM APIs only), the removal of what
// withdrawn purposes stored, the acceptance checkbox helper for forms and AstradiaLegal.set().
// Recording decisions is decide.mjs's (core.decide). Native modal <dialog>s: Esc closes,
// focus returns to the control that opened them.
import { TOGGLES, text, currentVersion, describeChanges, periodChoices, isPeriod, keyMatches, secretKey, isSecret, UNTIL_WITHDRAWN } from './record.mjs';

const CSS = '__UI_CSS__';              // build.mjs puts ui.css here
const STRINGS = {
  en: {
    prefs: 'Privacy choices',
    changed: 'Our documents have changed since you last chose:',
    intro: 'Choose what we may do with your data on this device. Necessary storage keeps the site working; ' +
      'everything else is up to you, and you can change it here at any time.',
    always: 'Always on', law: 'Required by law',
    basis: { contract: 'Basis: performing our agreement with you', consent: 'Basis: your consent', law: 'Basis: a legal obligation' },
    data: 'Data used',
    purposes: {
      necessary: ['Necessary', 'Runs the site, saves your progress and remembers these choices.'],
      statistics: ['Statistics', 'Anonymous counts of visits and use, so we can see what to improve.'],
      ads: ['Personalised ads', 'Ads and ad breaks picked for you from what your device tells us.'],
      legal: ['Legal obligations', 'What the law requires us to keep and answer for (Russian Federation, EU GDPR, US CCPA).'],
    },
    save: 'Save choices',
    age: 'Turning on statistics or ads confirms you are of legal age or have a parent’s or guardian’s permission.',
    period: 'How long your consent lasts', forever: 'Until you withdraw it',
    foreverNote: 'Even then we ask you to confirm your choices at least once every {0}.',
    rec: 'Your consent record', recText: 'Its identifier names the receipts of your choices that we keep: quote it when you ask us about your data.',
    recDates: 'Chosen on {0}; we ask again on {1}.', recRanOut: 'Chosen on {0}; it ran out on {1}.', copy: 'Copy', copied: 'Copied', copyFailed: 'Select the identifier and copy it.',
    docs: 'Documents', version: 'Version {0}, in effect from {1}', noDocs: 'The documents could not be loaded. Please try again later.',
    get: 'Download my receipts', got: 'Your receipts were downloaded as a JSON file.', erase: 'Erase my receipts',
    eraseText: 'We erase the receipts that record no consent. Receipts of consent you gave are the evidence the law asks us to keep: ' +
      'we keep them until three years after your consent ends, under a random identifier nobody holds, so they are no longer linked to this browser. ' +
      'This browser then forgets your choices and asks again.',
    eraseConfirm: 'Erase my receipts', none: 'We hold no receipts for this record (they may have been erased already).',
    offline: 'Our server could not answer now. Please try again later.',
    erased: 'Receipts erased: {0}.', kept: 'Receipts of consent you gave that we keep until {1}, as the evidence the law requires, no longer linked to this browser: {0}.',
    keptNone: 'We keep nothing.',
    del: 'Delete my data',
    delText: 'Removes everything this site has stored in this browser: your choices, settings and game progress. This cannot be undone.',
    delConfirm: 'Delete everything', cancel: 'Cancel', deleted: 'Everything this site stored in this browser has been deleted.',
    close: 'Close', loading: 'Loading…', contents: 'Contents', page: 'Open as a page', other: 'Русский', otherLang: 'ru',
    docFailed: 'This document could not be loaded. You can open it as a page instead.',
    accept: ['I have read and accept the ', ''], acceptNeeded: 'Please read and accept the {0} to continue.',
    newTab: ' (opens in a new tab)',
  },
  ru: {
    prefs: 'Настройки конфиденциальности',
    changed: 'С момента вашего выбора наши документы изменились:',
    intro: 'Выберите, что мы можем делать с вашими данными на этом устройстве. Необходимое хранение нужно, ' +
      'чтобы сайт работал; всё остальное решаете вы и можете изменить здесь в любой момент.',
    always: 'Всегда включено', law: 'Требует закон',
    basis: { contract: 'Основание: исполнение нашего соглашения с вами', consent: 'Основание: ваше согласие', law: 'Основание: требование закона' },
    data: 'Какие данные',
    purposes: {
      necessary: ['Необходимое', 'Работа сайта, сохранение вашего прогресса и этих настроек.'],
      statistics: ['Статистика', 'Анонимный подсчёт посещений и действий, чтобы понимать, что улучшить.'],
      ads: ['Персональная реклама', 'Реклама и рекламные паузы, подобранные по данным вашего устройства.'],
      legal: ['Требования закона', 'То, что закон обязывает нас хранить и предоставлять (РФ, GDPR в ЕС, CCPA в США).'],
    },
    save: 'Сохранить выбор',
    age: 'Включая статистику или рекламу, вы подтверждаете совершеннолетие или разрешение родителя либо опекуна.',
    period: 'Срок действия согласия', forever: 'До отзыва',
    foreverNote: 'Подтвердить выбор мы всё равно попросим не реже одного раза в течение {0}.',
    rec: 'Ваша запись о согласии', recText: 'По её идентификатору мы находим хранящиеся у нас подтверждения вашего выбора: укажите его, если обращаетесь к нам по поводу своих данных.',
    // A long date ends in «г.», so these need no full stop of their own.
    recDates: 'Выбор сделан {0}; мы спросим снова {1}', recRanOut: 'Выбор сделан {0}; его срок истёк {1}', copy: 'Копировать', copied: 'Скопировано', copyFailed: 'Выделите идентификатор и скопируйте его.',
    docs: 'Документы', version: 'Редакция {0}, действует с {1}', noDocs: 'Не удалось загрузить документы. Попробуйте позже.',
    get: 'Скачать мои подтверждения', got: 'Ваши подтверждения скачаны в файл JSON.', erase: 'Удалить мои подтверждения',
    eraseText: 'Мы удалим подтверждения, в которых нет согласия. Подтверждения данного вами согласия закон обязывает нас хранить как доказательство: ' +
      'мы храним их три года после окончания срока согласия под случайным идентификатором, которого нет ни у кого, так что с этим браузером они больше не связаны. ' +
      'Затем этот браузер забудет ваш выбор и спросит снова.',
    eraseConfirm: 'Удалить подтверждения', none: 'У нас нет подтверждений для этой записи (возможно, они уже удалены).',
    offline: 'Наш сервер сейчас не смог ответить. Попробуйте позже.',
    erased: 'Удалено подтверждений: {0}.', kept: 'Подтверждений данного вами согласия, которые мы храним до {1} как требуемое законом доказательство, уже без связи с этим браузером: {0}.',
    keptNone: 'Мы ничего не храним.',
    del: 'Удалить мои данные',
    delText: 'Удаляет всё, что сайт сохранил в этом браузере: ваш выбор, настройки и игровой прогресс. Отменить это нельзя.',
    delConfirm: 'Удалить всё', cancel: 'Отмена', deleted: 'Всё, что сайт сохранил в этом браузере, удалено.',
    close: 'Закрыть', loading: 'Загрузка…', contents: 'Содержание', page: 'Открыть как страницу', other: 'English', otherLang: 'en',
    docFailed: 'Не удалось загрузить документ. Его можно открыть как страницу.',
    accept: ['Я прочитал(а) и принимаю ', ''], acceptNeeded: 'Чтобы продолжить, прочитайте и примите документ «{0}».',
    newTab: ' (откроется в новой вкладке)',
  },
};
const BASIS = { necessary: 'contract', statistics: 'consent', ads: 'consent', legal: 'law' };
const PURPOSES = ['necessary', 'statistics', 'ads', 'legal'];

let core, S, h, n = 0;
const fmt = (s, ...a) => s.replace(/\{(\d)\}/g, (_, i) => a[i]);
const day = (iso, lang) => new Date(iso + 'T00:00:00Z').toLocaleDateString(lang, { dateStyle: 'long', timeZone: 'UTC' });
const when = (iso, lang) => new Date(iso).toLocaleDateString(lang, { dateStyle: 'long' });
// A number of days as people say it: whole years, else months (6 months is 183 days), else days;
// `unit` forces one ("365 days", as the documents put the site's maximum).
const duration = (d, lang, unit) => {
  unit = unit || (d % 365 ? d < 28 ? 'day' : 'month' : 'year');
  const n = unit == 'year' ? d / 365 : unit == 'month' ? Math.round(d / 30.44) : d;
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
};
const X = 'M6 6l12 12M18 6L6 18';
// A click that asks for a new tab or window: left to the browser (the link's static page).
const wantsNewTab = (e) => e.ctrlKey || e.metaKey || e.shiftKey || e.button;

// Called once by the core with its internals (config, storage, root, decide, …).
export function init(c) {
  core = c;
  S = STRINGS[c.lang];
  h = c.h;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  c.root.adoptedStyleSheets = [...c.root.adoptedStyleSheets, sheet];
  c.changes = changes;
}

// What changed in the documents since the visitor last chose, for the banner (the core asks
// for it when a material change makes it ask again): each document's versions and notes.
function changes(list) {
  return [h('p', { class: 'note' }, S.changed), h('ul', { class: 'changes' }, describeChanges(list, core.lang).map((c) =>
    h('li', {}, h('strong', {}, c.head), c.notes.length ? ': ' + c.notes.join(' ') : '')))];
}

// AstradiaLegal.set(): a decision by the site's own controls (method "api"); granting needs the
// visitor's age confirmation, passed as { age_confirmed: true }; { period } as in the record
// (docs/LEGAL-FORMATS.md), else the stored record's.
export function set(choices, options) {
  const o = options || {}, next = { statistics: core.choices.statistics, ads: core.choices.ads };
  for (const p of TOGGLES) if (choices && typeof choices[p] == 'boolean') next[p] = choices[p];
  if (!o.age_confirmed && (next.statistics || next.ads)) {
    core.warn('set(): granting consent needs { age_confirmed: true } (legal age or a parent’s or guardian’s permission)');
    return Promise.resolve(null);
  }
  if (o.period !== undefined && !isPeriod(o.period)) core.warn('set(): period must be "until_withdrawn" or 1 to 3650 days; keeping the current one');
  if (core.gpc && next.ads) core.warn('set(): Global Privacy Control is on, so only the preferences dialog can allow personalised ads');
  return core.decide(next, 'api', !!o.age_confirmed, null, isPeriod(o.period) && o.period);
}

// --- removing what withdrawn purposes stored -----------------------------------------------------
// Called by decide.mjs before a decision that turns off purposes which were on takes effect.
export function forget(purposes) {
  for (const p of purposes) remove(core.config.storage[p]);
}

// Expires a cookie of this origin under every path and domain it could have been set with.
function expireCookie(name) {
  const paths = ['/'], domains = [''], parts = location.hostname.split('.');
  location.pathname.split('/').slice(1, -1).reduce((p, s) => (paths.push(p + s), p + s + '/'), '/');
  if (!/^[\d.]+$|:/.test(location.hostname)) {
    for (let i = 0; i < parts.length - 1; i++) domains.push(';domain=' + parts.slice(i).join('.'));
  }
  const secure = location.protocol == 'https:' ? ';secure' : '';
  for (const p of paths) for (const d of domains) document.cookie = name + '=;max-age=0;path=' + p + d + secure;
}
const cookieNames = () => document.cookie.split(';').map((c) => c.split('=')[0].trim()).filter(Boolean);

// Removes the storage keys (both storages) and cookies matching the patterns of `s` ({ keys,
// cookies }: "name" or "prefix*"; "Delete my data" passes "*"): what a withdrawn purpose
// stored, as the site's configuration lists it, or everything.
function remove(s) {
  if (!s) return;
  for (const name of ['localStorage', 'sessionStorage']) {
    try {
      const st = window[name];
      for (const k of Object.keys(st)) if (keyMatches(s.keys, k)) st.removeItem(k);
    } catch (e) { /* storage blocked: nothing was stored there */ }
  }
  const mem = core.storage.memory;
  if (mem) for (const k of [...mem.keys()]) if (keyMatches(s.keys, k)) mem.delete(k);
  cookieNames().filter((n) => keyMatches(s.cookies, n)).forEach(expireCookie);
}

// A native modal dialog in the shadow root; closing it (Esc, ×, a choice) removes it and
// puts focus back on `opener`, or on the "Privacy choices" button when the opener is gone.
function modal(cls, title, body, footer, opener, lang) {
  const id = 'al-d' + ++n;
  const close = h('button', { type: 'button', class: 'x', 'aria-label': S.close, onclick: () => dlg.close() }, core.icon(X));
  const head = h('div', { class: 'title' }, h('h2', { id }, title));
  const dlg = h('dialog', { class: 'dlg ' + cls, 'aria-labelledby': id, lang: lang || core.lang },
    h('div', { class: 'hd' }, head, close),
    h('div', cls == 'docv' ? { class: 'bd', tabindex: '0', role: 'region', 'aria-labelledby': id } : { class: 'bd' }, body),
    footer ? h('div', { class: 'ft' }, footer) : null);
  dlg.addEventListener('close', () => {
    dlg.remove();
    const back = opener && opener.isConnected ? opener : core.root.querySelector('.fab,.banner .btn');
    if (back) back.focus();
  });
  core.root.append(dlg);
  dlg.showModal();
  return { dlg, head };
}

// --- preferences --------------------------------------------------------------------------------
export async function openPreferences(opener) {
  const open = core.root.querySelector('dialog.prefs');
  if (open) return open;                                   // a second click while it loads or is open
  const m = await core.manifest();
  if (core.root.querySelector('dialog.prefs')) return null;
  const lang = core.lang, record = core.record;
  const toggles = {};

  const notes = [];
  if (core.gpc) notes.push(core.strings[lang].gpc);
  if (!core.storage.persistent) notes.push(core.strings[lang].noStore);
  if (core.ask && core.ask.changes.length) {
    notes.push(S.changed + ' ' + describeChanges(core.ask.changes, lang).map((c) => c.head +
      (c.notes.length ? ': ' + c.notes.join(' ') : '')).join(' '));
  }

  const purpose = (p) => {
    const fromManifest = m && m.purpose_text && m.purpose_text[p] && m.purpose_text[p][lang];
    const [name, desc] = fromManifest && fromManifest.name ? [fromManifest.name, fromManifest.description] : S.purposes[p];
    const cats = ((m && m.purposes && m.purposes[p] && m.purposes[p].categories) || [])
      .map((c) => text(m.categories && m.categories[c], lang) || c);
    let control;
    if (TOGGLES.includes(p)) {
      control = toggles[p] = h('input', { type: 'checkbox', role: 'switch', class: 'sw', id: 'al-t-' + p,
        'aria-labelledby': 'al-n-' + p, 'aria-describedby': 'al-x-' + p });
      control.checked = !core.ask && core.choices[p] === true;
    } else {
      control = h('span', { class: 'badge' }, p == 'legal' ? S.law : S.always);
    }
    return h('li', { class: 'pur' },
      h('div', { class: 'ph' }, h('h3', { id: 'al-n-' + p }, TOGGLES.includes(p) ? h('label', { for: 'al-t-' + p }, name) : name), control),
      h('p', { id: 'al-x-' + p }, desc),
      h('p', { class: 'basis' }, S.basis[BASIS[p]]),
      cats.length ? h('div', { class: 'cats' }, h('span', { class: 'cl', id: 'al-c-' + p }, S.data),
        h('ul', { 'aria-labelledby': 'al-c-' + p }, cats.map((c) => h('li', {}, c)))) : null);
  };

  const docs = m ? h('ul', { class: 'docs' }, m.documents.map((d) => {
    const cur = currentVersion(m, d.id);
    const link = h('a', { href: cur ? text(cur.ver.page, lang) : '#', onclick: (e) => {
      if (wantsNewTab(e)) return;
      e.preventDefault();
      openDocument(d.id, link);
    } }, text(d.title, lang) || d.id);
    return h('li', {}, link, cur ? h('span', { class: 'meta' }, fmt(S.version, cur.ver.version, day(cur.ver.effective, lang))) : null);
  })) : h('p', { class: 'note' }, S.noDocs);

  // How long consent lasts: the term of the agreement (the default) or a shorter period, below
  // the site's maximum; the stored record's choice is selected.
  const max = core.config.consent_days || (m && m.consent_days) || 365;
  const offered = periodChoices(max);
  const chosen = record && offered.includes(record.period) ? record.period : UNTIL_WITHDRAWN;
  const radios = offered.map((p) => h('input', { type: 'radio', name: 'al-period', id: 'al-p-' + p, value: p,
    'aria-describedby': p == UNTIL_WITHDRAWN ? 'al-pn' : null, checked: p == chosen }));
  const periods = offered.length > 1 ? h('fieldset', { class: 'per' }, h('legend', {}, S.period),
    radios.map((r, i) => h('label', { for: r.id }, r, h('span', {}, i ? duration(offered[i], lang) : S.forever))),
    h('p', { class: 'meta', id: 'al-pn' }, fmt(S.foreverNote, duration(max, lang, 'day')))) : null;
  const period = () => { const v = radios.find((r) => r.checked).value; return v == UNTIL_WITHDRAWN ? v : +v; };

  // The record's id, which names its receipts (the Privacy Policy promises it here), and a copy button.
  let recordBox = null;
  if (record) {
    const id = h('code', { class: 'rid', id: 'al-rid' }, record.id);
    const status = h('span', { class: 'meta', role: 'status' });
    const copy = h('button', { type: 'button', class: 'btn btn2', 'aria-describedby': 'al-rid', onclick: async () => {
      try {
        await navigator.clipboard.writeText(record.id);
        status.textContent = S.copied;
      } catch (e) {                                        // no clipboard permission: select it for the visitor
        getSelection().selectAllChildren(id);
        status.textContent = S.copyFailed;
      }
    } }, S.copy);
    recordBox = h('section', { class: 'rec', 'aria-labelledby': 'al-rh' }, h('h3', { id: 'al-rh' }, S.rec),
      h('p', {}, S.recText), h('div', { class: 'row' }, id, copy, status),
      h('p', { class: 'meta' }, fmt(core.unexpired(record) ? S.recDates : S.recRanOut, when(record.time, lang), when(record.expires, lang))),
      receipts(record, lang));
  }

  const confirmRow = h('div', { class: 'row', hidden: true },
    h('button', { type: 'button', class: 'btn danger', onclick: async () => {
      await deleteData();
      dlg.close();
    } }, S.delConfirm),
    h('button', { type: 'button', class: 'btn btn2', onclick: () => { confirmRow.hidden = true; delBtn.hidden = false; delBtn.focus(); } }, S.cancel));
  const delBtn = h('button', { type: 'button', class: 'btn btn2', onclick: () => {
    delBtn.hidden = true;
    confirmRow.hidden = false;
    confirmRow.firstChild.focus();
  } }, S.del);

  // Turning a purpose on is the consent the statement above the buttons covers (age_confirmed).
  const choose = async (choices) => {
    await core.decide(choices, 'preferences', !!(choices.statistics || choices.ads), null, period());
    dlg.close();
  };
  const button = (label, fn) => h('button', { type: 'button', class: 'btn', onclick: fn }, label);
  const { dlg } = modal('prefs', S.prefs, [
    h('p', {}, S.intro),
    notes.map((t) => h('p', { class: 'note' }, t)),
    h('ul', { class: 'purs' }, PURPOSES.map(purpose)),
    periods,
    h('h3', {}, S.docs), docs,
    recordBox,
    h('section', { class: 'del', 'aria-labelledby': 'al-dh' }, h('h3', { id: 'al-dh' }, S.del), h('p', {}, S.delText), delBtn, confirmRow),
  ], [h('p', { class: 'meta agen' }, S.age), h('div', { class: 'btns' },
    button(core.strings[lang].reject, () => choose({ statistics: false, ads: false })),
    button(core.strings[lang].accept, () => choose({ statistics: true, ads: true })),
    button(S.save, () => choose({ statistics: toggles.statistics.checked, ads: toggles.ads.checked })))], opener);
  return dlg;
}

// The record's receipts on the server (issue 20, part 3): "Download my receipts" (a JSON file) and
// "Erase my receipts" (after a confirmation; the server's answer shown), both proven by the
// record's secret in a header (server/api/consent.py). Only when the site has an endpoint and this
// browser holds the secret (a record from before secrets gets one with its next decision).
function receipts(record, lang) {
  const secret = core.storage.get(secretKey(core.config.prefix));
  if (!core.config.endpoint || !isSecret(secret)) return null;
  const answer = h('p', { class: 'meta', role: 'status' });
  // The server's answer as { blob } (GET) or { json } (DELETE), or null with the reason shown: none
  // held (404: a wrong secret and an unknown id look the same), or no answer (offline, 429, 5xx...).
  const ask = async (method) => {
    answer.textContent = S.loading;
    try {
      const r = await fetch(core.config.endpoint + '/' + record.id, { method, cache: 'no-store', credentials: 'same-origin',
        headers: { 'X-Consent-Secret': secret } });
      if (r.status == 404) answer.textContent = S.none;
      else if (!r.ok) throw Error('HTTP ' + r.status);
      else return method == 'GET' ? { blob: await r.blob() } : { json: await r.json() };
    } catch (e) {
      core.warn('the receipts could not be ' + (method == 'GET' ? 'read' : 'erased') + ': ' + e.message);
      answer.textContent = S.offline;
    }
    return null;
  };
  const download = async () => {
    const r = await ask('GET');
    if (!r) return;
    const a = h('a', { href: URL.createObjectURL(r.blob), download: 'consent-receipts-' + record.id + '.json' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1e4);
    answer.textContent = S.got;
  };
  // After the server's answer this browser forgets the record as "Delete my data" would (what
  // purposes that were on stored, the record, its secret), without a receipt: one would bind the
  // id again. The answer stays in the dialog; the banner asks again once it is closed.
  const erase = async () => {
    const r = await ask('DELETE');
    confirmRow.hidden = true;
    if (!r) { eraseBtn.hidden = false; return; }
    const a = r.json;
    answer.textContent = fmt(S.erased, a.erased) + ' ' + (a.kept ? fmt(S.kept, a.kept, day(a.kept_until, lang)) : S.keptNone);
    forget(TOGGLES.filter((p) => core.choices[p]));
    core.storage.remove(core.key);
    core.storage.remove(secretKey(core.config.prefix));
    core.record = null;
    core.ask = { reason: 'new', changes: [] };
    core.setChoices(core.NONE, null, 'withdrawn');
    answer.closest('dialog').addEventListener('close', () => core.chrome(), { once: true });
    answer.focus();
  };
  const confirmRow = h('div', { class: 'row', hidden: true },
    h('button', { type: 'button', class: 'btn danger', onclick: erase }, S.eraseConfirm),
    h('button', { type: 'button', class: 'btn btn2', onclick: () => { confirmRow.hidden = true; eraseBtn.hidden = false; eraseBtn.focus(); } }, S.cancel));
  const eraseBtn = h('button', { type: 'button', class: 'btn btn2', 'aria-describedby': 'al-et', onclick: () => {
    eraseBtn.hidden = true;
    confirmRow.hidden = false;
    confirmRow.firstChild.focus();
  } }, S.erase);
  answer.tabIndex = -1;
  return [h('p', { id: 'al-et' }, S.eraseText),
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn btn2', onclick: download }, S.get), eraseBtn), confirmRow, answer];
}

// --- documents ----------------------------------------------------------------------------------
// The site document a same-origin URL shows (its current page or a version's page), or null.
function documentAt(m, url) {
  if (!m || url.origin != location.origin) return null;
  for (const d of m.documents) {
    for (const v of d.versions) {
      for (const page of Object.values(v.page || {})) {
        if (url.pathname == page || url.pathname == page.replace(/[^/]+\/$/, '')) return d.id;
      }
    }
  }
  return null;
}

// Inline content: strings, {b}, {i} and {a, href}; links only to http(s), mailto, tel or
// #section; links to another document of the site open it here. ctx: { jump, m }.
function inline(items, ctx) {
  return (Array.isArray(items) ? items : [items]).map((it) => {
    if (typeof it == 'string') return it;
    if (it && typeof it.b == 'string') return h('strong', {}, it.b);
    if (it && typeof it.i == 'string') return h('em', {}, it.i);
    if (it && typeof it.a == 'string' && typeof it.href == 'string') {
      if (it.href.startsWith('#')) {
        return h('a', { href: it.href, onclick: (e) => { e.preventDefault(); ctx.jump(it.href.slice(1)); } }, it.a);
      }
      let url = null;
      try { url = new URL(it.href, location.href); } catch (e) { /* not a URL: text only */ }
      if (!url || !/^(https?|mailto|tel):$/.test(url.protocol)) return it.a;
      const other = documentAt(ctx.m, url);
      if (other) {
        return h('a', { href: url.href, onclick: (e) => { if (!wantsNewTab(e)) { e.preventDefault(); openDocument(other, e.currentTarget); } } }, it.a);
      }
      const external = /^https?:$/.test(url.protocol);
      return h('a', { href: url.href, target: external ? '_blank' : null, rel: external ? 'noopener noreferrer' : null },
        it.a, external ? h('span', { class: 'vh' }, S.newTab) : null);
    }
    core.warn('a document holds an inline item it does not know; shown as text');
    return it && typeof it == 'object' ? Object.values(it).filter((v) => typeof v == 'string').join(' ') : '';
  });
}

// The document's sections as DOM: headings with stable anchors, paragraphs and lists; a list
// of contents (unnumbered: the headings carry the document's own numbers).
function renderDocument(doc, ctx, prefix) {
  const sections = Array.isArray(doc.sections) ? doc.sections : [];
  const toc = sections.length > 2 ? h('nav', { class: 'toc', 'aria-label': S.contents },
    h('ul', {}, sections.map((s) => h('li', {}, h('a', { href: '#' + s.id, onclick: (e) => { e.preventDefault(); ctx.jump(s.id); } }, s.heading))))) : null;
  return [toc, sections.map((s) => h('section', { 'aria-labelledby': prefix + s.id },
    h('h3', { id: prefix + s.id, tabindex: '-1' }, String(s.heading || '')),
    (Array.isArray(s.blocks) ? s.blocks : []).map((b) => {
      if (b && b.p) return h('p', {}, inline(b.p, ctx));
      if (b && (b.ul || b.ol)) {
        const items = b.ul || b.ol;
        return h(b.ul ? 'ul' : 'ol', {}, (Array.isArray(items) ? items : []).map((li) => h('li', {}, inline(li, ctx))));
      }
      core.warn('a document holds a block it does not know; skipped');
      return null;
    })))];
}

// Opens document `id` (current version) in the page's language; the footer switches language.
export async function openDocument(id, opener) {
  const m = await core.manifest();
  let cur = m && (currentVersion(m, id) || currentVersion(m, (m.documents[0] || {}).id));
  let lang = core.lang;
  const body = h('div', { class: 'doc' }, h('p', { class: 'note' }, S.loading));
  const page = h('a', { class: 'btn btn2', target: '_blank', rel: 'noopener', href: cur ? text(cur.ver.page, lang) : '#' }, S.page);
  const other = h('button', { type: 'button', class: 'btn btn2', lang: S.otherLang }, S.other);
  const { dlg, head } = modal('docv', cur ? text(cur.doc.title, lang) : id, body,
    h('div', { class: 'row' }, other, page, h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, S.close)), opener);
  const meta = h('p', { class: 'meta' });
  head.append(meta);
  const prefix = 'al-s' + n + '-';
  const jump = (sid) => {
    const target = body.querySelector('#' + CSS_ESCAPE(prefix + sid));
    if (target) { target.scrollIntoView({ block: 'start' }); target.focus({ preventScroll: true }); }
  };

  async function show() {
    if (!cur) { body.replaceChildren(h('p', { class: 'note' }, S.docFailed)); return; }
    dlg.setAttribute('lang', lang);
    head.firstChild.textContent = text(cur.doc.title, lang);
    page.href = text(cur.ver.page, lang) || '#';
    meta.textContent = fmt(STRINGS[lang].version, cur.ver.version, day(cur.ver.effective, lang));
    other.textContent = STRINGS[lang].other;
    other.lang = STRINGS[lang].otherLang;
    let doc = null;
    try {
      const r = await fetch(text(cur.ver.url, lang), { credentials: 'same-origin' });
      if (!r.ok) throw Error('HTTP ' + r.status);
      doc = await r.json();
      if (!doc || !Array.isArray(doc.sections)) throw Error('no sections');
    } catch (e) {
      core.warn('document ' + cur.doc.id + ' ' + cur.ver.version + ' (' + lang + ') did not load: ' + e.message);
      body.replaceChildren(h('p', { class: 'note' }, STRINGS[lang].docFailed));
      return;
    }
    const expected = text(cur.ver.hash, lang);
    if (doc.hash != expected) core.warn('document ' + cur.doc.id + ' ' + lang + ': its hash differs from the manifest’s');
    body.replaceChildren(...renderDocument(doc, { jump, m }, prefix).flat(), h('p', { class: 'hash' }, 'SHA-256: ' + doc.hash));
    body.scrollTop = 0;
  }
  other.addEventListener('click', () => { lang = STRINGS[lang].otherLang; show(); });
  await show();
  return dlg;
}
const CSS_ESCAPE = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, '\\$&'));

// --- "Delete my data" ---------------------------------------------------------------------------
// Records the withdrawal (receipt), then clears this origin's localStorage, sessionStorage,
// the cookies script can reach and the IndexedDB databases it can list, and asks again.
export async function deleteData() {
  if (core.record) await core.decide({}, 'preferences', false, 'withdrawn');
  remove({ keys: ['*'], cookies: ['*'] });
  try {
    const dbs = window.indexedDB && indexedDB.databases ? await indexedDB.databases() : [];
    await Promise.all(dbs.map((d) => new Promise((done) => {
      const r = indexedDB.deleteDatabase(d.name);
      r.onsuccess = r.onerror = r.onblocked = done;
    })));
  } catch (e) {
    core.warn('IndexedDB could not be listed; its databases were left alone');
  }
  core.record = null;
  core.ask = { reason: 'new', changes: [], note: S.deleted };
  core.setChoices(core.NONE, null, 'withdrawn');
  core.chrome();
}

// --- acceptance checkboxes on forms -------------------------------------------------------------
// Every <form data-accept="doc-id …"> gets one required checkbox per document, with a link that
// opens the document here. Checking it adds the acceptance as hidden fields (the contract's
// names); the form cannot be submitted until every box is checked.
const done = new WeakSet();
export async function forms() {
  const m = await core.manifest();
  for (const form of document.querySelectorAll('form[data-accept]')) {
    if (done.has(form)) continue;
    done.add(form);
    const boxes = form.dataset.accept.trim().split(/\s+/).filter(Boolean).map((id) => acceptance(form, m, id));
    form.addEventListener('submit', (e) => {
      const missing = boxes.find((b) => !b.ok());
      if (!missing) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      missing.box.focus();
      missing.box.reportValidity();
    }, true);
  }
}

function acceptance(form, m, id) {
  const cur = m && currentVersion(m, id);
  const lang = core.lang;
  const title = cur ? text(cur.doc.title, lang) : id;
  const uid = 'astradia-accept-' + ++n;
  const box = h('input', { type: 'checkbox', id: uid, class: 'astradia-accept-box', required: true });
  const link = h('a', { href: cur ? text(cur.ver.page, lang) : '#', class: 'astradia-accept-link', onclick: (e) => {
    if (wantsNewTab(e)) return;
    e.preventDefault();
    core.api.openDocument(id, link);
  } }, title);
  const fields = h('span', { hidden: true });
  const wrap = h('div', { class: 'astradia-accept', 'data-document': id, lang },
    box, h('label', { for: uid }, S.accept[0], link, S.accept[1]), fields);
  box.addEventListener('invalid', () => box.setCustomValidity(fmt(S.acceptNeeded, title)));
  box.addEventListener('change', () => {
    box.setCustomValidity('');
    fields.replaceChildren();
    if (!box.checked || !cur) return;
    const value = { document: id, version: cur.ver.version, hash: text(cur.ver.hash, lang), time: new Date().toISOString(), language: lang };
    for (const k in value) fields.append(h('input', { type: 'hidden', name: 'acceptance.' + k, value: value[k] }));
  });
  if (!cur) core.warn('form: no document ' + id + ' in the manifest, so the form cannot be sent');
  const slot = form.querySelector('[data-accept-slot]');
  let anchor = form.querySelector('button:not([type]),button[type=submit],input[type=submit]');
  while (anchor && anchor.parentElement != form) anchor = anchor.parentElement;
  if (slot) slot.append(wrap); else form.insertBefore(wrap, anchor);
  return { box, ok: () => box.checked && !!cur };
}
