// Purpose: starts the game when the browser can run it, and says plainly why not
// when it cannot (no WebAssembly, no WebGL 2, files that did not load, a failed start).
// Loaded with `defer` after astradia.js, which defines createAstradia(). The wasm file has a
// content-hashed name that the page gives on this script's tag (data-wasm).
'use strict';

(function boot() {
  const root = document.documentElement;
  const wasmName = document.currentScript && document.currentScript.dataset.wasm;
  const canvas = document.getElementById('canvas');

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
    locateFile: (file, dir) => dir + (file === 'astradia.wasm' && wasmName ? wasmName : file),
    onAbort: (what) => fail('start', String(what)),
  }).catch((error) => fail('start', error && error.message ? error.message : String(error)));
})();
