// Purpose: unit tests (node:test) of the widget's pure logic in legal/widget/src/record.mjs:
// record validation against the cases shared with server/api/consent.py, record building
// with the visitor's consent period, the periods offered, expiry, "must ask again" on material
// document changes, Global Privacy Control resolution, receipt events, Consent Mode mapping,
// storage-key patterns, configuration and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  checkRecord, parseRecord, isIsoTime, buildRecord, newId, compareVersions, mustAsk, describeChanges, resolveGpc, adsAllowed,
  effectiveChoices, receiptEvent, consentModeState, keyMatches, parseConfig, pickLanguage, recordDocuments, currentVersion, text,
  periodChoices, isPeriod, UNTIL_WITHDRAWN,
} from '../../../legal/widget/src/record.mjs';

const CASES = JSON.parse(readFileSync(new URL('../fixtures/record-cases.json', import.meta.url), 'utf8'));
const BASE = CASES.base;
const clone = (x) => JSON.parse(JSON.stringify(x));
const DAY = 864e5;

// Applies a shared case's edits (see record-cases.json) to a copy of the base record.
function edit(record, c) {
  if ('raw' in c) return clone(c.raw);
  const r = clone(record);
  const walk = (path) => {
    const parts = path.split('.');
    let node = r;
    for (const p of parts.slice(0, -1)) node = node[p];
    return [node, Array.isArray(node) ? Number(parts.at(-1)) : parts.at(-1)];
  };
  for (const [path, value] of Object.entries(c.set || {})) { const [n, k] = walk(path); n[k] = value; }
  for (const path of c.delete || []) {
    const [n, k] = walk(path);
    if (Array.isArray(n)) n.splice(k, 1); else delete n[k];
  }
  return r;
}

// A manifest with one document whose versions are given newest first.
function manifest(versions, current) {
  return {
    site: 'widget-test',
    documents: [{
      id: 'privacy', title: { en: 'Privacy Policy', ru: 'Политика конфиденциальности' }, current,
      versions: versions.map(([version, material, change]) => ({
        version, effective: '2026-01-01', material, changes: { en: change, ru: 'ru: ' + change },
        hash: { en: version.replace('.', '').padStart(64, 'a'), ru: version.replace('.', '').padStart(64, 'b') },
        url: { en: `/legal/t/en/privacy/${version}.json`, ru: `/legal/t/ru/privacy/${version}.json` },
        page: { en: `/legal/t/en/privacy/${version}/`, ru: `/legal/t/ru/privacy/${version}/` },
      })),
    }],
  };
}
const recordAt = (version, extra = {}) => ({ ...clone(BASE), documents: [{ id: 'privacy', version, hash: 'a'.repeat(64) }], ...extra });

test('validation follows every shared case (the same file the server tests use)', () => {
  for (const c of CASES.cases) {
    const r = edit(BASE, c);
    assert.equal(checkRecord(r) === null, c.valid, `${c.name}: ${checkRecord(r)}`);
  }
  for (const c of CASES.generated) {
    const r = clone(BASE);
    r.documents = Array.from({ length: c.documents }, (_, i) => ({ id: 'doc-' + i, version: '1.0', hash: i.toString(16).padStart(64, '0') }));
    assert.equal(checkRecord(r) === null, c.valid, c.name);
  }
});

test('validation names the part that is wrong', () => {
  assert.equal(checkRecord(edit(BASE, { set: { 'documents.1.hash': 'x' } })), 'documents[1].hash is not valid');
  assert.equal(checkRecord(edit(BASE, { set: { 'documents.1.id': 'privacy' } })), 'documents[1].id (repeated) is not valid');
  assert.equal(checkRecord(edit(BASE, { delete: ['gpc'] })), 'gpc is missing');
  assert.equal(checkRecord(edit(BASE, { set: { ip: '1.2.3.4' } })), 'unknown field ip');
  assert.equal(checkRecord(JSON.parse('{"__proto__": 1}')), 'unknown field __proto__');
  assert.equal(checkRecord(edit(BASE, { set: { constructor: 1 } })), 'unknown field constructor');
});

test('parseRecord: not JSON, invalid, valid', () => {
  assert.deepEqual(parseRecord('{'), { error: 'not JSON' });
  assert.match(parseRecord('{"v":1}').error, /missing/);
  assert.deepEqual(parseRecord(JSON.stringify(BASE)), { record: BASE });
});

test('isIsoTime accepts only real instants with milliseconds in UTC', () => {
  assert.equal(isIsoTime('2026-11-21T10:15:30.123Z'), true);
  for (const bad of ['2026-11-21T10:15:30Z', '2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z',
                     '2026-11-21 10:15:30.123Z', '+012026-11-21T10:15:30.123Z', 1, null]) {
    assert.equal(isIsoTime(bad), false, String(bad));
  }
});

test('buildRecord makes a valid record that expires after the configured days, keeping the chain id', () => {
  const now = Date.parse('2026-11-21T10:15:30.123Z');
  const id = newId(new Uint8Array(16).map((_, i) => i * 17));
  assert.match(id, /^c-[0-9a-f]{32}$/);
  assert.equal(id, 'c-00112233445566778899aabbccddeeff');
  const r = buildRecord({ prev: null, id, site: 'astradia', now, days: 365, method: 'banner', language: 'ru',
    choices: { statistics: 1, ads: false, extra: true }, documents: BASE.documents, age: true, gpc: false });
  assert.equal(checkRecord(r), null);
  assert.equal(r.expires, '2027-11-21T10:15:30.123Z');
  assert.equal(r.period, UNTIL_WITHDRAWN, 'no period chosen: for the term of the agreement');
  assert.deepEqual(Object.keys(r), ['v', 'id', 'site', 'time', 'expires', 'period', 'method', 'language', 'choices', 'documents', 'age_confirmed', 'gpc']);
  assert.deepEqual(r.choices, { necessary: true, statistics: true, ads: false });
  const next = buildRecord({ prev: r, id: 'c-' + 'f'.repeat(32), site: 'astradia', now: now + DAY, days: 30, method: 'preferences',
    language: 'en', choices: {}, documents: BASE.documents, age: false, gpc: true });
  assert.equal(next.id, r.id);
  assert.equal(next.expires, '2026-12-22T10:15:30.123Z');
  assert.equal(checkRecord(next), null);
});

test('buildRecord: the visitor\'s period ends the record unless the site asks again sooner', () => {
  const now = Date.parse('2026-11-21T10:15:30.123Z');
  const build = (period, days = 365) => buildRecord({ prev: null, id: 'c-' + 'a'.repeat(32), site: 'astradia', now, days, period,
    method: 'preferences', language: 'en', choices: { statistics: true }, documents: BASE.documents, age: true, gpc: false });
  const six = build(183);
  assert.deepEqual([six.period, six.expires], [183, '2027-05-23T10:15:30.123Z']);
  assert.equal(checkRecord(six), null);
  assert.deepEqual([build(91).period, build(91).expires], [91, '2027-02-20T10:15:30.123Z']);
  const capped = build(365, 180);                           // the site asks again every 180 days
  assert.deepEqual([capped.period, capped.expires], [365, '2027-05-20T10:15:30.123Z']);
  assert.equal(checkRecord(capped), null, 'a period longer than the site\'s maximum is kept, the expiry is the maximum');
  assert.deepEqual([build(UNTIL_WITHDRAWN).period, build(UNTIL_WITHDRAWN).expires], [UNTIL_WITHDRAWN, '2027-11-21T10:15:30.123Z']);
  for (const odd of [0, 3651, 1.5, '183', null, 'forever', true]) {
    assert.equal(build(odd).period, UNTIL_WITHDRAWN, `${JSON.stringify(odd)} is not a period: until withdrawn`);
  }
});

test('periods: what is offered below the site\'s maximum, and what a record may hold', () => {
  assert.deepEqual(periodChoices(365), [UNTIL_WITHDRAWN, 183, 91], 'a year is what until-withdrawn already asks again after');
  assert.deepEqual(periodChoices(730), [UNTIL_WITHDRAWN, 365, 183, 91]);
  assert.deepEqual(periodChoices(180), [UNTIL_WITHDRAWN, 91]);
  assert.deepEqual(periodChoices(90), [UNTIL_WITHDRAWN], 'nothing shorter to offer: no choice is shown');
  for (const ok of [UNTIL_WITHDRAWN, 1, 91, 3650]) assert.equal(isPeriod(ok), true, String(ok));
  for (const bad of [0, -1, 3651, 1.5, '91', 'until withdrawn', null, undefined, true]) assert.equal(isPeriod(bad), false, String(bad));
  // A record's period may not end before its expiry; a record without one (older) is valid.
  const rec = (period, expires) => ({ ...clone(BASE), time: '2026-11-21T10:15:30.123Z', expires, period });
  assert.equal(checkRecord(rec(183, '2027-05-23T10:15:30.123Z')), null);
  assert.equal(checkRecord(rec(183, '2027-05-23T10:15:30.124Z')), 'period is not valid', 'expires 1 ms after the period ends');
  const old = clone(BASE);
  delete old.period;
  assert.equal(checkRecord(old), null);
});

test('compareVersions is numeric per part', () => {
  assert.equal(compareVersions('1.10', '1.9'), 1);
  assert.equal(compareVersions('2.0', '10.0'), -1);
  assert.equal(compareVersions('1.1', '1.1'), 0);
});

test('mustAsk: no record, expired record, unchanged documents', () => {
  const now = Date.parse('2026-12-01T00:00:00.000Z');
  assert.deepEqual(mustAsk(null, null, now), { ask: true, reason: 'new', changes: [] });
  const expired = recordAt('1.0', { expires: '2026-11-30T23:59:59.999Z' });
  assert.equal(mustAsk(expired, null, now).reason, 'expired');
  assert.equal(mustAsk(recordAt('1.0', { expires: '2026-12-01T00:00:00.000Z' }), null, now).reason, 'expired', 'due at the instant');
  const m = manifest([['1.0', true, 'First']], '1.0');
  assert.deepEqual(mustAsk(recordAt('1.0'), m, now), { ask: false, reason: null, changes: [] });
  assert.equal(mustAsk(recordAt('1.0'), null, now).ask, false, 'without a manifest only expiry is judged');
});

test('mustAsk: a material version between the recorded and the current one asks again and says what changed', () => {
  const now = Date.parse('2026-12-01T00:00:00.000Z');
  const m = manifest([['1.3', false, 'Typos'], ['1.2', true, 'Adds location'], ['1.1', false, 'Wording'], ['1.0', true, 'First']], '1.3');
  const a = mustAsk(recordAt('1.0'), m, now);
  assert.equal(a.ask, true);
  assert.equal(a.reason, 'changed');
  assert.deepEqual(a.changes.map((c) => [c.id, c.from, c.to]), [['privacy', '1.0', '1.3']]);
  assert.deepEqual(describeChanges(a.changes, 'en'), [{ head: 'Privacy Policy 1.0 → 1.3', notes: ['Typos', 'Adds location', 'Wording'] }]);
  assert.deepEqual(describeChanges(a.changes, 'ru')[0], { head: 'Политика конфиденциальности 1.0 → 1.3',
    notes: ['ru: Typos', 'ru: Adds location', 'ru: Wording'] });
  assert.equal(mustAsk(recordAt('1.2'), m, now).ask, false, 'only a non-material version since 1.2');
  const notYet = manifest([['1.2', true, 'Future'], ['1.1', false, 'Wording'], ['1.0', true, 'First']], '1.1');
  assert.equal(mustAsk(recordAt('1.0'), notYet, now).ask, false, 'a material version after current does not count');
  assert.equal(mustAsk(recordAt('1.3'), m, now).ask, false);
  const retired = { documents: [] };
  assert.equal(mustAsk(recordAt('1.0'), retired, now).ask, false, 'a document the manifest no longer lists');
});

test('Global Privacy Control: the shared cases (tests/legal/fixtures/gpc-cases.json)', () => {
  const { cases } = JSON.parse(readFileSync(new URL('../fixtures/gpc-cases.json', import.meta.url), 'utf8'));
  assert.equal(cases.length, 32);
  for (const c of cases) {
    const r = { ...clone(BASE), method: c.method, gpc: c.gpc, choices: { necessary: true, statistics: true, ads: c.ads } };
    assert.equal(checkRecord(r), null);
    assert.equal(adsAllowed(r, c.gpc_now), c.allowed, JSON.stringify(c));
    assert.deepEqual(effectiveChoices(r, c.gpc_now), { necessary: true, statistics: true, ads: c.allowed });
  }
});

test('resolveGpc: what to record with method gpc while the signal is on', () => {
  const rec = (ads, gpc, method) => ({ ...clone(BASE), method, choices: { necessary: true, statistics: true, ads }, gpc });
  assert.equal(resolveGpc(null, false), null);
  assert.deepEqual(resolveGpc(null, true), { necessary: true, statistics: false, ads: false });
  assert.deepEqual(resolveGpc(rec(true, false, 'banner'), true), { necessary: true, statistics: true, ads: false });
  assert.equal(resolveGpc(rec(true, true, 'api'), true), null, 'a choice made under the signal stands');
  assert.deepEqual(resolveGpc(rec(true, true, 'gpc'), true), { necessary: true, statistics: true, ads: false }, 'the signal\'s own record never allows ads');
  assert.equal(resolveGpc(rec(false, false, 'banner'), true), null, 'ads already off');
  assert.equal(resolveGpc(rec(true, true, 'preferences'), true), null, 'the explicit opt-in wins');
  assert.equal(resolveGpc(rec(true, false, 'banner'), false), null, 'no signal: nothing to record');
});

test('receiptEvent: given, changed, withdrawn', () => {
  const r = (statistics, ads) => ({ choices: { necessary: true, statistics, ads } });
  assert.equal(receiptEvent(null, r(true, true)), 'given');
  assert.equal(receiptEvent(r(false, false), r(true, false)), 'changed');
  assert.equal(receiptEvent(r(true, true), r(true, true)), 'changed');
  assert.equal(receiptEvent(r(true, true), r(true, false)), 'withdrawn');
  assert.equal(receiptEvent(r(true, false), r(false, true)), 'withdrawn');
});

test('consentModeState maps statistics and ads to the four Consent Mode v2 types', () => {
  assert.deepEqual(consentModeState({ statistics: true, ads: false }), {
    analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
  });
  assert.deepEqual(consentModeState({ statistics: false, ads: true }), {
    analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted',
  });
});

test('keyMatches: exact names and prefixes ending in *', () => {
  assert.equal(keyMatches(['_ga', 'stats.*'], '_ga'), true);
  assert.equal(keyMatches(['_ga', 'stats.*'], '_gat'), false);
  assert.equal(keyMatches(['_ga', 'stats.*'], 'stats.visits'), true);
  assert.equal(keyMatches(['_ga', 'stats.*'], 'stats'), false);
  assert.equal(keyMatches(undefined, 'x'), false);
});

test('parseConfig: defaults, warnings for wrong or unknown settings, an error without a site', () => {
  const { config, warnings, errors } = parseConfig({ site: 'partner-demo' });
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings, []);
  assert.deepEqual(config, {
    site: 'partner-demo', prefix: 'partner-demo', manifest: '/legal/partner-demo/manifest.json', documents: [],
    privacy_document: 'privacy', consent_days: 0, language: 'auto', theme: 'auto', button: 'icon', endpoint: '',
    consent_mode: false, storage: {},
  });
  const odd = parseConfig({ site: 'x', theme: 'pink', endpoint: '//evil.example/collect', manifest: 'https://cdn.example/m.json',
    consent_days: 0, storage: { marketing: { keys: ['a'] } }, colour: 'red', toString: 1, prefix: 'my.site' });
  assert.equal(odd.config.theme, 'auto');
  assert.equal(odd.config.endpoint, '', 'a protocol-relative URL is not same-origin');
  assert.equal(odd.config.manifest, '/legal/x/manifest.json');
  assert.equal(odd.config.consent_days, 0);
  assert.deepEqual(odd.config.storage, {});
  assert.equal(odd.config.prefix, 'my.site');
  for (const k of ['theme', 'endpoint', 'manifest', 'consent_days', 'storage']) {
    assert.ok(odd.warnings.some((w) => w.startsWith(k + ' is not valid')), k);
  }
  assert.ok(odd.warnings.includes('unknown setting colour ignored'));
  assert.ok(odd.warnings.includes('unknown setting toString ignored'));
  const storage = { statistics: { keys: ['stats.*'], cookies: ['_ga', '_ga_*'] }, ads: { cookies: ['ads'] } };
  assert.deepEqual(parseConfig({ site: 'x', storage }).config.storage, storage);
  assert.ok(parseConfig({ site: 'x', storage: { statistics: { keys: ['*'] } } }).warnings.length, 'a bare * would match everything');
  for (const raw of [null, [], 'astradia', { site: 'Astradia' }, {}]) {
    const r = parseConfig(raw);
    assert.equal(r.config, null);
    assert.equal(r.errors.length, 1);
  }
});

test('pickLanguage: the setting, else the page language', () => {
  assert.equal(pickLanguage('ru', 'en'), 'ru');
  assert.equal(pickLanguage('auto', 'ru-RU'), 'ru');
  assert.equal(pickLanguage('auto', 'RU'), 'ru');
  assert.equal(pickLanguage('auto', 'rus'), 'en');
  assert.equal(pickLanguage('auto', ''), 'en');
  assert.equal(pickLanguage('auto', undefined), 'en');
});

test('recordDocuments: the configured documents at their current versions, hash of the language shown', () => {
  const m = manifest([['1.1', true, 'x'], ['1.0', true, 'y']], '1.1');
  m.documents.push({ id: 'terms', title: { en: 'Terms' }, current: '2.0',
    versions: [{ version: '2.0', hash: { en: 'e'.repeat(64), ru: 'f'.repeat(64) } }] });
  assert.deepEqual(recordDocuments(m, ['terms'], 'ru'), [{ id: 'terms', version: '2.0', hash: 'f'.repeat(64) }]);
  assert.deepEqual(recordDocuments(m, [], 'en').map((d) => d.id), ['privacy', 'terms']);
  assert.deepEqual(recordDocuments(m, ['missing'], 'en').map((d) => d.id), ['privacy', 'terms'], 'unknown ids fall back to all');
  assert.equal(currentVersion(m, 'privacy').ver.version, '1.1');
  assert.equal(currentVersion(m, 'nope'), null);
  assert.equal(text({ en: 'A', ru: 'Б' }, 'ru'), 'Б');
  assert.equal(text({ en: 'A' }, 'ru'), 'A');
  assert.equal(text(undefined, 'en'), '');
});
