// Purpose: the legal widget's bytes per visit, before and after (figures, not a test). The
// widget of a baseline commit (default: 95f0a98, the last one before issue 20 split the widget
// into three parts) is built with that commit's own build.mjs into a temporary folder; this
// tree's widget is the built site's. In each round, for both, interleaved, fresh headless
// Chromium profiles visit a page that carries the game page's own widget tag (its real
// configuration, without the game and its service worker) three ways: a first visit that answers
// the banner (Reject all), the same visitor coming back, and a first visit that opens the
// preferences. Counted: every widget file and legal JSON file the page fetched, at its gzip -9 -n
// size (what the figures count). Prints medians over the rounds.
// Usage: node bench/widget-bytes.bench.mjs [--runs N] [--baseline REF]   (after the site is built)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPage, REPO, SITE } from '../tests/browser/harness.mjs';
import { startLegalServer, widgetState } from '../tests/browser/legal-fixtures.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const RUNS = Number(option('--runs', 3));
const BASELINE = option('--baseline', '95f0a98');
const PAGE = '/bench-widget.html';
const WIDGET = /\/widget\/(astradia-legal[a-z-]*\.js)$/;
const COUNTED = /\/widget\/astradia-legal[a-z-]*\.js$|\/legal\/[^?]*\.json$/;
const IDLE = 4000;   // ms: the baseline fetched its second part when idle, at the latest 3 s after start

// The baseline's widget, built by its own build.mjs from its own sources: { 'astradia-legal.js': Buffer, … }.
function buildBaseline(ref) {
  const dir = mkdtempSync(path.join(tmpdir(), 'astradia-widget-baseline-'));
  try {
    const tar = execFileSync('git', ['-C', REPO, 'archive', ref, 'legal/widget', 'package.json'], { maxBuffer: 1 << 26 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync(process.execPath, [path.join(dir, 'legal', 'widget', 'build.mjs'), '--out', path.join(dir, 'out')], { stdio: 'pipe' });
    const files = {};
    for (const name of execFileSync('ls', [path.join(dir, 'out')], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
      files[name] = readFileSync(path.join(dir, 'out', name));
    }
    return files;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

const gzipped = new Map();   // content -> gzip -9 -n size
const gz = (buffer) => {
  const key = buffer.toString('base64');
  if (!gzipped.has(key)) gzipped.set(key, execFileSync('gzip', ['-9', '-n', '-c'], { input: buffer }).length);
  return gzipped.get(key);
};

// One visitor's visits in a fresh profile; `steps(page)` acts and returns the list of visits
// ({ name, files: { path: gzip size } }) by marking where each visit starts.
async function visitor(env, widgetFiles, steps) {
  const s = await openPage(env.origin, { width: 1280, height: 800 });
  const visits = [];
  try {
    await s.page.route('**/widget/astradia-legal*.js', (route) => {
      const name = new URL(route.request().url()).pathname.match(WIDGET)[1];
      const body = widgetFiles[name];
      if (!body) return route.fulfill({ status: 404, body: 'not in this variant' });
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    });
    s.page.on('requestfinished', async (request) => {
      const url = new URL(request.url());
      if (!COUNTED.test(url.pathname) || !visits.length) return;
      const body = WIDGET.test(url.pathname) ? widgetFiles[url.pathname.match(WIDGET)[1]] : readFileSync(path.join(env.root, url.pathname));
      visits.at(-1).files[url.pathname] = gz(body);
    });
    const mark = (name) => visits.push({ name, files: {} });
    await steps(s.page, mark);
    return visits;
  } finally { await s.close(); }
}

const SCENARIOS = [
  // A first visit that answers the banner, then the same visitor coming back.
  async (page, mark) => {
    mark('answers the banner');
    await page.goto(page.__origin + PAGE);
    await widgetState(page, 'banner');
    await page.waitForTimeout(IDLE);
    await page.click('.banner button:text-is("Reject all")');
    await widgetState(page, 'settled');
    await page.waitForTimeout(500);
    mark('comes back (choice stored)');
    await page.reload();
    await widgetState(page, 'settled');
    await page.waitForTimeout(IDLE);
  },
  // A first visit that opens the preferences.
  async (page, mark) => {
    mark('opens the preferences');
    await page.goto(page.__origin + PAGE);
    await widgetState(page, 'banner');
    await page.click('.banner button:text-is("Choose")');
    await page.waitForSelector('dialog.prefs[open]');
    await page.waitForTimeout(IDLE);
  },
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const B = (n) => Math.round(n).toLocaleString('en') + ' B';
const PART = { 'astradia-legal.js': 'core', 'astradia-legal-decide.js': 'decisions', 'astradia-legal-ui.js': 'dialogs' };

const baseline = buildBaseline(BASELINE);
const current = {};
for (const name of ['astradia-legal.js', 'astradia-legal-decide.js', 'astradia-legal-ui.js']) {
  current[name] = readFileSync(path.join(SITE, 'widget', name));
}
const env = await startLegalServer();
try {
  // The game page's widget tag (its real configuration), on a page without the game.
  const game = readFileSync(path.join(env.root, 'index.html'), 'utf8');
  const tag = game.match(/<script src="widget\/astradia-legal\.js"[\s\S]*?<\/script>/)[0].replace(/ integrity="[^"]*"/, '');
  writeFileSync(path.join(env.root, PAGE.slice(1)), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Bench</title>\n${tag}\n</head>\n<body><main><p>A page with the game page's widget.</p></main></body></html>\n`);
  const variants = { before: baseline, after: current };
  const results = { before: {}, after: {} };
  for (let i = 0; i < RUNS; i++) {
    for (const v of i % 2 ? ['after', 'before'] : ['before', 'after']) {
      for (const scenario of SCENARIOS) {
        const visits = await visitor(env, variants[v], async (page, mark) => { page.__origin = env.origin; await scenario(page, mark); });
        for (const { name, files } of visits) (results[v][name] = results[v][name] || []).push(files);
      }
    }
  }
  const sizes = (files, test) => Object.entries(files).filter(([p]) => test.test(p)).reduce((t, [, n]) => t + n, 0);
  const describe = (runs) => {
    const all = runs.map((f) => sizes(f, WIDGET));
    if (new Set(all).size > 1) console.log(`    (rounds differed: ${all.map(B).join(', ')})`);
    const scripts = median(all), json = median(runs.map((f) => sizes(f, /\.json$/)));
    const names = [...new Set(runs.flatMap((f) => Object.keys(f).filter((p) => WIDGET.test(p)).map((p) => p.match(WIDGET)[1])))];
    return { scripts, json, names };
  };
  console.log(`  bytes per visit, gzip -9 -n of what the page fetched (median of ${RUNS} rounds; before and after interleaved in each)`);
  console.log(`    before: the widget of ${BASELINE} (built by its own build.mjs); after: this tree's`);
  const pad = (s, n) => String(s).padEnd(n);
  console.log('    ' + pad('visit', 30) + pad('before: scripts', 19) + pad('after: scripts', 18) + 'legal JSON (both)');
  for (const name of Object.keys(results.after)) {
    const b = describe(results.before[name]), a = describe(results.after[name]);
    console.log('    ' + pad(name, 30) + pad(B(b.scripts), 19) + pad(B(a.scripts), 18) + B(a.json) + (a.json === b.json ? '' : ` (before ${B(b.json)})`));
    console.log('    ' + pad('', 30) + pad('(' + b.names.map((n) => PART[n]).join(' + ') + ')', 19) + pad('(' + a.names.map((n) => PART[n]).join(' + ') + ')', 18));
  }
  console.log('    (legal JSON: the documents\' manifest, fetched to record a decision or check a stored one)');
  console.log(`  reproduce: node bench/widget-bytes.bench.mjs --runs ${RUNS} --baseline ${BASELINE}   (after ./run bench widget built the site)`);
} finally {
  await env.stop();
}
