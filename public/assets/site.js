// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  var status = document.querySelector('.share-status');
  function say(message) {
    if (status) status.textContent = message;
  }

  var copyButton = document.querySelector('[data-copy-link]');
  if (copyButton && navigator.clipboard) {
    copyButton.hidden = false;
    copyButton.addEventListener('click', function () {
      navigator.clipboard.writeText(copyButton.getAttribute('data-copy-link')).then(
        function () { say('Link copied.'); },
        function () { say('Could not copy the link.'); }
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
})();
