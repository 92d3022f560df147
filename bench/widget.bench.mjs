// Purpose: the legal widget's timing benchmark (figures, not a test). In each round, one fresh
// first visit (1280x800, headless Chromium, a new profile) to every page as shipped, to the same
// page with the widget's <script> tag removed, and to a blank page, in rotating order, so that
// the three see the same machine load. Per visit: first contentful paint, the frame in which the
// banner first shows (frames are timed with a requestAnimationFrame loop: the banner is in the
// first frame that starts after the widget inserted it), cumulative layout shift, long tasks
// (Long Tasks API, buffered) and a trace of the renderer's main thread (its tasks, rendering
// included, V8 CPU-profile samples, synchronous IPC), which tells whose work each task over 50 ms
// held. Prints medians. Used by `./run bench widget`.
// Attribution: the widget's time in a task is the wall time covered by its own trace events
// (evaluating or compiling its two files, calls into them) and by profile samples with one of
// its files on the stack (promise callbacks, and the style or layout its calls force), except
// style and layout forced inside a requestAnimationFrame callback: that is the frame's own
// work, done at its start instead of right after the callbacks. A task over 50 ms is the
// widget's when its widget part alone is over 50 ms, or the rest is not.
// Usage: node bench/widget.bench.mjs [--runs N] [--plain-defer] [PAGE...]
//   (default pages: /partner-demo/ /; --plain-defer adds each page with plain defer instead
//   of defer blocking="render", the comparison behind docs/DECISIONS.md's render-blocking entry)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPage } from '../tests/browser/harness.mjs';
import { startLegalServer } from '../tests/browser/legal-fixtures.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 10;
const plainAt = args.indexOf('--plain-defer');
const PLAIN = plainAt >= 0 && !!args.splice(plainAt, 1);
const PAGES = args.length ? args : ['/partner-demo/', '/'];
const BLANK = '/bench-blank.html';
const WIDGET = /\/widget\/astradia-legal(-[a-z]+)?\.js/;
const LONG = 50;                                            // ms, the Long Tasks API's threshold
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler', 'mojom'].join(',');

// Installed before any page script: collects paint, layout shifts, long tasks and the banner's
// first frame; the mark ties the page's clock to the trace's.
const OBSERVE = () => {
  performance.mark('astradia-bench-origin');
  const p = window.__perf = { paint: {}, cls: 0, long: [], inserted: null, frames: [] };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { p.paint[e.name] = e.startTime; })).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) p.cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => p.long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  const frame = () => { p.frames.push(performance.now()); if (p.frames.length < 400) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  new MutationObserver((_, mo) => {
    const host = document.querySelector('astradia-legal');
    if (!host || !host.shadowRoot || !host.shadowRoot.querySelector('.banner')) return;
    mo.disconnect();
    p.inserted = performance.now();
  }).observe(document, { childList: true, subtree: true });
};

// --- the trace: the page's main thread, its tasks, and the widget's share of each -------------

// Sorted, merged [start, end] intervals and the length of their overlap with [a, b].
function merge(intervals) {
  const out = [];
  for (const [s, e] of intervals.sort((x, y) => x[0] - y[0])) {
    if (out.length && s <= out.at(-1)[1]) out.at(-1)[1] = Math.max(out.at(-1)[1], e);
    else out.push([s, e]);
  }
  return out;
}
// Merged intervals minus merged intervals.
function subtract(from, cut) {
  const out = [];
  for (let [s, e] of from) {
    for (const [a, b] of cut) {
      if (b <= s || a >= e) continue;
      if (a > s) out.push([s, a]);
      s = Math.max(s, b);
      if (s >= e) break;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}
const overlap = (merged, a, b) => merged.reduce((t, [s, e]) => t + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);

// Everything the figures need from one trace (times in ms of the page's clock).
function readTrace(events, markStart) {
  // The page's mark, on its renderer's main thread (an iframe's document, or the blank document
  // before the navigation, has a mark and a clock of its own).
  const marks = events.filter((e) => e.name === 'astradia-bench-origin');
  const mark = marks.find((e) => Math.abs(e.args.data.startTime - markStart) < 0.01);
  if (!mark) throw new Error(`the page's clock mark (${markStart}) is not in the trace: ${marks.map((e) => e.args.data.startTime).join(', ')}`);
  const { pid, tid } = mark;
  const origin = mark.ts - markStart * 1000;                 // trace µs at the page's time 0
  const ms = (ts) => (ts - origin) / 1000;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');

  // The widget's own trace events: evaluating and compiling its files, calls into them.
  const url = (e) => e.args?.data?.url || e.args?.beginData?.url || e.args?.data?.sourceURL || '';
  const widget = main.filter((e) => WIDGET.test(url(e))).map((e) => [ms(e.ts), ms(e.ts + e.dur)]);
  // CPU-profile samples of this thread with a widget file on the stack.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (profile) {
    const nodes = new Map();
    let t = profile.args.data.startTime;
    for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)) {
      const p = c.args.data.cpuProfile || {};
      for (const n of p.nodes || []) nodes.set(n.id, n);
      (p.samples || []).forEach((id, k) => {
        const dt = c.args.data.timeDeltas[k];
        t += dt;
        let n = nodes.get(id), mine = false;
        while (n && !(mine = WIDGET.test(n.callFrame.url))) n = nodes.get(n.parent);
        if (mine && dt > 0) widget.push([ms(t - dt), ms(t)]);
      });
    }
  }
  // Style and layout that a requestAnimationFrame callback forces are the frame's own: it
  // computes them right after its callbacks anyway (elsewhere, forced work is the caller's).
  const inFrame = main.filter((e) => e.name === 'FireAnimationFrame');
  const frameForced = merge(main.filter((e) => ['UpdateLayoutTree', 'Layout'].includes(e.name)
    && inFrame.some((f) => e.ts >= f.ts && e.ts + e.dur <= f.ts + f.dur)).map((e) => [ms(e.ts), ms(e.ts + e.dur)]));
  const mine = subtract(merge(widget), frameForced);
  // Synchronous IPC (the only mojom events on the main thread): the thread waits for the browser
  // process (localStorage, storage permission, font matching), in wall time.
  const ipc = merge(main.filter((e) => e.cat === 'mojom' && e.dur > 0).map((e) => [ms(e.ts), ms(e.ts + e.dur)]));

  // Top-level tasks of the main thread (RunTask), rendering tasks included.
  const tasks = [];
  for (const e of main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts)) {
    const start = ms(e.ts), end = ms(e.ts + e.dur);
    if (end <= 0 || (tasks.length && start < tasks.at(-1).end)) continue;   // before navigation; nested
    tasks.push({ start, end, dur: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000, widget: overlap(mine, start, end), ipc: overlap(ipc, start, end) });
  }
  const boot = main.find((e) => e.name === 'EvaluateScript' && /astradia-legal\.js/.test(url(e)));
  const forced = boot ? main.filter((e) => ['UpdateLayoutTree', 'Layout'].includes(e.name) && e.ts >= boot.ts && e.ts + e.dur <= boot.ts + boot.dur) : [];
  return {
    tasks,
    widgetTotal: overlap(mine, -Infinity, Infinity),
    frameForced: overlap(subtract(frameForced, subtract(frameForced, merge(widget))), -Infinity, Infinity),
    bootWall: boot ? boot.dur / 1000 : NaN,
    bootCpu: boot ? (boot.tdur ?? boot.dur) / 1000 : NaN,
    bootForcedCpu: forced.reduce((t, e) => t + (e.tdur ?? e.dur) / 1000, 0),
    bootIpc: boot ? overlap(ipc, ms(boot.ts), ms(boot.ts + boot.dur)) : NaN,
  };
}

// The trace task a Long Tasks API entry is (the one it overlaps most).
function taskOf(tasks, [start, dur]) {
  let best = null, most = 0;
  for (const t of tasks) {
    const o = Math.min(start + dur, t.end) - Math.max(start, t.start);
    if (o > most) { most = o; best = t; }
  }
  return best || { start, end: start + dur, dur, cpu: NaN, widget: 0 };
}

// A task over 50 ms is the widget's when its part alone is over 50 ms, or the rest is not.
const widgets = (t) => t.dur > LONG && (t.widget > LONG || t.dur - t.widget <= LONG);

// --- visits ------------------------------------------------------------------------------------

// One fresh first visit. kind: 'shipped' | 'plain' (blocking="render" removed) | 'without'
// (the widget's tag removed) | 'blank'. Every document goes through the same interception, so
// the variants pay the same for it.
async function visit(env, page, kind) {
  const s = await openPage(env.origin, { width: 1280, height: 800, initScript: OBSERVE });
  try {
    const pageUrl = env.origin + page;
    await s.page.route(pageUrl, async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      if (kind === 'plain') body = body.replace(' blocking="render"', '');
      if (kind === 'without') {
        body = body.replace(/<script\b[^>]*\bsrc="[^"]*astradia-legal\.js"[\s\S]*?<\/script>\s*/, '');
        if (body.includes('astradia-legal.js')) throw new Error('the widget tag is still in ' + page);
      }
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-encoding': 'identity' } });
    });
    const cdp = await s.context.newCDPSession(s.page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await s.page.goto(pageUrl);
    const widget = kind === 'shipped' || kind === 'plain';
    await s.page.waitForFunction((w) => 'first-contentful-paint' in window.__perf.paint && (!w || window.__perf.inserted !== null),
      widget, { timeout: 30000 });
    await s.page.waitForTimeout(1500);                     // let late shifts and long tasks show up
    const perf = await s.page.evaluate(() => ({
      ...window.__perf, mark: performance.getEntriesByName('astradia-bench-origin')[0].startTime,
      hasWidget: !!document.querySelector('astradia-legal'),
    }));
    await cdp.send('Tracing.end');
    await traced;
    if (perf.hasWidget !== widget) throw new Error(`${kind} visit of ${page}: widget ${perf.hasWidget ? 'present' : 'absent'}`);
    const trace = readTrace(events, perf.mark);
    const long = perf.long.map((l) => ({ ...taskOf(trace.tasks, l), api: l[1] }));
    return { ...perf, ...trace, long, traceLong: trace.tasks.filter((t) => t.dur > LONG) };
  } finally { await s.close(); }
}

// --- figures -------------------------------------------------------------------------------------

function frames(r) {
  const fcp = r.paint['first-contentful-paint'];
  const fcpFrame = r.frames.filter((f) => f <= fcp).at(-1) ?? r.frames[0];
  const bannerFrame = r.frames.find((f) => f >= r.inserted);
  return { fcp, after: Math.max(0, bannerFrame - fcpFrame), withFcp: bannerFrame <= fcpFrame };
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => x.toFixed(1) + ' ms';
const r0 = (x) => Math.round(x);
// "median 0 (3 in 10 visits: 57, 61, 74 ms)" for a per-visit list of task lists.
const perVisit = (runs, pick) => {
  const lists = runs.map(pick), all = lists.flat();
  return `median ${median(lists.map((l) => l.length))}` + (all.length ? ` (${all.length} in ${runs.length} visits: ${all.map((t) => r0(t.dur)).join(', ')} ms)` : '');
};
const described = (ts) => ts.map((t) => `${r0(t.dur)} (widget ${t.widget.toFixed(1)}, CPU ${r0(t.cpu)}, IPC ${r0(t.ipc)})`).join(', ') || 'none';

function report(page, kind, runs, without, blank) {
  const f = runs.map(frames);
  const label = kind === 'plain' ? 'with plain defer' : 'as shipped (defer blocking="render")';
  console.log(`  ${page}  ${label}  (${runs.length} fresh visits, medians; interleaved with the page without the widget's tag and a blank page)`);
  console.log(`    first contentful paint       ${ms(median(f.map((x) => x.fcp)))} (without the widget ${ms(median(without.map((r) => r.paint['first-contentful-paint'])))}, blank page ${ms(median(blank.map((r) => r.paint['first-contentful-paint'])))})`);
  console.log(`    banner inserted              ${ms(median(runs.map((r) => r.inserted)))}`);
  console.log(`    banner painted with FCP      ${f.filter((x) => x.withFcp).length} of ${runs.length} visits`);
  console.log(`    banner frame after FCP frame ${ms(median(f.map((x) => x.after)))}  (max ${ms(Math.max(...f.map((x) => x.after)))}; goal <= 25 ms)`);
  console.log(`    cumulative layout shift      ${Math.max(...runs.map((r) => r.cls))} (largest of ${runs.length}; goal 0)`);
  console.log(`    widget start-up script       ${ms(median(runs.map((r) => r.bootWall)))} wall (max ${ms(Math.max(...runs.map((r) => r.bootWall)))}), ${ms(median(runs.map((r) => r.bootCpu)))} CPU (max ${ms(Math.max(...runs.map((r) => r.bootCpu)))}); in it, style and layout it forced ${ms(median(runs.map((r) => r.bootForcedCpu)))} CPU, waiting on synchronous IPC to the browser (storage) ${ms(median(runs.map((r) => r.bootIpc)))} wall (max ${ms(Math.max(...runs.map((r) => r.bootIpc)))})`);
  console.log(`    widget, all its main-thread work ${ms(median(runs.map((r) => r.widgetTotal)))} wall; its largest part of one task ${ms(median(runs.map((r) => Math.max(0, ...r.tasks.map((t) => t.widget)))))} (max ${ms(Math.max(...runs.flatMap((r) => r.tasks.map((t) => t.widget))))}); not counted: the style its first-frame callback has the frame compute at its start, ${ms(median(runs.map((r) => r.frameForced)))}`);
  console.log('    long tasks over 50 ms per visit, Long Tasks API:');
  console.log(`      with the widget            ${perVisit(runs, (r) => r.long)}`);
  console.log(`      without the widget's tag   ${perVisit(without, (r) => r.long)}`);
  console.log(`      blank page                 ${perVisit(blank, (r) => r.long)}`);
  console.log('    main-thread tasks over 50 ms per visit, from the trace (every task, rendering included; the API reports only some):');
  console.log(`      with the widget            ${perVisit(runs, (r) => r.traceLong)}`);
  console.log(`      without the widget's tag   ${perVisit(without, (r) => r.traceLong)}`);
  console.log(`      blank page                 ${perVisit(blank, (r) => r.traceLong)}`);
  const touched = runs.flatMap((r) => r.traceLong.filter((t) => t.widget > 0));
  const theirs = runs.flatMap((r) => r.traceLong.filter(widgets));
  console.log(`    tasks over 50 ms with widget work in them  ${described(touched)}  (ms: wall; the widget's part, thread CPU, synchronous IPC)`);
  console.log(`    ...attributable to the widget              ${theirs.length} in ${runs.length} visits${theirs.length ? ': ' + described(theirs) : ''}  (goal 0; the widget's: its part over 50 ms, or the rest not)`);
}

const env = await startLegalServer();
try {
  writeFileSync(path.join(env.root, BLANK.slice(1)), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>\n<body><p>A blank page.</p></body></html>\n');
  const variants = [...PAGES.flatMap((p) => [[p, 'shipped'], [p, 'without'], ...(PLAIN ? [[p, 'plain']] : [])]), [BLANK, 'blank']];
  const results = new Map(variants.map((v) => [v.join(' '), []]));
  for (let i = 0; i < RUNS; i++) {
    const order = [...variants.slice(i % variants.length), ...variants.slice(0, i % variants.length)];
    for (const [page, kind] of order) {
      let r;
      try { r = await visit(env, page, kind); } catch (e) {          // once more, and say so
        console.log(`  (a ${kind} visit of ${page} was repeated: ${e.message.split('\n')[0]})`);
        r = await visit(env, page, kind);
      }
      results.get(page + ' ' + kind).push(r);
    }
  }
  const blank = results.get(BLANK + ' blank');
  for (const page of PAGES) {
    for (const kind of PLAIN ? ['shipped', 'plain'] : ['shipped']) report(page, kind, results.get(page + ' ' + kind), results.get(page + ' without'), blank);
  }
  console.log(`  reproduce: node bench/widget.bench.mjs --runs ${RUNS}${PLAIN ? ' --plain-defer' : ''} ${PAGES.join(' ')}   (after ./run bench widget built the site)`);
} finally {
  await env.stop();
}
