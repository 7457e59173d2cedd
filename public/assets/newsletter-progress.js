// A newsletter issue's delivery, live. Without this script the page works as it is: its Refresh
// link shows the counts anew. With it, the counts follow the mail queue every two seconds (the
// paragraph is an aria-live region, so a change is announced), and polling stops once every
// message has been sent or failed.
(function () {
  'use strict';
  var panel = document.querySelector('[data-newsletter-progress-url]');
  if (!panel || !window.fetch) return;
  var url = panel.getAttribute('data-newsletter-progress-url');
  var text = document.getElementById('newsletter-progress');
  var EVERY_MS = 2000;
  var failures = 0;

  function poll() {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      })
      .then(function (progress) {
        failures = 0;
        if (text && text.textContent !== progress.text) text.textContent = progress.text;
        if (progress.status === 'sent' && progress.queued === 0) return;
        setTimeout(poll, EVERY_MS);
      })
      .catch(function () {
        // A brief outage: keep trying, more slowly; the Refresh link still works.
        failures++;
        if (failures < 10) setTimeout(poll, EVERY_MS * (failures + 1));
      });
  }
  setTimeout(poll, EVERY_MS);
})();
