// Purpose: the legal widget's timing benchmark (figures, not a test): for each page, N fresh
// first visits at 1280x800 in headless Chromium, measuring first contentful paint, the frame
// in which the banner first shows (rendering frames are timed with a requestAnimationFrame
// loop: the banner is in the first frame that starts after the widget inserted it), the
// cumulative layout shift, and long tasks (with Long Animation Frame attribution, to tell
// the widget's own from the page's). Prints medians. Used by `./run bench widget`.
// Each page is measured as shipped (the widget's tag has defer blocking="render") and, for
// comparison, with plain defer.
// Usage: node bench/widget.bench.mjs [--runs N] [PAGE...]   (default: /partner-demo/ /)
import { openPage } from '../tests/browser/harness.mjs';
import { startLegalServer } from '../tests/browser/legal-fixtures.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 10;
const PAGES = args.length ? args : ['/partner-demo/', '/'];

// Installed before any page script: collects paint, layout shifts, long tasks and the banner's first frame.
const OBSERVE = () => {
  const p = window.__perf = { paint: {}, cls: 0, long: [], widgetLong: [], inserted: null, frames: [] };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { p.paint[e.name] = e.startTime; })).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) p.cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => p.long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => {
    const mine = e.scripts.filter((s) => /astradia-legal/.test(s.sourceURL)).reduce((a, s) => a + s.duration, 0);
    if (e.blockingDuration > 0 && mine > 0) p.widgetLong.push(Math.round(e.duration) + ' (widget ' + Math.round(mine) + ')');
  })).observe({ type: 'long-animation-frame', buffered: true });
  const frame = () => { p.frames.push(performance.now()); if (p.frames.length < 400) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  new MutationObserver((_, mo) => {
    const host = document.querySelector('astradia-legal');
    if (!host || !host.shadowRoot || !host.shadowRoot.querySelector('.banner')) return;
    mo.disconnect();
    p.inserted = performance.now();
  }).observe(document, { childList: true, subtree: true });
};

// The start of the rendering frame that painted first contentful paint, and of the first
// frame after the banner was inserted (rAF callbacks run at the start of a frame's rendering).
function frames(r) {
  const fcp = r.paint['first-contentful-paint'];
  const fcpFrame = r.frames.filter((f) => f <= fcp).at(-1) ?? r.frames[0];
  const bannerFrame = r.frames.find((f) => f >= r.inserted);
  return { fcp, after: Math.max(0, bannerFrame - fcpFrame), withFcp: bannerFrame <= fcpFrame };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => x.toFixed(1) + ' ms';

const env = await startLegalServer();
try {
  for (const [page, plain] of PAGES.flatMap((p) => [[p, false], [p, true]])) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const s = await openPage(env.origin, { width: 1280, height: 800, initScript: OBSERVE });
      try {
        if (plain) {
          await s.page.route(env.origin + page, async (route) => {
            const response = await route.fetch();
            const body = (await response.text()).replace(' blocking="render"', '');
            await route.fulfill({ response, body, headers: { ...response.headers(), 'content-encoding': 'identity' } });
          });
        }
        const cdp = await s.context.newCDPSession(s.page);
        const events = [];
        cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
        const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
        await s.page.goto(env.origin + page);
        await s.page.waitForFunction(() => window.__perf.inserted !== null && 'first-contentful-paint' in window.__perf.paint, null, { timeout: 30000 });
        await s.page.waitForTimeout(1500);                   // let late shifts and long tasks show up
        await cdp.send('Tracing.end');
        await traced;
        const boot = events.find((e) => e.name === 'EvaluateScript' && /astradia-legal\.js/.test(JSON.stringify(e.args)));
        runs.push({ ...(await s.page.evaluate(() => window.__perf)), bootWall: boot ? boot.dur / 1000 : NaN, bootCpu: boot ? boot.tdur / 1000 : NaN });
      } finally { await s.close(); }
    }
    const f = runs.map(frames);
    const long = runs.flatMap((r) => r.long);
    console.log(`  ${page}  ${plain ? 'with plain defer' : 'as shipped (defer blocking="render")'}  (${RUNS} fresh visits, medians)`);
    console.log(`    first contentful paint       ${ms(median(f.map((x) => x.fcp)))}`);
    console.log(`    banner inserted              ${ms(median(runs.map((r) => r.inserted)))}`);
    console.log(`    banner painted with FCP      ${f.filter((x) => x.withFcp).length} of ${RUNS} visits`);
    console.log(`    banner frame after FCP frame ${ms(median(f.map((x) => x.after)))}  (max ${ms(Math.max(...f.map((x) => x.after)))}; goal <= 25 ms)`);
    console.log(`    widget start-up script       ${ms(median(runs.map((r) => r.bootWall)))} wall, ${ms(median(runs.map((r) => r.bootCpu)))} CPU (max ${ms(Math.max(...runs.map((r) => r.bootCpu)))} CPU)`);
    console.log(`    cumulative layout shift      ${Math.max(...runs.map((r) => r.cls))} (largest of ${RUNS}; goal 0)`);
    console.log(`    long tasks over 50 ms        ${long.length ? long.length + ' (' + long.join(', ') + ' ms)' : 'none'}`);
    console.log(`      ...with the widget in them ${runs.flatMap((r) => r.widgetLong).join(', ') || 'none'}`);
  }
} finally {
  await env.stop();
}
