// The story editor's progressive enhancement. Without it the form works as it is; with it, the body
// gets a live preview (rendered by the server's own body renderer) and the story saves itself.
(function () {
  'use strict';
  var form = document.querySelector('form.story-form');
  var body = document.getElementById('body');
  if (!form || !body) return;
  var status = document.getElementById('story-save-status');
  var pane = document.querySelector('.story-live-preview');
  var paneBody = document.getElementById('story-live-preview-body');
  var autosaveUrl = form.getAttribute('data-autosave-url');
  var previewUrl = body.getAttribute('data-preview-url');
  // Often enough to lose little on a crash, rarely enough not to flood the revision history.
  var AUTOSAVE_MS = 10000;
  var PREVIEW_DELAY_MS = 600;
  var dirty = false;
  var previewTimer = 0;

  function fields() {
    return new URLSearchParams(new FormData(form));
  }

  function refreshPreview() {
    if (!previewUrl || !pane || !paneBody) return;
    var data = new URLSearchParams();
    data.set('_csrf', form.querySelector('input[name="_csrf"]').value);
    data.set('body', body.value);
    fetch(previewUrl, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) return;
        // The server escaped every string; this is its rendering of our own structured body.
        paneBody.innerHTML = html;
        pane.hidden = false;
      })
      .catch(function () {});
  }

  function autosave() {
    if (!dirty || !autosaveUrl) return;
    dirty = false;
    fetch(autosaveUrl, { method: 'POST', body: fields(), credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (!status) return;
        if (result.savedAt) status.textContent = 'Saved at ' + new Date(result.savedAt).toLocaleTimeString();
        else if (result.errors) status.textContent = 'Not saved: ' + result.errors.map(function (e) { return e.message; }).join(' ');
      })
      .catch(function () {
        dirty = true;
        if (status) status.textContent = 'Not saved: the connection failed. Will try again.';
      });
  }

  form.addEventListener('input', function (event) {
    dirty = true;
    if (event.target === body) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(refreshPreview, PREVIEW_DELAY_MS);
    }
  });
  form.addEventListener('change', function () { dirty = true; });
  form.addEventListener('submit', function () { dirty = false; });
  setInterval(autosave, AUTOSAVE_MS);
  if (body.value) refreshPreview();
})();
