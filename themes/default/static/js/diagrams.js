/* Draws the page's ```mermaid blocks (<pre class="mermaid">). Loaded only on pages that have one. */
(function () {
  'use strict';
  if (typeof mermaid === 'undefined') return;
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
  mermaid.run({ querySelector: 'pre.mermaid' });
})();
