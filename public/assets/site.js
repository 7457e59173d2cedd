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

  // Live coverage (a live story's page): follow its stream of changes. New updates wait behind a
  // "N new updates" button and go in only when the reader asks, so the page never moves under them;
  // edits and deletions apply in place, keeping the update the reader is looking at where it was.
  // Without this script (or EventSource), reloading the page shows everything.
  var liveSection = document.querySelector('[data-live-stream]');
  if (liveSection && typeof EventSource === 'function' && window.JSON) followLive(liveSection);

  function followLive(section) {
    var held = [];
    var lang = document.documentElement.lang || undefined;
    var plural = typeof Intl !== 'undefined' && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    var box = section.querySelector('.live-new');
    var button = section.querySelector('.live-new-button');
    var liveStatus = section.querySelector('.live-status');
    var reloadOnly = false;
    var since = section.getAttribute('data-live-sequence');
    var source = new EventSource(section.getAttribute('data-live-stream') + (since ? '?since=' + encodeURIComponent(since) : ''));

    function announce(message) {
      if (liveStatus) liveStatus.textContent = message;
    }
    function items(selector) {
      return section.querySelector(selector);
    }
    // Runs `change`, then scrolls by however far it moved the first update in view (an edit above
    // the viewport that grew, a deletion that shrank), so what the reader sees stays put.
    function keepPlace(change) {
      var anchor = null;
      var all = section.querySelectorAll('.live-update');
      for (var i = 0; i < all.length; i += 1) {
        if (all[i].getBoundingClientRect().bottom > 0) { anchor = all[i]; break; }
      }
      var id = anchor && anchor.id;
      var before = anchor ? anchor.getBoundingClientRect().top : 0;
      change();
      var after = id && document.getElementById(id);
      if (after && after !== document.body) {
        var moved = after.getBoundingClientRect().top - before;
        // At once: the page's smooth scrolling would show the jump this is meant to hide.
        if (moved !== 0) window.scrollBy({ top: moved, behavior: 'instant' });
      }
    }
    // Showing or hiding the button changes the height above the updates: the reader's place is kept.
    function setBoxHidden(hidden) {
      if (box.hidden !== hidden) keepPlace(function () { box.hidden = hidden; });
    }
    function showButton() {
      if (!box || !button) return;
      if (held.length === 0 && !reloadOnly) { setBoxHidden(true); return; }
      var text;
      if (reloadOnly) text = pageText(section, 'reload', 'New updates: reload the page');
      else {
        var form = plural && plural.select(held.length) === 'one' ? 'one' : 'other';
        text = pageText(section, 'new-' + form, form === 'one' ? '{count} new update' : '{count} new updates').replace('{count}', held.length.toLocaleString(lang));
      }
      button.textContent = text;
      setBoxHidden(false);
      announce(text);
    }
    function listFor(pinned) {
      var list = items(pinned ? '.live-pinned' : '.live-updates');
      if (!list) {
        list = document.createElement('ol');
        list.className = pinned ? 'live-pinned' : 'live-updates';
        var next = items('.live-updates') || items('.live-pages');
        section.insertBefore(list, pinned ? next : items('.live-pages'));
      }
      return list;
    }
    function timeOf(item) {
      var time = item.querySelector('time');
      return time ? Date.parse(time.getAttribute('datetime')) : 0;
    }
    // An update that moved between the pinned list and the others goes in by time, newest first.
    function place(item, pinned) {
      var list = listFor(pinned);
      var at = timeOf(item);
      var child = list.firstElementChild;
      while (child && timeOf(child) >= at) child = child.nextElementSibling;
      list.insertBefore(item, child);
      var empty = items('.live-empty');
      if (empty) empty.remove();
    }
    function onUpdate(data) {
      var existing = document.getElementById('update-' + data.id);
      var heldIndex = held.findIndex(function (entry) { return entry.id === data.id; });
      if (heldIndex !== -1) { held[heldIndex] = data; return; }
      if (!existing || !section.contains(existing)) {
        // Not on this page: new, unless older than the oldest shown (an edit on an older page).
        var oldest = items('.live-updates') && items('.live-updates').lastElementChild;
        if (!data.pinned && oldest && timeOf(fromHtml(data.html)) < timeOf(oldest)) return;
        held.push(data);
        showButton();
        return;
      }
      keepPlace(function () {
        var item = fromHtml(data.html);
        var wasPinned = !!existing.closest('.live-pinned');
        if (wasPinned === !!data.pinned) existing.replaceWith(item);
        else { existing.remove(); place(item, !!data.pinned); }
      });
    }
    function onDelete(data) {
      held = held.filter(function (entry) { return entry.id !== data.id; });
      showButton();
      var existing = document.getElementById('update-' + data.id);
      if (existing && section.contains(existing)) keepPlace(function () { existing.remove(); });
    }
    function onSummary(data) {
      var current = document.querySelector('.live-summary');
      if (current) keepPlace(function () { current.replaceWith(fromHtml(data.html)); });
    }
    function onEnd(data) {
      source.close();
      section.removeAttribute('data-live-stream');
      var heading = section.querySelector('h2');
      if (heading && !items('.live-ended')) heading.insertAdjacentElement('afterend', fromHtml(data.html));
      announce(pageText(section, 'ended', 'Live coverage has ended.'));
    }
    // The stream could not say exactly what changed: take the page as it is now, or offer a reload.
    function onReset() {
      fetch(location.href, { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var fresh = page.getElementById('live');
          if (!fresh) return Promise.reject();
          var summary = page.querySelector('.live-summary');
          keepPlace(function () {
            ['.live-pinned', '.live-updates', '.live-pages', '.live-empty', '.live-ended'].forEach(function (selector) {
              var old = items(selector);
              if (old) old.remove();
            });
            var tail = null;
            ['.live-ended', '.live-pinned', '.live-empty', '.live-updates', '.live-pages'].forEach(function (selector) {
              var part = fresh.querySelector(selector);
              if (part) section.insertBefore(document.importNode(part, true), tail);
            });
            var currentSummary = document.querySelector('.live-summary');
            if (summary && currentSummary) currentSummary.replaceWith(document.importNode(summary, true));
          });
          held = [];
          showButton();
        })
        .catch(function () {
          reloadOnly = true;
          showButton();
        });
    }
    function listen(name, handle) {
      source.addEventListener(name, function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (_) { return; }
        handle(data);
      });
    }
    listen('update', onUpdate);
    listen('delete', onDelete);
    listen('summary', onSummary);
    listen('end', onEnd);
    listen('reset', onReset);

    if (button) {
      button.addEventListener('click', function () {
        if (reloadOnly) { location.reload(); return; }
        var first = null;
        // Held oldest first; each goes on top, so the newest ends up first.
        held.forEach(function (data) {
          var item = fromHtml(data.html);
          var list = listFor(!!data.pinned);
          list.insertBefore(item, list.firstElementChild);
          first = item;
        });
        held = [];
        var empty = items('.live-empty');
        if (empty) empty.remove();
        showButton();
        announce('');
        if (first) {
          first.setAttribute('tabindex', '-1');
          first.focus();
        }
      });
    }
  }
})();
