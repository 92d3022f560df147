// Purpose: the widget's part that records decisions, imported by the core while the banner is
// shown (when the page is idle) or when a decision comes first from elsewhere: builds the
// contract's record (docs/LEGAL-FORMATS.md) with the visitor's period, stores it, puts it into
// effect and sends the receipt by sendBeacon, with the proof of the record's secret. Kept apart from the core so that a returning
// visit does not load it, and from the dialogs (ui.mjs) so that a visit that only answers the
// banner loads the core and this file only.
import { TOGGLES, buildRecord, newId, hex, secretKey, isSecret, recordDocuments, receiptEvent } from './record.mjs';

let core;

// Called once by the core with its internals (config, storage, record, setChoices, chrome, …).
export function init(c) {
  core = c;
}

// Stores a decision as a contract record, removes what withdrawn purposes stored (when a
// purpose that was on goes off), puts it into effect and sends the receipt. `age`: whether the
// decision carries the visitor's age confirmation; `period`: how long consent lasts (the
// stored record's when not given). Without a manifest (no document versions) the choices
// hold for this page only. Resolves to the record stored, or null.
export async function decide(choices, method, age, forcedEvent, period) {
  const m = await core.manifest();
  const prev = core.record, config = core.config;
  // Under Global Privacy Control only the preferences dialog can turn personalised ads on.
  const want = { ...core.NONE, statistics: !!choices.statistics, ads: !!choices.ads && (!core.gpc || method == 'preferences') };
  core.ask = null;
  // What a purpose that goes off had stored is removed (ui.mjs, forget) before the change takes effect.
  const gone = TOGGLES.filter((p) => !want[p] && config.storage[p] && (core.choices[p] || (prev && prev.choices[p])));
  if (gone.length) await core.ui((u) => u.forget(gone));
  let record = null, secret = null;
  if (!m) {
    core.warn('no manifest, so the decision applies to this page only and is not stored');
  } else {
    record = buildRecord({
      prev, id: newId(crypto.getRandomValues(new Uint8Array(16))), site: config.site, now: Date.now(),
      days: config.consent_days || m.consent_days || 365, period: period || (prev && prev.period), method, language: core.lang,
      choices: want, documents: recordDocuments(m, config.documents, core.lang), age, gpc: core.gpc,
    });
    const bad = core.checkRecord(record);
    if (bad) core.warn('the manifest gives an incomplete record (' + bad + '); the choices hold for this page only');
    else if (!core.storage.set(core.key, JSON.stringify(record))) core.warn('the record could not be stored (storage full?)');
    if (bad) record = null;
    else secret = keepSecret(record, prev);
  }
  const event = record ? forcedEvent || receiptEvent(core.unexpired(prev), record) : 'changed';
  core.record = record;
  core.setChoices(want, record, event);
  if (config.endpoint && record && navigator.sendBeacon) {
    const p = await proof(secret);
    try { navigator.sendBeacon(config.endpoint, JSON.stringify(p ? { record, event, proof: p } : { record, event })); } catch (e) { /* best effort */ }
  }
  core.chrome();
  return record;
}

// The record's secret (docs/DECISIONS.md, issue 20 part 3): 32 random bytes as hex, in the same
// storage as the record, made with a new record id and kept while the id is kept; a kept id
// without one (a record from before secrets) gets one now, which its next receipt binds.
function keepSecret(record, prev) {
  const key = secretKey(core.config.prefix), stored = core.storage.get(key);
  if (prev && prev.id == record.id && isSecret(stored)) return stored;
  const secret = hex(crypto.getRandomValues(new Uint8Array(32)));
  return core.storage.set(key, secret) ? secret : null;
}

// The receipt's proof: the SHA-256 of the secret as hex, or null (no secret, or no
// crypto.subtle: a page that is not a secure context sends receipts without one).
async function proof(secret) {
  try {
    return secret && hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret))));
  } catch (e) {
    return null;
  }
}

