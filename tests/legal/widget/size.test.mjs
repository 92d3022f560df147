// Purpose: the widget's size budgets (issue 20), measured like `./run bench widget` does (gzip -9 -n of
// the built files): what every page loads (the core) stays at or under 7,500 B, and what a visit
// that only answers the banner loads (the core and the part that records decisions) at or under
// 9 KB; the dialogs are in a part of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('the core is at most 7,500 B gzip -9, core + decisions at most 9 KB; the dialogs load separately', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'astradia-widget-'));
  try {
    execFileSync(process.execPath, [path.join(REPO, 'legal', 'widget', 'build.mjs'), '--out', out], { stdio: 'pipe' });
    const gz = (f) => execFileSync('gzip', ['-9', '-n', '-c', path.join(out, f)]).length;
    const text = (f) => readFileSync(path.join(out, f), 'utf8');
    const core = gz('astradia-legal.js'), decide = gz('astradia-legal-decide.js');
    assert.ok(core <= 7500, `astradia-legal.js is ${core} B gzip -9 (budget 7,500 B)`);
    assert.ok(core + decide <= 9 * 1024, `a banner-only visit loads ${core} + ${decide} = ${core + decide} B gzip -9 (budget 9 KB)`);
    for (const f of ['astradia-legal-decide.js', 'astradia-legal-ui.js']) assert.match(text(f), /export\s*\{|export /, `${f} is an ES module`);
    assert.ok(!text('astradia-legal.js').includes('Save choices'), 'dialogs are not in the core');
    assert.ok(!text('astradia-legal-decide.js').includes('Save choices'), 'nor in the part that records decisions');
    assert.ok(text('astradia-legal-decide.js').includes('sendBeacon') && !text('astradia-legal.js').includes('sendBeacon'),
      'receipts are sent by the decisions part only');
  } finally { rmSync(out, { recursive: true, force: true }); }
});
