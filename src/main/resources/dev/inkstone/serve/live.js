// Inkstone preview: reloads this page when a rebuild changed it, swaps stylesheets in place,
// and shows a failed build's problems over the page. Injected by `inkstone serve` only.
(function () {
  if (!window.EventSource || window.__inkstoneLive) return;
  window.__inkstoneLive = true;
  var OVERLAY = 'inkstone-overlay';
  function here() {
    var p = decodeURIComponent(location.pathname);
    return p.replace(/index\.html$/, '');
  }
  function overlay(text) {
    var box = document.getElementById(OVERLAY);
    if (!box) {
      box = document.createElement('div');
      box.id = OVERLAY;
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);' +
        'color:#f4f4f5;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem';
      var title = document.createElement('div');
      title.style.cssText = 'color:#f87171;font-weight:bold;font-size:16px;margin-bottom:1rem';
      title.textContent = 'Inkstone: the site did not build. The page shows the last good build; fix the file and save.';
      var pre = document.createElement('pre');
      pre.className = 'inkstone-problems';
      pre.style.cssText = 'white-space:pre-wrap;margin:0';
      box.appendChild(title);
      box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.querySelector('pre').textContent = text;
  }
  function clear() {
    var box = document.getElementById(OVERLAY);
    if (box) box.remove();
  }
  function swapCss(paths) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      if (url.origin === location.origin && paths.indexOf(decodeURIComponent(url.pathname)) >= 0) {
        url.searchParams.set('inkstone', Date.now());
        links[i].href = url.pathname + url.search;
      }
    }
  }
  var events = new EventSource('/__inkstone/events');
  events.addEventListener('problems', function (e) {
    overlay(JSON.parse(e.data).text);
  });
  events.addEventListener('build', function (e) {
    var d = JSON.parse(e.data);
    clear();
    if (d.all || d.pages.indexOf(here()) >= 0) {
      location.reload();
    } else if (d.css.length) {
      swapCss(d.css);
    }
  });
})();
