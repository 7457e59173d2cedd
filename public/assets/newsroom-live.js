// The live desk, quicker. Without this script the desk works as it is: the composer posts and the
// page comes back with the new update (or the refusal, the text kept). With it, the composer posts
// without a reload, is cleared once the update is in, and the list of updates is fetched again after
// each post and every 15 seconds while the tab is shown, so reporters at one story see each other's.
(function () {
  'use strict';
  var form = document.querySelector('[data-live-composer]');
  var list = document.getElementById('live-desk-updates');
  if (!window.fetch || !window.DOMParser || !window.FormData || !window.URLSearchParams) return;
  var status = document.getElementById('live-composer-status');
  var EVERY_MS = 15000;
  var busy = false;

  function say(text) {
    if (status) status.textContent = text || '';
  }

  // Only the newest page is refreshed (the list says so: an older page stays as it is); a control in the
  // list that has focus (an Edit link, a Delete button) is never pulled from under the keyboard.
  function refresh() {
    if (!list || !list.hasAttribute('data-live-refresh')) return Promise.resolve();
    return fetch(location.pathname, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live-desk-updates');
        if (!fresh || fresh.innerHTML === list.innerHTML) return;
        if (list.contains(document.activeElement)) return;
        list.innerHTML = fresh.innerHTML;
      })
      .catch(function () {
        // A dropped connection or a restart: the next round tries again.
      });
  }

  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      say(form.getAttribute('data-posting'));
      fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form)).toString(),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (data) {
              if (!response.ok) {
                var error = data && data.errors && data.errors[0];
                say((error ? error.message + ' ' : '') + form.getAttribute('data-failed'));
                return;
              }
              // The update is in: the box and the marks start again empty.
              form.querySelector('textarea').value = '';
              Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox]'), function (box) {
                box.checked = false;
              });
              say(data.notice || form.getAttribute('data-posted'));
              return refresh();
            });
        })
        .catch(function () {
          say(form.getAttribute('data-failed'));
        })
        .then(function () {
          busy = false;
        });
    });
  }

  setInterval(function () {
    if (!document.hidden && !busy) refresh();
  }, EVERY_MS);
})();
