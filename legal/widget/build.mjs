// Purpose: builds the legal widget from legal/widget/src into the three files the site
// ships: astradia-legal.js (the core, one classic script: core.mjs + record.mjs + core.css),
// astradia-legal-decide.js (an ES module the core imports while the banner is shown: decide.mjs
// + what it needs from record.mjs) and astradia-legal-ui.js (an ES module imported on first use
// of a dialog, a document or a form: ui.mjs + what it needs from record.mjs + ui.css), minified
// with terser. Prints raw and gzip -9 sizes.
// Usage: node legal/widget/build.mjs --out DIR [--no-minify]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(HERE, 'src');
const require = createRequire(path.join(HERE, '..', '..', 'package.json'));

function fail(message) {
  console.error('build.mjs: ' + message);
  process.exit(1);
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
if (outIndex < 0 || !args[outIndex + 1]) fail('usage: node legal/widget/build.mjs --out DIR [--no-minify]');
const OUT = path.resolve(args[outIndex + 1]);
const MINIFY = !args.includes('--no-minify');

const read = (name) => readFileSync(path.join(SRC, name), 'utf8');

// Comments and needless whitespace out of a stylesheet we write ourselves (no strings
// or url()s that hold those characters, which this checks).
function minifyCss(css) {
  const strings = css.replace(/\/\*[\s\S]*?\*\//g, '').match(/"[^"]*"|'[^']*'/g) || [];
  if (strings.some((s) => /[{};,>]|\s\s/.test(s))) fail('CSS strings holding { } ; , > or double spaces are not supported');
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1').replace(/([{;][\w-]+:) /g, '$1').replace(/;}/g, '}').trim();
}

// record.mjs pasted into the importing file's scope, its `export`s dropped: terser can then
// inline its small functions and drop what the file does not use. Refuses a name declared at
// the top level of both files, and a name imported that record.mjs does not export.
function inlineRecord(source, file) {
  const m = source.match(/^import\s*\{([^}]*)\}\s*from\s*'\.\/record\.mjs';\s*$/m);
  if (!m) return source;
  const names = m[1].split(',').map((s) => s.trim()).filter(Boolean);
  const record = read('record.mjs');
  const topLevel = (text) => new Set([...text.matchAll(/^(?:export )?(?:async )?(?:function|const|let|class) (\w+)/gm)].map((x) => x[1]));
  const exported = new Set([...record.matchAll(/^export (?:function|const|let) (\w+)/gm)].map((x) => x[1]));
  for (const n of names) if (!exported.has(n)) fail(`${file} imports ${n}, which record.mjs does not export`);
  const own = topLevel(source), shared = [...topLevel(record)].filter((n) => own.has(n));
  if (shared.length) fail(`${file} and record.mjs both declare ${shared.join(', ')} at the top level`);
  if (/^import /m.test(source.replace(m[0], ''))) fail(`${file}: only one import, from ./record.mjs, is supported`);
  return source.replace(m[0], () => record.replace(/^export /gm, ''));
}

function withCss(source, placeholder, cssFile) {
  if (!source.includes(`'${placeholder}'`)) fail(`the placeholder '${placeholder}' is missing`);
  return source.replace(`'${placeholder}'`, () => JSON.stringify(minifyCss(read(cssFile))));
}

async function minify(code, module) {
  if (!MINIFY) return code;
  const { minify: terser } = require('terser');
  const result = await terser(code, {
    ecma: 2020, module, toplevel: module,
    // record.mjs's rule builders have no side effects, so the rules a part does not use go too.
    compress: { passes: 2, pure_getters: true, pure_funcs: ['matches', 'oneOf'] },
    mangle: true,
    format: { comments: false, ascii_only: false },
  });
  return result.code;
}

const core = `(() => {\n'use strict';\n${withCss(inlineRecord(read('core.mjs'), 'core.mjs'), '__CORE_CSS__', 'core.css')}\n})();\n`;
const decide = inlineRecord(read('decide.mjs'), 'decide.mjs');
const ui = withCss(inlineRecord(read('ui.mjs'), 'ui.mjs'), '__UI_CSS__', 'ui.css');

const outputs = {
  'astradia-legal.js': '/* Astradia legal widget, core (built from legal/widget/src) */\n' + await minify(core, false) + '\n',
  'astradia-legal-decide.js': '/* Astradia legal widget, decisions (built from legal/widget/src) */\n' + await minify(decide, true) + '\n',
  'astradia-legal-ui.js': '/* Astradia legal widget, dialogs (built from legal/widget/src) */\n' + await minify(ui, true) + '\n',
};
mkdirSync(OUT, { recursive: true });
const sizes = [];
for (const [name, code] of Object.entries(outputs)) {
  writeFileSync(path.join(OUT, name), code);
  const bytes = Buffer.from(code);
  sizes.push(`${name} ${bytes.length} B (${gzipSync(bytes, { level: 9 }).length} B zlib -9; the budgets count gzip -9 -n)`);
}
console.log('widget: ' + sizes.join(', '));
