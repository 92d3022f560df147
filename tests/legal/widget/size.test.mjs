// Purpose: the widget's size budget: what a page must load to show the banner (the built
// core script) stays at or under 8 KB gzip -9, measured like `./run bench widget` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('the core script is at most 8192 bytes gzip -9; the dialogs load separately', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'astradia-widget-'));
  try {
    execFileSync(process.execPath, [path.join(REPO, 'legal', 'widget', 'build.mjs'), '--out', out], { stdio: 'pipe' });
    const gz = (f) => execFileSync('gzip', ['-9', '-n', '-c', path.join(out, f)]).length;
    const core = gz('astradia-legal.js');
    assert.ok(core <= 8192, `astradia-legal.js is ${core} B gzip -9 (budget 8192 B)`);
    const ui = readFileSync(path.join(out, 'astradia-legal-ui.js'), 'utf8');
    assert.match(ui, /export\s*\{|export /, 'the second part is an ES module');
    assert.ok(!readFileSync(path.join(out, 'astradia-legal.js'), 'utf8').includes('Save choices'), 'dialogs are not in the core');
  } finally { rmSync(out, { recursive: true, force: true }); }
});
