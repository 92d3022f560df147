// Purpose: the game app's benchmarks (figures, not pass/fail tests), in headless
// Chromium against serve.py on 127.0.0.1:
//   - download: bytes over the wire for a first visit to the game page (gzip as served);
//   - time to first interactive frame after navigation (the app's "astradia:ready",
//     input handlers live from that frame), median of 10 fresh visits;
//   - frame cost: CPU time per drawn frame while interacting (median / p99), as the
//     app measures it around its frame function;
//   - idle: frames drawn per second when nothing happens.
// Run: ./run bench app   (or node bench/app.bench.mjs after building wasm-release)
import { startServer, openPage, appState } from '../tests/browser/harness.mjs';

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const server = await startServer();
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

  // --- frame cost while interacting, then idle ---
  const s = await openPage(server.origin);
  await s.page.goto(server.origin + '/');
  await s.page.waitForSelector('html[data-app="running"]');
  for (let i = 0; i < 240; i++) {
    await s.page.mouse.move(100 + (i * 7) % 1000, 100 + (i * 13) % 600);
    if (i % 60 === 30) await s.page.mouse.click(640, 420);
  }
  const played = await appState(s.page);
  const frames = [...played.frame_ms].sort((a, b) => a - b);
  await s.page.waitForTimeout(1000);
  const idle0 = (await appState(s.page)).frames;
  await s.page.waitForTimeout(3000);
  const idle1 = (await appState(s.page)).frames;
  await s.close();

  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  console.log('[bench] app (headless Chromium, software GL, 127.0.0.1)');
  console.log(`  download, first visit:       ${kb(bytes)} over the wire (${files.length} files)`);
  for (const [p, n] of files.sort((a, b) => b[1] - a[1])) console.log(`    ${p.padEnd(34)} ${kb(n)}`);
  console.log(`  first interactive frame:     median ${ready[4].toFixed(0)} ms of 10 (min ${ready[0].toFixed(0)}, max ${ready[9].toFixed(0)})`);
  console.log(`  frame cost while interacting: median ${quantile(frames, 0.5).toFixed(2)} ms, p99 ${quantile(frames, 0.99).toFixed(2)} ms over ${frames.length} frames`);
  console.log(`  idle:                        ${((idle1 - idle0) / 3).toFixed(2)} frames/s`);
  console.log('  reproduce: ./run bench app');
} finally {
  await server.stop();
}
