// Purpose: the support form's technical details: fills the read-only box with what the form would
// attach (the page's language, the browser's own description, the screen size, and the game's
// version and puzzle when the game's link named them), so the player sees it before sending. The
// server keeps the details only when the player ticks "attach". No data leaves the page otherwise.
// Also shows a claim's addressee and the partner's pre-trial claim only when they apply.
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

// A claim's addressee and the partner studio's pre-trial claim: shown only when they apply (a claim;
// a claim to the studio), and disabled when hidden so they are not sent. Without this script both
// stay visible and the server ignores what does not apply.
(function () {
  const form = document.getElementById('support-form');
  const claim = document.getElementById('s-claim');
  const pretrial = document.getElementById('s-pretrial');
  if (!form || !claim || !pretrial) return;
  const sync = function () {
    const kind = form.querySelector('input[name="kind"]:checked');
    const desk = form.querySelector('input[name="desk"]:checked');
    const isClaim = Boolean(kind && kind.value === 'claim');
    claim.hidden = claim.disabled = !isClaim;
    pretrial.hidden = pretrial.disabled = !(isClaim && desk && desk.value === pretrial.dataset.forDesk);
  };
  form.addEventListener('change', sync);
  sync();
})();
