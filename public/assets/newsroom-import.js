// The Import page's progress, live. Without this script the page works as it is: the Refresh link
// shows how far the import has got. With it, the bar and its text follow the run every second, and
// once the run has ended the page is loaded again to show its report (or why it failed).
(function () {
  'use strict';
  var panel = document.querySelector('[data-import-run-url]');
  if (!panel || !window.fetch) return;
  var url = panel.getAttribute('data-import-run-url');
  // The bar's text in the page's language, from the server's catalogue ("{percent} %").
  var percentPattern = panel.getAttribute('data-import-percent') || '{percent} %';
  var bar = document.getElementById('import-progress');
  var text = document.getElementById('import-progress-text');
  var status = document.getElementById('import-status');
  var EVERY_MS = 1000;
  var failures = 0;

  function show(run) {
    if (bar) {
      if (run.total > 0) {
        bar.max = run.total;
        bar.value = Math.min(run.done, run.total);
        bar.textContent = percentPattern.replace('{percent}', String(run.percent));
      } else if (run.status === 'finished') {
        bar.max = 1;
        bar.value = 1;
      } else {
        bar.removeAttribute('value');
      }
    }
    if (text) text.textContent = run.progressText;
    // A live region: only a change of status is announced, not every step of the count.
    if (status && status.textContent !== run.statusText) status.textContent = run.statusText;
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (run) {
        failures = 0;
        show(run);
        if (run.status === 'finished' || run.status === 'failed') {
          // Long enough to see the bar full, then the report.
          setTimeout(function () {
            window.location.replace(run.pageUrl);
          }, 600);
          return;
        }
        setTimeout(poll, EVERY_MS);
      })
      .catch(function () {
        // The server restarting, a dropped connection: ask again, less and less often.
        failures += 1;
        setTimeout(poll, Math.min(30000, EVERY_MS * Math.pow(2, failures)));
      });
  }

  setTimeout(poll, EVERY_MS);
})();
