// Purpose: the studio's remarketing tag (personalised ads): runs only after consent and
// remembers which services a visitor looked at.
'use strict';
(function remember() {
  const seen = [...document.querySelectorAll('#services h3')].map((h) => h.textContent);
  try { localStorage.setItem('nw.ads.interests', JSON.stringify(seen)); } catch (e) { /* blocked */ }
  document.cookie = 'nw_rt=1;path=/;max-age=2592000;samesite=lax';
  window.northwindRemarketing = true;
})();
