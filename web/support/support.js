// Purpose: the support form's technical details: fills the read-only box with what the form would
// attach (the page's language, the browser's own description, the screen size, and the game's
// version and puzzle when the game's link named them), so the player sees it before sending. The
// server keeps the details only when the player ticks "attach". No data leaves the page otherwise.
'use strict';
(function () {
  const box = document.getElementById('s-details');
  if (!box || box.value) return;
  const from = new URLSearchParams(window.location.search);
  const lines = [];
  const version = from.get('version');
  const puzzle = from.get('puzzle');
  if (version && /^[0-9A-Za-z.+-]{1,40}$/.test(version)) lines.push('Game: Astradia ' + version);
  if (puzzle && /^[0-9A-Za-z:#/_-]{1,80}$/.test(puzzle)) lines.push('Puzzle: ' + puzzle);
  lines.push('Browser: ' + navigator.userAgent);
  lines.push('Screen: ' + window.screen.width + 'x' + window.screen.height + ' @' + window.devicePixelRatio);
  lines.push('Language: ' + document.documentElement.lang);
  box.value = lines.join('\n').slice(0, 1000);
})();
