// Purpose: starts the game when the browser can run it, and says plainly why not
// when it cannot (no WebAssembly, no WebGL 2, files that did not load, a failed start);
// shows how much of it has arrived; gives the canvas the keyboard once the consent banner
// is answered. Loaded with `defer` after astradia.js, which defines createAstradia(). The wasm
// file has a content-hashed name that the page gives on this script's tag (data-wasm).
'use strict';

(function boot() {
  const root = document.documentElement;
  const canvas = document.getElementById('canvas');
  const script = document.currentScript;
  const wasmName = (script && script.dataset.wasm) || 'astradia.wasm';  // a content-hashed name when given
  const ru = /^ru\b/i.test(navigator.language || '');

  const reasons = {
    webassembly: 'Your browser does not support WebAssembly, or it is turned off.',
    webgl2: 'Your browser does not offer WebGL 2: it may be turned off, or your graphics driver is blocked.',
    load: 'The game files did not load. Check your connection and reload the page.',
    start: 'The game could not start.',
  };

  function fail(kind, detail) {
    const reason = document.getElementById('unsupported-reason');
    reason.textContent = reasons[kind] + (detail ? ' (' + detail + ')' : '');
    document.getElementById('unsupported').hidden = false;
    root.dataset.app = 'unsupported';
    root.dataset.reason = kind;
  }

  // The share of the wasm received (its size is in the page: a compressing server gives only its own).
  const bar = document.getElementById('loading-progress');
  const label = document.getElementById('loading-text');
  const loading = ru ? 'Загрузка игры' : 'Loading the game';
  if (label) label.textContent = loading + '…';
  function progress(share) {
    if (!bar) return;
    bar.value = Math.round(share * 100);
    label.textContent = share >= 1 ? (ru ? 'Запуск…' : 'Starting…') : loading + ' ' + bar.value + ' %';
  }

  // Compiles the wasm as it streams in, like Emscripten, counting bytes.
  function instantiateWasm(imports, receive) {
    fetch(wasmName, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + wasmName);
      const total = (!response.headers.get('content-encoding') && Number(response.headers.get('content-length')))
        || Number(bar && bar.dataset.bytes) || 0;
      let received = 0;
      const counted = total && response.body && self.TransformStream
        ? new Response(response.body.pipeThrough(new TransformStream({
          transform(chunk, out) {
            received += chunk.byteLength;
            progress(Math.min(1, received / total));
            out.enqueue(chunk);
          },
        })), { headers: { 'Content-Type': 'application/wasm' } })
        : response;
      return WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(counted, imports)
        : counted.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
    }).then((result) => {
      progress(1);
      receive(result.instance, result.module);
    }, (error) => fail('load', error && error.message ? error.message : String(error)));
    return {};
  }

  // The keyboard is the game's unless the widget's banner or a dialog is up (checked a task
  // after each change of the widget, once it has redrawn).
  const legal = document.querySelector('astradia-legal');
  const shadow = legal && legal.shadowRoot;
  function focusGame() {
    if (root.dataset.app === 'unsupported' || (legal && legal.dataset.state === 'banner')) return;
    if (shadow && shadow.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    if (!active || active === document.body || (active === legal && !shadow.activeElement)) canvas.focus({ preventScroll: true });
  }
  const later = () => setTimeout(focusGame, 0);
  document.addEventListener('astradia-legal:change', later);
  if (shadow) new MutationObserver(later).observe(shadow, { childList: true });
  window.addEventListener('astradia:ready', focusGame, { once: true });

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('webassembly');
    return;
  }
  let gl = null;
  try {
    gl = document.createElement('canvas').getContext('webgl2');
  } catch (e) {
    gl = null;
  }
  if (!gl) {
    fail('webgl2');
    return;
  }
  const lose = gl.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();   // the probe's context is not needed any more

  if (typeof window.createAstradia !== 'function') {
    fail('load');
    return;
  }
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    fail('start', 'the graphics context was lost; reload the page');
  });
  // Offline play: once the game runs, a service worker keeps its files for next time.
  window.addEventListener('astradia:ready', () => {
    if ('serviceWorker' in navigator && window.isSecureContext) {
      navigator.serviceWorker.register('/sw.js').catch((error) => {
        console.warn('Astradia will not work offline: ' + error.message);
      });
    }
  }, { once: true });

  window.createAstradia({
    canvas,
    instantiateWasm,
    onAbort: (what) => fail('start', String(what)),
  }).catch((error) => fail('start', error && error.message ? error.message : String(error)));
})();
