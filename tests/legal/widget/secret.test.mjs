// Purpose: unit tests (node:test) of the record's secret in legal/widget/src/decide.mjs (issue 20,
// part 3), with node's own Web Crypto and a core of plain objects around the real module: the
// secret is made with a new record id, kept while the id is kept (an expired record included),
// made for a kept id that has none, and replaced with a new id; each receipt carries its SHA-256
// as "proof" (hashed here with node:crypto, independently), never the secret; no secret
// without crypto.subtle means a receipt without proof, not a lost decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkRecord, isSecret, secretKey } from '../../../legal/widget/src/record.mjs';
import * as decide from '../../../legal/widget/src/decide.mjs';

const CASES = JSON.parse(readFileSync(new URL('../fixtures/record-cases.json', import.meta.url), 'utf8'));
const NONE = { necessary: true, statistics: false, ads: false };
const MANIFEST = {
  consent_days: 365,
  documents: [{
    id: 'privacy', current: '1.0', title: { en: 'Privacy Policy' },
    versions: [{ version: '1.0', effective: '2026-01-01', material: true, hash: { en: 'a'.repeat(64), ru: 'b'.repeat(64) } }],
  }],
};
const SECRET = secretKey('t');
const sha256 = (s) => createHash('sha256').update(s).digest('hex');

// The core's internals as decide.mjs sees them, over a Map for storage; beacons are collected.
function setup() {
  const store = new Map(), beacons = [];
  globalThis.navigator = { sendBeacon: (url, body) => (beacons.push({ url, body: JSON.parse(body) }), true) };
  const core = {
    config: { site: CASES.base.site, prefix: 't', endpoint: '/api/consent', storage: {}, documents: ['privacy'] },
    lang: 'en', gpc: false, NONE, choices: NONE, record: null, key: 't.consent.v1', checkRecord,
    storage: { persistent: true, get: (k) => store.get(k) ?? null, set: (k, v) => (store.set(k, v), true), remove: (k) => store.delete(k) },
    manifest: async () => MANIFEST, warn: () => {}, setChoices: (c) => { core.choices = c; }, chrome: () => {},
    unexpired: (r) => (r && Date.parse(r.expires) > Date.now() ? r : null), ui: async () => {},
  };
  decide.init(core);
  return { core, store, beacons };
}

test('a new record id comes with a new secret, and its receipt carries the secret\'s SHA-256 as proof', async () => {
  const { store, beacons } = setup();
  const record = await decide.decide({ statistics: true }, 'banner', true);
  const secret = store.get(SECRET);
  assert.ok(isSecret(secret), `a secret of 64 hex digits: ${secret}`);
  assert.equal(beacons.length, 1);
  assert.deepEqual(Object.keys(beacons[0].body), ['record', 'event', 'proof']);
  assert.equal(beacons[0].body.proof, sha256(secret));
  assert.equal(beacons[0].body.record.id, record.id);
  assert.ok(!JSON.stringify(beacons[0].body).includes(secret), 'the secret itself never travels');
  assert.ok(!store.get('t.consent.v1').includes(secret), 'nor is it part of the record');
});

test('the secret is kept while the id is kept, an expired record included', async () => {
  const { core, store, beacons } = setup();
  const first = await decide.decide({}, 'banner', false);
  const secret = store.get(SECRET);
  await decide.decide({ ads: true }, 'preferences', true);
  core.record = { ...core.record, time: '2020-01-01T00:00:00.000Z', expires: '2021-01-01T00:00:00.000Z' };   // ran out
  const again = await decide.decide({}, 'banner', false);
  assert.equal(again.id, first.id);
  assert.equal(store.get(SECRET), secret);
  assert.deepEqual(beacons.map((b) => b.body.proof), Array(3).fill(sha256(secret)));
});

test('a kept id without a secret (a record from before secrets) gets one, bound by its next receipt', async () => {
  const { core, store, beacons } = setup();
  const old = await decide.decide({}, 'banner', false);
  store.delete(SECRET);
  core.record = old;
  store.set(SECRET, 'not a secret');                                       // a broken value counts as none
  const next = await decide.decide({ statistics: true }, 'preferences', true);
  assert.equal(next.id, old.id);
  assert.ok(isSecret(store.get(SECRET)));
  assert.equal(beacons.at(-1).body.proof, sha256(store.get(SECRET)));
});

test('a new id (no record kept, e.g. after "Delete my data") replaces the secret', async () => {
  const { core, store } = setup();
  const a = await decide.decide({}, 'banner', false);
  const secretA = store.get(SECRET);
  core.record = null;                                                      // the record is gone, the old secret left behind
  const b = await decide.decide({}, 'banner', false);
  assert.notEqual(b.id, a.id);
  assert.ok(isSecret(store.get(SECRET)));
  assert.notEqual(store.get(SECRET), secretA);
});

test('without crypto.subtle the receipt goes without proof and the decision still holds', async (t) => {
  const { core, beacons } = setup();
  const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
  Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
  t.after(() => Object.defineProperty(globalThis.crypto, 'subtle', subtle || { value: undefined }));
  const record = await decide.decide({ statistics: true }, 'banner', true);
  assert.ok(record && core.record === record);
  assert.deepEqual(Object.keys(beacons[0].body), ['record', 'event']);
});
