// Purpose: the JavaScript side of the web bridge (an Emscripten --js-library).
// Each function is documented with the C++ signature it implements; the C++ side is
// shell/web/bridge.cpp. Strings go to C++ through caller-owned buffers: a function
// returns the UTF-8 byte length it needs, and C++ calls again with a bigger buffer
// when that is more than it offered. Keep this file small and free of game logic.
'use strict';

mergeInto(LibraryManager.library, {
  // void astradia_js_report_first_frame(void)
  // Marks the page as running: <html data-app="running"> and event "astradia:ready".
  astradia_js_report_first_frame: function () {
    document.documentElement.dataset.app = 'running';
    window.dispatchEvent(new CustomEvent('astradia:ready'));
  },

  // int astradia_js_prefers_dark(void): 1 when the colour scheme preference is dark.
  astradia_js_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },

  // int astradia_js_prefers_more_contrast(void): 1 when prefers-contrast: more (or forced colours).
  astradia_js_prefers_more_contrast: function () {
    if (!window.matchMedia) return 0;
    return window.matchMedia('(prefers-contrast: more)').matches ||
      window.matchMedia('(forced-colors: active)').matches ? 1 : 0;
  },

  // int astradia_js_prefers_reduced_motion(void): 1 when prefers-reduced-motion: reduce.
  astradia_js_prefers_reduced_motion: function () {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
  },

  // int astradia_js_coarse_pointer(void): 1 when the main pointer is a finger (pointer: coarse).
  astradia_js_coarse_pointer: function () {
    return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
  },

  // int astradia_js_preferred_language(char* buf, int cap): navigator.language, e.g. "ru-RU".
  astradia_js_preferred_language: function (buf, cap) {
    const text = String(navigator.language || '');
    stringToUTF8(text, buf, cap);
    return lengthBytesUTF8(text);
  },

  // int astradia_js_store_available(void): 1 when localStorage can be written.
  astradia_js_store_available: function () {
    try {
      const probe = 'astradia.__probe';
      window.localStorage.setItem(probe, '1');
      window.localStorage.removeItem(probe);
      return 1;
    } catch (e) {
      return 0;
    }
  },

  // int astradia_js_store_read(const char* key, char* buf, int cap)
  // -1 when missing or unavailable, else the value's UTF-8 length (written when it fits).
  astradia_js_store_read: function (key, buf, cap) {
    let value = null;
    try {
      value = window.localStorage.getItem(UTF8ToString(key));
    } catch (e) {
      value = null;
    }
    if (value === null) return -1;
    stringToUTF8(value, buf, cap);
    return lengthBytesUTF8(value);
  },

  // int astradia_js_store_write(const char* key, const char* value)
  // 0 ok, 1 storage unavailable, 2 storage full, 3 other failure.
  astradia_js_store_write: function (key, value) {
    try {
      window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
      return 0;
    } catch (e) {
      const name = e && e.name;
      if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e && e.code === 22)) return 2;
      if (name === 'SecurityError' || name === 'InvalidAccessError') return 1;
      return 3;
    }
  },

  // void astradia_js_store_remove(const char* key)
  astradia_js_store_remove: function (key) {
    try {
      window.localStorage.removeItem(UTF8ToString(key));
    } catch (e) {
      // unavailable storage has nothing to remove
    }
  },

  // int astradia_js_location_hash(char* buf, int cap): the fragment without '#', decoded.
  astradia_js_location_hash: function (buf, cap) {
    let text = String(window.location.hash || '').replace(/^#/, '');
    try {
      text = decodeURIComponent(text);
    } catch (e) {
      // a malformed escape stays as typed; the app reports it as a bad link
    }
    stringToUTF8(text, buf, cap);
    return lengthBytesUTF8(text);
  },

  // void astradia_js_set_location_hash(const char* hash): replaces the fragment (no history entry).
  astradia_js_set_location_hash: function (hash) {
    const text = UTF8ToString(hash);
    const url = window.location.pathname + window.location.search + (text ? '#' + text : '');
    window.history.replaceState(null, '', url);
  },

  // void astradia_js_open_url(const char* url): same-origin or https links, in a new tab.
  astradia_js_open_url: function (url) {
    const target = new URL(UTF8ToString(url), window.location.href);
    if (target.origin !== window.location.origin && target.protocol !== 'https:') return;
    window.open(target.href, '_blank', 'noopener');
  },

  // int astradia_js_privacy_available(void): 1 when the legal widget (window.AstradiaLegal) is on the page.
  astradia_js_privacy_available: function () {
    return window.AstradiaLegal && typeof window.AstradiaLegal.open === 'function' ? 1 : 0;
  },

  // void astradia_js_open_privacy(void): opens the widget's privacy choices.
  astradia_js_open_privacy: function () {
    if (window.AstradiaLegal && typeof window.AstradiaLegal.open === 'function') window.AstradiaLegal.open();
  },

  // int astradia_js_consent_allows(const char* purpose): 1 when the legal widget says the
  // player allows that purpose now (AstradiaLegal.has), else 0 (also without the widget).
  astradia_js_consent_allows: function (purpose) {
    const legal = window.AstradiaLegal;
    return legal && typeof legal.has === 'function' && legal.has(UTF8ToString(purpose)) === true ? 1 : 0;
  },

  // void astradia_js_statistics_event(const char* json): queues one statistics event (a JSON
  // object with its "name") for the site's /api/events, only while the widget says the player
  // allows statistics; the queue goes out as one batch after a few seconds, at 20 events, or when
  // the page is hidden or left.
  astradia_js_statistics_event__deps: ['$astradiaStats'],
  astradia_js_statistics_event: function (json) {
    astradiaStats.add(UTF8ToString(json));
  },

  // int astradia_js_local_date(char* buf, int cap): today as YYYY-MM-DD in the local time zone.
  astradia_js_local_date: function (buf, cap) {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    const text = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
    stringToUTF8(text, buf, cap);
    return lengthBytesUTF8(text);
  },

  // void astradia_js_wake_after(double ms): one timer; a new request replaces the old one.
  astradia_js_wake_after__deps: ['$astradiaBridge'],
  astradia_js_wake_after: function (ms) {
    clearTimeout(astradiaBridge.timer);
    astradiaBridge.timer = setTimeout(() => _astradia_wake(), Math.max(0, ms));
  },

  // int astradia_js_clipboard_write(const char* text): 1 when the page has a clipboard to write.
  astradia_js_clipboard_write: function (text) {
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return 0;
    navigator.clipboard.writeText(UTF8ToString(text)).catch(() => {});
    return 1;
  },

  // int astradia_js_clipboard_request_read(void): 1 when a read was started; its text (or
  // its refusal) arrives as a host event (HostEvent host_pasted).
  astradia_js_clipboard_request_read__deps: ['$astradiaBridge'],
  astradia_js_clipboard_request_read: function () {
    if (!navigator.clipboard || typeof navigator.clipboard.readText !== 'function') return 0;
    navigator.clipboard.readText().then(
      (text) => astradiaBridge.paste(String(text)),
      () => astradiaBridge.paste(null));
    return 1;
  },

  // int astradia_js_take_pasted(char* buf, int cap): -1 when nothing was pasted, -2 when
  // a read was refused, else the text's UTF-8 length; the text is handed over (and
  // forgotten here) once it fits the buffer.
  astradia_js_take_pasted__deps: ['$astradiaBridge'],
  astradia_js_take_pasted: function (buf, cap) {
    const p = astradiaBridge.pasted;
    if (p === undefined) return -1;
    if (p === null) {
      astradiaBridge.pasted = undefined;
      return -2;
    }
    const n = lengthBytesUTF8(p);
    if (n + 1 <= cap) {
      stringToUTF8(p, buf, cap);
      astradiaBridge.pasted = undefined;
    }
    return n;
  },

  // int astradia_js_load_sound(int id, const float* samples, int count, int rate): keeps a copy
  // of a mono sound the app synthesised; 1 when the page can play sound (WebAudio) at all.
  astradia_js_load_sound__deps: ['$astradiaBridge'],
  astradia_js_load_sound: function (id, samples, count, rate) {
    if (!(window.AudioContext || window.webkitAudioContext)) return 0;
    astradiaBridge.sounds[id] = { data: HEAPF32.slice(samples >> 2, (samples >> 2) + count), rate, buffer: null };
    return 1;
  },

  // int astradia_js_play_sound(int id, double volume): plays a loaded sound at volume 0..1; the
  // AudioContext is made at the first play (after the player's first tap, so the browser lets
  // it run). 1 when it was started.
  astradia_js_play_sound__deps: ['$astradiaBridge'],
  astradia_js_play_sound: function (id, volume) {
    const sound = astradiaBridge.sounds[id];
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!sound || !Context) return 0;
    try {
      const ctx = astradiaBridge.audio || (astradiaBridge.audio = new Context());
      if (ctx.state === 'suspended') ctx.resume().catch(() => {});
      if (!sound.buffer) {
        sound.buffer = ctx.createBuffer(1, sound.data.length, sound.rate);
        sound.buffer.getChannelData(0).set(sound.data);
      }
      const source = ctx.createBufferSource();
      const gain = ctx.createGain();
      gain.gain.value = Math.max(0, Math.min(1, volume));
      source.buffer = sound.buffer;
      source.connect(gain).connect(ctx.destination);
      source.start();
      return 1;
    } catch (e) {
      return 0;  // no audio device, or the browser refused: the game goes on silently
    }
  },

  // void astradia_js_install(unsigned hash, unsigned theme, unsigned storage, unsigned hidden,
  //                          unsigned shown, unsigned pasted)
  // Once at start: host listeners that wake the loop or queue events (the arguments are
  // the C++ HostEvent bits, defined only there), touch input for the canvas, and the
  // read-only test hook window.astradia.
  astradia_js_install__deps: ['$astradiaBridge'],
  astradia_js_install: function (HASH, THEME, STORAGE, HIDDEN, SHOWN, PASTED) {
    astradiaBridge.PASTED = PASTED;
    const canvas = Module['canvas'];
    const event = (bits) => _astradia_host_event(bits);
    window.addEventListener('resize', () => _astradia_wake());
    window.addEventListener('hashchange', () => event(HASH));
    window.addEventListener('storage', () => event(STORAGE));
    document.addEventListener('astradia-legal:change', () => {
      astradiaStats.forget();
      astradiaStats.pageView();
      event(STORAGE);
    });
    astradiaStats.pageView();
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) astradiaStats.flush();
      event(document.hidden ? HIDDEN : SHOWN);
    });
    window.addEventListener('pagehide', () => astradiaStats.flush());
    for (const query of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)',
      '(prefers-reduced-motion: reduce)']) {
      const list = window.matchMedia ? window.matchMedia(query) : null;
      if (list && list.addEventListener) list.addEventListener('change', () => event(THEME));
    }
    // Touch: taken before Emscripten's GLFW sees it (capture on window runs first).
    const touch = (phase) => (e) => {
      if (e.target !== canvas) return;
      e.preventDefault();           // no scrolling, zooming or emulated mouse events
      e.stopPropagation();
      const t = e.changedTouches[0];
      if (!t) return;
      const r = canvas.getBoundingClientRect();
      const x = (t.clientX - r.left) * (canvas.width / r.width);
      const y = (t.clientY - r.top) * (canvas.height / r.height);
      _astradia_touch(phase, x, y, e.timeStamp);
    };
    const opts = { capture: true, passive: false };
    window.addEventListener('touchstart', touch(0), opts);
    window.addEventListener('touchmove', touch(1), opts);
    window.addEventListener('touchend', touch(2), opts);
    window.addEventListener('touchcancel', touch(3), opts);
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    // Ctrl+V / Cmd+V on the page (no permission needed), unless a field of the page (or
    // the legal widget, whose fields live in its shadow root) has the focus.
    document.addEventListener('paste', (e) => {
      const active = document.activeElement;
      if (active && active !== document.body && active !== canvas) return;
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (!text) return;
      e.preventDefault();
      astradiaBridge.paste(text);
    });
    const hook = Object.freeze({
      // The current screen and game state as a plain object (a copy: changing it changes nothing).
      state: () => JSON.parse(UTF8ToString(_astradia_state_json())),
    });
    Object.defineProperty(window, 'astradia', { value: hook, enumerable: true });
  },

  // The statistics queue: events with the time they happened (each is sent with its age in
  // milliseconds, so the device's clock does not matter), sent with navigator.sendBeacon to the
  // site's own origin as text/plain (no preflight). Consent is asked when an event comes and
  // again when the batch leaves; a withdrawal drops what is queued.
  $astradiaStats: {
    queue: [],
    timer: 0,
    allowed: function () {
      const legal = window.AstradiaLegal;
      return !!(legal && typeof legal.has === 'function' && legal.has('statistics') === true);
    },
    add: function (text) {
      if (!astradiaStats.allowed()) return;
      astradiaStats.queue.push([Date.now(), JSON.parse(text)]);
      if (astradiaStats.queue.length >= 20) astradiaStats.flush();
      else if (!astradiaStats.timer) astradiaStats.timer = setTimeout(astradiaStats.flush, 4000);
    },
    // The page's view, once per page load, as soon as statistics are allowed (at load, or when the
    // player allows them on this page): the path, the referring site's host (not its address), the
    // browser's language and a coarse screen class; nothing else about the browser.
    viewed: false,
    pageView: function () {
      if (astradiaStats.viewed || !astradiaStats.allowed()) return;
      astradiaStats.viewed = true;
      let ref = '';
      try {
        const from = document.referrer ? new URL(document.referrer) : null;
        if (from && from.origin !== window.location.origin) ref = from.hostname.toLowerCase();
      } catch (e) {
        ref = '';
      }
      if (!/^[a-z0-9]([a-z0-9.-]{0,98}[a-z0-9])?$/.test(ref) || ref.includes('..')) ref = '';
      const lang = String(navigator.language || '').slice(0, 2).toLowerCase();
      const width = window.innerWidth;
      astradiaStats.add(JSON.stringify({
        name: 'page_view', path: window.location.pathname.slice(0, 200), ref: ref,
        lang: /^[a-z]{2}$/.test(lang) ? lang : '',
        screen: width < 600 ? 'phone' : width < 1024 ? 'tablet' : 'desktop',
      }));
    },
    forget: function () {
      if (!astradiaStats.allowed()) astradiaStats.queue = [];
    },
    flush: function () {
      clearTimeout(astradiaStats.timer);
      astradiaStats.timer = 0;
      astradiaStats.forget();
      const now = Date.now();
      while (astradiaStats.queue.length && navigator.sendBeacon) {
        const events = astradiaStats.queue.splice(0, 20).map(([at, e]) => Object.assign(e, { age: Math.max(0, now - at) }));
        navigator.sendBeacon('/api/events', JSON.stringify({ v: 1, events: events }));
      }
    },
  },

  // Shared state: the wake timer, and the last pasted text (undefined: none; null: a
  // clipboard read was refused) with the function that hands it to the app. A puzzle is
  // short: longer text is cut (the app then reports its length as wrong).
  $astradiaBridge: {
    timer: 0,
    sounds: {},   // id -> { data: Float32Array, rate, buffer: AudioBuffer once made }
    audio: null,  // the AudioContext, made at the first play
    pasted: undefined,
    PASTED: 0,  // HostEvent host_pasted, given by astradia_js_install
    paste: function (text) {
      astradiaBridge.pasted = text === null ? null : text.slice(0, 16384);
      _astradia_host_event(astradiaBridge.PASTED);
    },
  },
});
