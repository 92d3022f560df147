// Purpose: the game app's benchmarks (figures, not pass/fail tests), in headless
// Chromium against serve.py on 127.0.0.1:
//   - download: bytes over the wire for a first visit to the game page (gzip as served);
//   - time to first interactive frame after navigation (the app's "astradia:ready",
//     input handlers live from that frame), median of 10 fresh visits;
//   - frame cost: CPU time per drawn frame while playing (median / p99 / max), as the
//     app measures it around its frame function: Sudoku by keyboard, Bricks dragging;
//   - idle: frames drawn per second when nothing happens.
//   - the same first frame on the phone profile (390x844, DPR 3, touch), median of 10.
// Run: ./run bench app   (or node bench/app.bench.mjs after building wasm-release)
// With ASTRADIA_BENCH_BASELINE=DIR (another build's site folder) the first-frame visits
// alternate between that site and this one, phone and desktop, in one run, so the two
// builds are compared under the same load; the Sudoku keys' frame cost is also measured
// on both, three rounds in turn.
import { startServer, openPage, appState } from '../tests/browser/harness.mjs';

const PHONE = { width: 390, height: 844, scale: 3, touch: true };
const baselineRoot = process.env.ASTRADIA_BENCH_BASELINE || '';

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const server = await startServer();
const baseline = baselineRoot ? await startServer({ root: baselineRoot }) : null;

// One fresh visit: milliseconds from navigation to the app's first interactive frame.
async function firstFrame(origin, profile) {
  const s = await openPage(origin, {
    ...profile,
    initScript: () => {
      window.addEventListener('astradia:ready', () => { window.__readyAt = performance.now(); }, { once: true });
    },
  });
  try {
    await s.page.goto(origin + '/');
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    return await s.page.evaluate(() => window.__readyAt);
  } finally { await s.close(); }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const range = (list) => `${Math.min(...list).toFixed(0)} to ${Math.max(...list).toFixed(0)}`;

try {
  // --- download and time to first interactive frame ---
  const ready = [];
  let bytes = 0;
  let files = [];
  for (let run = 0; run < 10; run++) {
    const s = await openPage(server.origin, {
      initScript: () => {
        window.addEventListener('astradia:ready', () => { window.__readyAt = performance.now(); }, { once: true });
      },
    });
    const sizes = new Map();
    s.page.on('response', (r) => {
      const len = Number(r.headers()['content-length'] || 0);
      sizes.set(new URL(r.url()).pathname, len);
    });
    await s.page.goto(server.origin + '/');
    await s.page.waitForSelector('html[data-app="running"]', { timeout: 30000 });
    ready.push(await s.page.evaluate(() => window.__readyAt));
    if (run === 0) {
      await s.page.waitForTimeout(500);  // lazily loaded parts, if any
      files = [...sizes.entries()].filter(([p]) => !p.startsWith('/sw.js'));
      bytes = files.reduce((a, [, n]) => a + n, 0);
    }
    await s.close();
  }
  ready.sort((a, b) => a - b);

  // --- frame cost while playing, then idle ---
  // Each game is opened and left to settle (its first frame builds the board's digit
  // font), then played; only the frames drawn while playing are counted.
  const s = await openPage(server.origin);
  await s.page.goto(server.origin + '/');
  await s.page.waitForSelector('html[data-app="running"]');
  await s.page.evaluate(() => window.AstradiaLegal && window.AstradiaLegal.set({ statistics: false, ads: false }));
  const playedFrames = async (play) => {
    await s.page.waitForTimeout(500);
    const before = (await appState(s.page)).frames;
    await play();
    const after = await appState(s.page);
    const n = Math.min(after.frames - before, after.frame_ms.length);
    return after.frame_ms.slice(after.frame_ms.length - n);
  };
  await s.page.goto(server.origin + '/#sudoku/medium-7');
  await s.page.waitForFunction(() => window.astradia.state().screen === 'sudoku');
  const sudoku = await playedFrames(async () => {
    const keys = ['ArrowRight', 'ArrowDown', 'n', '3', '5', 'n', '7', 'Delete', 'ArrowLeft', '4', 'Control+z', 'Control+y'];
    for (let i = 0; i < 120; i++) await s.page.keyboard.press(keys[i % keys.length]);
  });
  await s.page.goto(server.origin + '/#bricks/7');
  await s.page.waitForFunction(() => window.astradia.state().screen === 'bricks');
  const bricks = await playedFrames(async () => {
    for (let round = 0; round < 3; round++) {
      const st = await appState(s.page);
      const slot = st.bricks.tray.findIndex((p) => p);
      const t = st.targets.find((x) => x.label === `piece ${slot + 1}`);
      const board = st.targets.find((x) => x.label === 'bricks-board');
      await s.page.mouse.move(t.x + t.w / 2, t.y + t.h / 2);
      await s.page.mouse.down();
      for (let i = 0; i < 60; i++) {
        await s.page.mouse.move(board.x + board.w * (0.1 + 0.8 * ((i * 7) % 60) / 60), board.y + board.h * (0.1 + 0.8 * ((i * 11) % 60) / 60));
      }
      await s.page.mouse.move(t.x + t.w / 2, t.y + t.h / 2);  // back to the tray: nothing placed
      await s.page.mouse.up();
    }
  });
  await s.page.waitForTimeout(1000);
  const idle0 = (await appState(s.page)).frames;
  await s.page.waitForTimeout(3000);
  const idle1 = (await appState(s.page)).frames;
  await s.close();
  const sorted = (a) => [...a].sort((x, y) => x - y);

  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  console.log('[bench] app (headless Chromium, software GL, 127.0.0.1)');
  console.log(`  download, first visit:       ${kb(bytes)} over the wire (${files.length} files)`);
  for (const [p, n] of files.sort((a, b) => b[1] - a[1])) console.log(`    ${p.padEnd(34)} ${kb(n)}`);
  console.log(`  first interactive frame:     median ${ready[4].toFixed(0)} ms of 10 (min ${ready[0].toFixed(0)}, max ${ready[9].toFixed(0)})`);
  for (const [name, list] of [['Sudoku (keys)', sudoku], ['Bricks (dragging)', bricks]]) {
    const f = sorted(list);
    console.log(`  frame cost, ${name.padEnd(18)} median ${quantile(f, 0.5).toFixed(2)} ms, p99 ${quantile(f, 0.99).toFixed(2)} ms, max ${f[f.length - 1].toFixed(2)} ms over ${f.length} frames`);
  }
  console.log(`  idle:                        ${((idle1 - idle0) / 3).toFixed(2)} frames/s`);

  // With a baseline: the same 120 Sudoku keys on each build, three rounds in turn.
  const sudokuKeys = async (origin) => {
    const p = await openPage(origin);
    try {
      await p.page.goto(origin + '/');
      await p.page.waitForSelector('html[data-app="running"]');
      await p.page.evaluate(() => window.AstradiaLegal && window.AstradiaLegal.set({ statistics: false, ads: false }));
      await p.page.goto(origin + '/#sudoku/medium-7');
      await p.page.waitForFunction(() => window.astradia.state().screen === 'sudoku');
      await p.page.waitForTimeout(500);
      const before = (await appState(p.page)).frames;
      const keys = ['ArrowRight', 'ArrowDown', 'n', '3', '5', 'n', '7', 'Delete', 'ArrowLeft', '4', 'Control+z', 'Control+y'];
      for (let i = 0; i < 120; i++) await p.page.keyboard.press(keys[i % keys.length]);
      const after = await appState(p.page);
      const n = Math.min(after.frames - before, after.frame_ms.length);
      return after.frame_ms.slice(after.frame_ms.length - n);
    } finally { await p.close(); }
  };
  if (baseline) {
    const base = [], mine = [];
    for (let round = 0; round < 3; round++) {
      base.push(...await sudokuKeys(baseline.origin));
      mine.push(...await sudokuKeys(server.origin));
    }
    for (const [name, list] of [['baseline', base], ['this build', mine]]) {
      const f = sorted(list);
      console.log(`  frame cost, Sudoku (keys), ${name.padEnd(10)} median ${quantile(f, 0.5).toFixed(2)} ms, p99 ${quantile(f, 0.99).toFixed(2)} ms, max ${f[f.length - 1].toFixed(2)} ms over ${f.length} frames (3 rounds in turn)`);
    }
  }

  // The phone's first frame; with a baseline, both builds visited in turn.
  const phone = [], phoneBase = [], desktopBase = [], desktop = [];
  for (let run = 0; run < 10; run++) {
    if (baseline) phoneBase.push(await firstFrame(baseline.origin, PHONE));
    phone.push(await firstFrame(server.origin, PHONE));
    if (baseline) desktopBase.push(await firstFrame(baseline.origin, {}));
    if (baseline) desktop.push(await firstFrame(server.origin, {}));
  }
  console.log(`  first frame, phone profile:  median ${median(phone).toFixed(0)} ms of 10 (${range(phone)})`);
  if (baseline) {
    console.log(`  interleaved with ${baselineRoot}:`);
    console.log(`    phone   baseline median ${median(phoneBase).toFixed(0)} ms (${range(phoneBase)}), this build ${median(phone).toFixed(0)} ms (${range(phone)})`);
    console.log(`    desktop baseline median ${median(desktopBase).toFixed(0)} ms (${range(desktopBase)}), this build ${median(desktop).toFixed(0)} ms (${range(desktop)})`);
  }
  console.log(`  reproduce: ${baseline ? `ASTRADIA_BENCH_BASELINE=${baselineRoot} ` : ''}./run bench app`);
} finally {
  await server.stop();
  if (baseline) await baseline.stop();
}
