/* Typesets the formulas the build marked: <span class="math math-inline">\(...\)</span> and
   math-display \[...\]. Loaded only on pages that have math, after KaTeX. */
(function () {
  'use strict';
  if (typeof katex === 'undefined') return;
  document.querySelectorAll('.math').forEach(function (el) {
    var tex = el.textContent.replace(/^\\[([]/, '').replace(/\\[)\]]$/, '');
    try {
      katex.render(tex, el, { displayMode: el.classList.contains('math-display'), throwOnError: false });
    } catch (e) {
      el.title = String(e.message || e);
    }
  });
})();
