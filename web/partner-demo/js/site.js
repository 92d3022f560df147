// Purpose: the example studio's only page script: shows the showreel's consent notice until
// personalised ads are allowed (the widget then loads the iframe itself).
'use strict';
(function showreel() {
  const sync = () => {
    const on = !!(window.AstradiaLegal && window.AstradiaLegal.has('ads'));
    document.documentElement.classList.toggle('showreel-on', on);
  };
  document.addEventListener('astradia-legal:change', sync);
  sync();
})();
