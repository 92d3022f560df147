// Purpose: the studio's visit counter (statistics): runs only after consent, keeps an anonymous
// visit count on this device; the widget removes its key and cookie when consent is withdrawn.
'use strict';
(function count() {
  try {
    const visits = Number(localStorage.getItem('nw.stats.visits') || 0) + 1;
    localStorage.setItem('nw.stats.visits', String(visits));
  } catch (e) { /* storage blocked: count nothing */ }
  document.cookie = 'nw_visit=1;path=/;max-age=1800;samesite=lax';
  window.northwindStats = true;
})();
