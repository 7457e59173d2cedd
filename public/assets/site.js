// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // The words this script writes come from the page, in its language: `data-msg-NAME` on the closest
  // element around `el` that has it (the share block, the comments area). English when none does.
  function pageText(el, name, english) {
    var holder = el && el.closest ? el.closest('[data-msg-' + name + ']') : null;
    return (holder && holder.getAttribute('data-msg-' + name)) || english;
  }

  var status = document.querySelector('.share-status');
  function say(message) {
    if (status) status.textContent = message;
  }

  var copyButton = document.querySelector('[data-copy-link]');
  if (copyButton && navigator.clipboard) {
    copyButton.hidden = false;
    copyButton.addEventListener('click', function () {
      navigator.clipboard.writeText(copyButton.getAttribute('data-copy-link')).then(
        function () { say(pageText(copyButton, 'copied', 'Link copied.')); },
        function () { say(pageText(copyButton, 'copy-failed', 'Could not copy the link.')); }
      );
    });
  }

  var shareButton = document.querySelector('[data-native-share]');
  if (shareButton && typeof navigator.share === 'function') {
    shareButton.hidden = false;
    shareButton.addEventListener('click', function () {
      navigator
        .share({ title: shareButton.getAttribute('data-share-title'), url: shareButton.getAttribute('data-native-share') })
        .catch(function () {});
    });
  }

  // Comments: a live "N/300" counter, and posting, replying, liking, reporting and deleting without a
  // reload. Every form also works without this (form POST, then a redirect back to the comment).
  var MAX_CHARS = 300;
  var MAX_BYTES = 2000;
  var segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  function countChars(text) {
    if (!segmenter) return Array.from(text).length;
    var n = 0;
    var it = segmenter.segment(text)[Symbol.iterator]();
    while (!it.next().done) n += 1;
    return n;
  }
  function normalised(text) {
    return text.replace(/\r\n?/g, '\n').trim();
  }
  function updateCounter(form) {
    var field = form.querySelector('[data-comment-body]');
    var counter = form.querySelector('[data-comment-counter]');
    if (!field || !counter) return;
    var text = normalised(field.value);
    var used = countChars(text);
    var tooBig = used > MAX_CHARS || new TextEncoder().encode(text).length > MAX_BYTES;
    var usedEl = counter.querySelector('[data-counter-used]');
    if (usedEl) usedEl.textContent = String(used);
    counter.classList.toggle('is-over', tooBig);
    var submit = form.querySelector('button[type="submit"]');
    if (submit) submit.disabled = tooBig;
    var error = form.querySelector('[data-form-error]');
    if (error) {
      error.textContent = !tooBig
        ? ''
        : used > MAX_CHARS
          ? pageText(form, 'too-long', 'Too long: comments may be at most 300 characters.')
          : pageText(form, 'too-large', 'Too large: please shorten this comment.');
    }
  }
  document.addEventListener('input', function (event) {
    var field = event.target;
    if (field && field.matches && field.matches('[data-comment-body]') && field.form) updateCounter(field.form);
  });
  Array.prototype.forEach.call(document.querySelectorAll('form[data-comment-form]'), updateCounter);

  function fromHtml(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  }
  function setCount(count) {
    var el = document.querySelector('[data-comment-count]');
    if (el && typeof count === 'number') el.textContent = count.toLocaleString(document.documentElement.lang || undefined);
  }
  function showError(form, message) {
    var error = form.querySelector('[data-form-error]');
    if (error) error.textContent = message;
    else alert(message);
  }

  function applyChange(form, json) {
    setCount(json.count);
    var comment = json.comment;
    var kind = form.getAttribute('data-comment-form') || form.getAttribute('data-comment-action');
    if (kind === 'new' || kind === 'reply') {
      var field = form.querySelector('[data-comment-body]');
      if (field) field.value = '';
      updateCounter(form);
      if (!comment) return;
      var item = fromHtml(comment.html);
      if (kind === 'reply') {
        var parent = document.getElementById('comment-' + comment.parentId);
        var replies = parent && parent.querySelector('.comment-replies');
        if (replies) replies.appendChild(item);
        var details = form.closest('details');
        if (details) details.open = false;
      } else {
        var list = document.querySelector('[data-comment-list]');
        if (list) list.insertBefore(item, list.firstChild);
        var empty = document.querySelector('[data-comments-empty]');
        if (empty) empty.remove();
      }
      return;
    }
    if (!comment) return;
    var existing = document.getElementById('comment-' + comment.id);
    if (!existing) return;
    if (kind === 'report') {
      form.replaceWith(document.createTextNode(pageText(form, 'reported', 'Reported. Thank you.')));
      return;
    }
    var repliesList = existing.querySelector('.comment-replies');
    if (kind === 'delete' && !(repliesList && repliesList.children.length > 0)) {
      existing.remove();
      return;
    }
    var main = fromHtml(comment.html).querySelector('.comment-main');
    var oldMain = existing.querySelector('.comment-main');
    if (main && oldMain) oldMain.replaceWith(main);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.closest || !form.closest('[data-comments]')) return;
    if (!form.matches('form[data-comment-form="new"], form[data-comment-form="reply"], form[data-comment-action]')) return;
    if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
    event.preventDefault();
    var submit = form.querySelector('button[type="submit"]');
    if (submit) submit.disabled = true;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
    })
      .then(function (response) {
        return response.json().then(
          function (json) { return { ok: response.ok, json: json }; },
          function () { return { ok: false, json: null }; }
        );
      })
      .then(function (result) {
        if (submit) submit.disabled = false;
        if (result.ok) applyChange(form, result.json);
        else showError(form, result.json && result.json.error ? result.json.error.message : pageText(form, 'failed', 'Something went wrong. Please try again.'));
      })
      .catch(function () {
        if (submit) submit.disabled = false;
        showError(form, pageText(form, 'offline', 'We could not reach the site. Check your connection and try again.'));
      });
  });
})();
