// Purpose: the JavaScript side of the web bridge (an Emscripten --js-library).
// Each function is documented with the C++ signature it implements; the C++ side
// is shell/web/bridge.cpp. Keep this file small and free of game logic.
'use strict';

mergeInto(LibraryManager.library, {
  // void astradia_js_report_first_frame(void)
  // Marks the page as running: <html data-app="running"> and event "astradia:ready".
  astradia_js_report_first_frame: function () {
    document.documentElement.dataset.app = 'running';
    window.dispatchEvent(new CustomEvent('astradia:ready'));
  },

  // int astradia_js_prefers_dark(void)
  // 1 when the page's colour scheme preference is dark, else 0.
  astradia_js_prefers_dark: function () {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },
});
