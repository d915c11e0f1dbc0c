/*
 * Inkstone default theme: click-to-load videos. A Bilibili or YouTube embed starts as a plain
 * link (it works without JavaScript: it opens the video's page); nothing is requested from the
 * video site until the reader clicks, and then the player replaces the link.
 */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.video-facade[data-embed]');
    if (!link) {
      return;
    }
    event.preventDefault();
    var frame = document.createElement('iframe');
    frame.src = link.getAttribute('data-embed');
    frame.title = link.textContent.trim();
    frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    link.replaceWith(frame);
    frame.focus();
  });
})();
