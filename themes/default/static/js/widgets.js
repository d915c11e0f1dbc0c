/*
 * Inkstone default theme: loads the comment and page-view widgets configured in site.yaml.
 * The settings travel in data-* attributes of #comments and .views-slot; nothing here talks to
 * another host until the page has such an element, and comments wait until the reader scrolls
 * near them.
 */
(function () {
  'use strict';

  function script(src, attrs, parent) {
    var s = document.createElement('script');
    s.src = src;
    s.async = true;
    Object.keys(attrs || {}).forEach(function (k) { s.setAttribute(k, attrs[k]); });
    (parent || document.head).appendChild(s);
    return s;
  }

  function stylesheet(href) {
    var l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = href;
    document.head.appendChild(l);
  }

  var comments = {
    giscus: function (o, el) {
      script(o.src, {
        'data-repo': o.repo, 'data-repo-id': o.repoid, 'data-category': o.category, 'data-category-id': o.categoryid,
        'data-mapping': o.mapping, 'data-strict': o.strict, 'data-reactions-enabled': o.reactionsenabled,
        'data-emit-metadata': '0', 'data-input-position': o.inputposition, 'data-theme': o.theme, 'data-lang': o.lang,
        'data-loading': 'lazy', crossorigin: 'anonymous'
      }, el);
    },
    utterances: function (o, el) {
      var attrs = { repo: o.repo, 'issue-term': o.issueterm, theme: o.theme, crossorigin: 'anonymous' };
      if (o.label) { attrs.label = o.label; }
      script(o.src, attrs, el);
    },
    waline: function (o, el) {
      stylesheet(o.css);
      import(o.src).then(function (waline) {
        waline.init({ el: el, serverURL: o.serverurl, lang: o.lang, path: location.pathname, reaction: o.reaction === 'true' });
      });
    },
    twikoo: function (o, el) {
      el.id = 'tcomment';
      script(o.src).onload = function () {
        var options = { envId: o.envid, el: '#tcomment', lang: o.lang };
        if (o.region) { options.region = o.region; }
        window.twikoo.init(options);
      };
    }
  };

  var section = document.getElementById('comments');
  var provider = section && section.getAttribute('data-provider');
  if (provider && comments[provider]) {
    var target = section.querySelector('.comments-widget');
    var start = function () { comments[provider](section.dataset, target); };
    if ('IntersectionObserver' in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          seen.disconnect();
          start();
        }
      }, { rootMargin: '600px 0px' });
      seen.observe(section);
    } else {
      start();
    }
  }

  var views = document.querySelector('.views-slot[data-provider="waline"]');
  if (views) {
    import(views.dataset.src).then(function (pageview) {
      pageview.pageviewCount({ serverURL: views.dataset.serverurl, path: location.pathname });
    });
  }
})();
