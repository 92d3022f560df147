// Purpose: the widget's pure logic (no DOM, no storage): the consent record of
// docs/LEGAL-FORMATS.md (validation, building, "must ask again"), Global Privacy
// Control resolution, Consent Mode v2 mapping, storage-key patterns and the site
// configuration. Bundled into the core script by build.mjs; unit-tested under node.

export const TOGGLES = ['statistics', 'ads'];
export const METHODS = ['banner', 'preferences', 'gpc', 'api'];
export const LANGUAGES = ['en', 'ru'];
export const MAX_RECORD_BYTES = 4096;
const DAY = 864e5;

// How long a consent lasts (the record's optional `period`): for the term of the agreement,
// until withdrawn, or a number of days the visitor chose. Either way the site asks again at
// least once every `consent_days` (its maximum): `expires` is the earlier of the two.
export const UNTIL_WITHDRAWN = 'until_withdrawn';
export const isPeriod = (x) => x === UNTIL_WITHDRAWN || (Number.isInteger(x) && x >= 1 && x <= 3650);
// The periods offered: the term of the agreement first (the default), then 1 year, 6 months
// and 3 months where shorter than the site's maximum (a period as long as the maximum would
// behave exactly like the term of the agreement, which is asked again then too).
export const periodChoices = (max) => [UNTIL_WITHDRAWN, ...[365, 183, 91].filter((d) => d < max)];

const SLUG = /^[a-z0-9-]{1,40}$/;
const VERSION = /^\d{1,3}\.\d{1,3}$/;
const HASH = /^[0-9a-f]{64}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const isObject = (x) => x !== null && typeof x == 'object' && !Array.isArray(x);
const keysAre = (x, names) => Object.keys(x).sort().join() == names.split(' ').sort().join();
const isBool = (x) => typeof x == 'boolean';
const matches = (re) => (x) => typeof x == 'string' && re.test(x);
const isSlug = matches(SLUG);

// True for a real instant written as YYYY-MM-DDTHH:MM:SS.mmmZ (2026-02-30 is not one).
export function isIsoTime(s) {
  if (typeof s != 'string' || !TIME.test(s)) return false;
  const t = Date.parse(s);
  return !Number.isNaN(t) && new Date(t).toISOString() == s;
}

// The record's fields and their rules; a rule returns true, or false / the path of the
// part inside that is wrong.
const RECORD = {
  v: (x) => x === 1,
  id: matches(/^c-[0-9a-f]{32}$/),
  site: isSlug,
  time: isIsoTime,
  expires: (x, r) => isIsoTime(x) && x > r.time,
  // Optional (records made before it existed have none); a number of days cannot end before `expires`.
  period: (x, r) => isPeriod(x) && (x === UNTIL_WITHDRAWN || Date.parse(r.expires) <= Date.parse(r.time) + x * DAY),
  method: (x) => METHODS.includes(x),
  language: (x) => LANGUAGES.includes(x),
  choices: (x) => isObject(x) && keysAre(x, 'necessary statistics ads') && x.necessary === true &&
                  isBool(x.statistics) && isBool(x.ads),
  documents: (x) => {
    if (!Array.isArray(x) || x.length < 1 || x.length > 16) return false;
    const seen = new Set();
    for (let i = 0; i < x.length; i++) {
      const d = x[i];
      if (!isObject(d) || !keysAre(d, 'id version hash')) return '[' + i + ']';
      for (const [k, ok] of [['id', isSlug], ['version', matches(VERSION)], ['hash', matches(HASH)]]) {
        if (!ok(d[k])) return '[' + i + '].' + k;
      }
      if (seen.has(d.id)) return '[' + i + '].id (repeated)';
      seen.add(d.id);
    }
    return true;
  },
  age_confirmed: isBool,
  gpc: isBool,
};

// The contract's record validation (docs/LEGAL-FORMATS.md). Returns null when valid, else
// which part is wrong, e.g. "documents[1].hash is not valid".
export function checkRecord(r) {
  if (!isObject(r)) return 'the record is not a JSON object';
  for (const k of Object.keys(r)) if (!Object.hasOwn(RECORD, k)) return 'unknown field ' + k;
  for (const k in RECORD) {
    if (!(k in r)) {
      if (k == 'period') continue;
      return k + ' is missing';
    }
    const ok = RECORD[k](r[k], r);
    if (ok !== true) return k + (ok || '') + ' is not valid';
  }
  if (new TextEncoder().encode(JSON.stringify(r)).length > MAX_RECORD_BYTES) return 'the record is larger than 4 KiB';
  return null;
}

// Parses stored text into { record } or { error } (never throws).
export function parseRecord(text) {
  let r;
  try {
    r = JSON.parse(text);
  } catch (e) {
    return { error: 'not JSON' };
  }
  const error = checkRecord(r);
  return error ? { error } : { record: r };
}

// Bytes as lower-case hex digits.
export const hex = (bytes) => Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');

// A new record id: "c-" and 32 hex digits from `bytes` (16 random bytes).
export function newId(bytes) {
  return 'c-' + hex(bytes);
}

// The record's secret, beside the record in the same storage (docs/DECISIONS.md, issue 20 part 3):
// its key for the site's prefix, and whether a stored value is one (64 lower-case hex digits).
export const secretKey = (prefix) => prefix + '.consent.secret.v1';
export const isSecret = (s) => typeof s == 'string' && /^[0-9a-f]{64}$/.test(s);

// The record for a decision. `prev` (a valid record or null) keeps its id, so the
// server's receipts for one browser form a chain. `days` is the site's maximum, `period` the
// visitor's choice (anything else counts as until withdrawn); it expires at the earlier end.
export function buildRecord({ prev, id, site, now, days, period, method, language, choices, documents, age, gpc }) {
  if (!isPeriod(period)) period = UNTIL_WITHDRAWN;
  return {
    v: 1,
    id: prev ? prev.id : id,
    site,
    time: new Date(now).toISOString(),
    expires: new Date(now + Math.min(days, +period || days) * DAY).toISOString(),
    period,
    method,
    language,
    choices: { necessary: true, statistics: !!choices.statistics, ads: !!choices.ads },
    documents,
    age_confirmed: !!age,
    gpc: !!gpc,
  };
}

// -1, 0 or 1 comparing two MAJOR.MINOR versions numerically (1.10 is after 1.9).
export function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => String(v).split('.').map(Number));
  return Math.sign(x[0] - y[0] || x[1] - y[1]);
}

// Whether the visitor must be asked again (the contract's rule), and why:
// { ask, reason: 'new' | 'expired' | 'changed' | null, changes: [{ id, title, from, to, notes }] }
// where title and notes ({en, ru} texts: the document's title, the `changes` of every version
// since `from`) are for the part that shows them (ui.mjs, describe). Without a manifest only
// presence and expiry can be judged.
export function mustAsk(record, manifest, now) {
  if (!record) return { ask: true, reason: 'new', changes: [] };
  if (Date.parse(record.expires) <= now) return { ask: true, reason: 'expired', changes: [] };
  const changes = [];
  for (const d of record.documents) {
    const doc = manifest && manifest.documents.find((m) => m.id == d.id);
    if (!doc || compareVersions(doc.current, d.version) <= 0) continue;
    const between = doc.versions.filter((v) => compareVersions(v.version, d.version) > 0 &&
                                               compareVersions(v.version, doc.current) <= 0);
    if (between.some((v) => v.material)) {
      changes.push({ id: d.id, title: doc.title, from: d.version, to: doc.current, notes: between.map((v) => v.changes) });
    }
  }
  return { ask: changes.length > 0, reason: changes.length ? 'changed' : null, changes };
}

// The changes of mustAsk in `lang`: "Privacy Policy 1.0 → 1.2" and the notes of the versions.
export function describeChanges(changes, lang) {
  return changes.map((c) => ({ head: (text(c.title, lang) || c.id) + ' ' + c.from + ' → ' + c.to,
    notes: c.notes.map((n) => text(n, lang)).filter(Boolean) }));
}

// A {en, ru} text in `lang`, falling back to the other language.
export function text(t, lang) {
  return t == null || typeof t == 'string' ? t || '' : t[lang] || t.en || t.ru || '';
}

// The manifest entry of a document, and its current version's entry.
export function currentVersion(manifest, id) {
  const doc = manifest && manifest.documents.find((d) => d.id == id);
  const ver = doc && doc.versions.find((v) => v.version == doc.current);
  return ver ? { doc, ver } : null;
}

// The record's documents: id, current version and the hash of the language shown,
// for `ids` (all of the manifest's documents when empty or when none is known).
export function recordDocuments(manifest, ids, lang) {
  let list = (ids && ids.length ? ids : []).map((id) => currentVersion(manifest, id)).filter(Boolean);
  if (!list.length) list = manifest.documents.map((d) => currentVersion(manifest, d.id)).filter(Boolean);
  return list.slice(0, 16).map(({ doc, ver }) => ({ id: doc.id, version: ver.version, hash: text(ver.hash, lang) }));
}

// Whether a record's "ads: true" may be used (docs/LEGAL-FORMATS.md; the cases in
// tests/legal/fixtures/gpc-cases.json): with Global Privacy
// Control on now or when the record was made, only the visitor's own choice made while the
// signal was on counts (gpc true, any method but "gpc"). What this widget writes is stricter:
// under the signal only its preferences dialog records "ads: true" (decide.mjs, decide).
export function adsAllowed(record, gpcOn) {
  return record.choices.ads && (!(gpcOn || record.gpc) || (record.gpc && record.method != 'gpc'));
}

// The record's choices as they hold now (personalised ads subject to adsAllowed).
export function effectiveChoices(record, gpcOn) {
  return { ...record.choices, ads: adsAllowed(record, gpcOn) };
}

// Global Privacy Control: the choices to record with method "gpc" while the signal is on and
// the stored record does not honour it yet (no record, or "ads: true" that does not count),
// else null.
export function resolveGpc(record, gpcOn) {
  if (!gpcOn) return null;
  if (!record) return { necessary: true, statistics: false, ads: false };
  return record.choices.ads && !adsAllowed(record, true) ? { ...record.choices, ads: false } : null;
}

// The receipt's event for a change from `prev` (the valid, unexpired record or null).
export function receiptEvent(prev, next) {
  if (!prev) return 'given';
  return TOGGLES.some((p) => prev.choices[p] && !next.choices[p]) ? 'withdrawn' : 'changed';
}

// Google Consent Mode v2 state for the choices (statistics and ads).
export function consentModeState(choices) {
  const g = (on) => (on ? 'granted' : 'denied');
  return {
    analytics_storage: g(choices.statistics),
    ad_storage: g(choices.ads),
    ad_user_data: g(choices.ads),
    ad_personalization: g(choices.ads),
  };
}

// Whether a storage key or cookie name matches one of the patterns ("name" or "prefix*").
export function keyMatches(patterns, key) {
  return (patterns || []).some((p) => (p.endsWith('*') ? key.startsWith(p.slice(0, -1)) : key == p));
}

// The site configuration from the script tag, checked against SETTINGS (name: [rule,
// default]). Returns { config, errors, warnings }: an error (no valid site) leaves the
// widget off (config null); a wrong setting is a warning and gets its default.
const oneOf = (...xs) => (x) => xs.includes(x);
const path = matches(/^\/(?!\/)/);
const SETTINGS = {
  prefix: [matches(/^[a-z0-9][a-z0-9._-]{0,39}$/i), (site) => site],
  manifest: [path, (site) => '/legal/' + site + '/manifest.json'],
  documents: [(x) => Array.isArray(x) && x.length <= 16 && x.every(isSlug), () => []],
  privacy_document: [isSlug, () => 'privacy'],
  consent_days: [(x) => x !== UNTIL_WITHDRAWN && isPeriod(x), () => 0],
  language: [oneOf('auto', 'en', 'ru'), () => 'auto'],
  theme: [oneOf('auto', 'light', 'dark'), () => 'auto'],
  button: [oneOf('icon', 'text', 'none'), () => 'icon'],
  endpoint: [path, () => ''],
  consent_mode: [isBool, () => false],
  storage: [(x) => isObject(x) && Object.keys(x).every((p) => TOGGLES.includes(p) && isObject(x[p]) &&
    Object.keys(x[p]).every((k) => (k == 'keys' || k == 'cookies') && Array.isArray(x[p][k]) &&
      x[p][k].every((s) => typeof s == 'string' && s != '' && s != '*'))), () => ({})],
};
export function parseConfig(raw) {
  const warnings = [];
  if (!isObject(raw) || !isSlug(raw.site)) {
    return { config: null, errors: ['site must be set, matching [a-z0-9-]{1,40}'], warnings };
  }
  const config = { site: raw.site };
  for (const k of Object.keys(raw)) if (k != 'site' && !Object.hasOwn(SETTINGS, k)) warnings.push('unknown setting ' + k + ' ignored');
  for (const k in SETTINGS) {
    const [ok, fallback] = SETTINGS[k];
    const has = k in raw, good = has && ok(raw[k]);
    if (has && !good) warnings.push(k + ' is not valid; using the default');
    config[k] = good ? raw[k] : fallback(raw.site);
  }
  return { config, errors: [], warnings };
}

// The widget's language: the configured one, else the page's `lang` (Russian or English).
export function pickLanguage(setting, pageLang) {
  if (LANGUAGES.includes(setting)) return setting;
  return /^ru\b/i.test(pageLang || '') ? 'ru' : 'en';
}
