/*
 * Inkstone search: queries the sharded index the build wrote under /search/ (see SearchIndex.java).
 * A query is cut into terms exactly as the build cut the posts: lower-cased words of two or more
 * letters or digits, and CJK runs as overlapping bigrams. Only the term shards of the query's terms
 * and the doc shards of the shown results are fetched. Snippets come from the result's own page.
 */
(function () {
  'use strict';
  var script = document.getElementById('search-script');
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!script || !form || !input || !status || !list) return;
  var base = script.getAttribute('data-index');
  var text = {
    results: script.getAttribute('data-results') || '{n}',
    none: script.getAttribute('data-none') || '',
    loading: script.getAttribute('data-loading') || '',
    failed: script.getAttribute('data-failed') || '',
    more: script.getAttribute('data-more') || '…'
  };
  var PAGE = 20;
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{Nd}]/u;
  var STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'has', 'have', 'in', 'into',
    'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'will', 'with']);

  /** The terms of a text: mirrors SearchTokens.java. */
  function tokens(value) {
    var out = [];
    var chars = Array.from(value.toLowerCase());
    var i = 0;
    while (i < chars.length) {
      var j = i;
      if (CJK.test(chars[i])) {
        while (j < chars.length && CJK.test(chars[j])) j++;
        if (j - i === 1) out.push(chars[i]);
        for (var k = i; k + 1 < j; k++) out.push(chars[k] + chars[k + 1]);
      } else if (WORD.test(chars[i])) {
        while (j < chars.length && WORD.test(chars[j]) && !CJK.test(chars[j])) j++;
        var word = chars.slice(i, j).join('');
        if (j - i >= 2 && !STOP.has(word)) out.push(word);
      } else {
        j = i + 1;
      }
      i = j;
    }
    return out;
  }

  /** FNV-1a over UTF-16 code units: mirrors SearchTokens.hash. */
  function hash(term) {
    var h = 0x811c9dc5 | 0;
    for (var i = 0; i < term.length; i++) {
      h ^= term.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  var meta = null;
  var files = new Map();
  var pages = new Map();

  function loadMeta() {
    if (!meta) {
      meta = fetch(base + 'index.json', { cache: 'no-cache' }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return meta;
  }

  function file(m, path) {
    if (!files.has(path)) {
      files.set(path, fetch(base + path + '?v=' + m.stamp).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }));
    }
    return files.get(path);
  }

  function decode(postings) {
    var out = [];
    var id = 0;
    postings.split(',').forEach(function (entry) {
      var parts = entry.split(':');
      id += parseInt(parts[0], 36);
      out.push([id, parts.length > 1 ? parseInt(parts[1], 36) : 1]);
    });
    return out;
  }

  /** Posts matching every term first (by score, then newest); when none does, the best partial matches. */
  function find(m, terms) {
    return Promise.all(terms.map(function (t) {
      return file(m, 'terms/' + (hash(t) % m.shards) + '.json');
    })).then(function (shards) {
      var hits = new Map();
      terms.forEach(function (t, i) {
        var postings = shards[i][t];
        if (!postings) return;
        var entries = decode(postings);
        var idf = Math.log(1 + m.posts / entries.length);
        entries.forEach(function (e) {
          var h = hits.get(e[0]);
          if (!h) hits.set(e[0], h = { id: e[0], n: 0, score: 0 });
          h.n++;
          h.score += e[1] * idf;
        });
      });
      var all = Array.from(hits.values());
      var full = all.filter(function (h) { return h.n === terms.length; });
      var chosen = full.length ? full : all;
      chosen.sort(function (a, b) { return b.n - a.n || b.score - a.score || a.id - b.id; });
      return chosen;
    });
  }

  function doc(m, id) {
    var shard = Math.floor(id / m.docsPerShard);
    return file(m, 'docs/' + shard + '.json').then(function (docs) {
      var d = docs[id - shard * m.docsPerShard];
      return { title: d[0], url: d[1], date: d[2], tags: d[3] };
    });
  }

  /** Where the needles occur in a text, overlapping ranges merged. */
  function ranges(value, needles) {
    var lower = value.toLowerCase();
    var found = [];
    needles.forEach(function (n) {
      for (var at = lower.indexOf(n); n && at >= 0; at = lower.indexOf(n, at + n.length)) found.push([at, at + n.length]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  /** Fills an element with text, the needles wrapped in <mark>. No HTML is parsed. */
  function marked(el, value, needles) {
    var at = 0;
    ranges(value, needles).forEach(function (r) {
      el.appendChild(document.createTextNode(value.slice(at, r[0])));
      var mark = document.createElement('mark');
      mark.textContent = value.slice(r[0], r[1]);
      el.appendChild(mark);
      at = r[1];
    });
    el.appendChild(document.createTextNode(value.slice(at)));
    return el;
  }

  function pageText(url) {
    if (!pages.has(url)) {
      pages.set(url, fetch(url).then(function (r) { return r.ok ? r.text() : ''; }).then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var body = page.querySelector('.post-content') || page.querySelector('main');
        if (!body) return '';
        // a formula reads as its TeX source, without the \( \) or \[ \] that KaTeX looks for
        body.querySelectorAll('.math').forEach(function (m) {
          m.textContent = m.textContent.trim().replace(/^\\[([]/, '').replace(/\\[)\]]$/, '');
        });
        return body.textContent.replace(/\s+/g, ' ').trim();
      }).catch(function () { return ''; }));
    }
    return pages.get(url);
  }

  function snippet(value, needles) {
    var r = ranges(value, needles)[0];
    var start = r ? Math.max(0, r[0] - 40) : 0;
    var end = Math.min(value.length, start + 160);
    return (start > 0 ? '…' : '') + value.slice(start, end) + (end < value.length ? '…' : '');
  }

  function item(d, needles) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var link = document.createElement('a');
    link.className = 'search-result-title';
    link.href = d.url;
    li.appendChild(marked(link, d.title, needles));
    var info = document.createElement('p');
    info.className = 'search-result-meta';
    var time = document.createElement('time');
    time.textContent = d.date;
    info.appendChild(time);
    if (d.tags) marked(info, ' · ' + d.tags, needles);
    li.appendChild(info);
    var p = document.createElement('p');
    p.className = 'search-result-snippet';
    li.appendChild(p);
    pageText(d.url).then(function (body) {
      if (body) marked(p, snippet(body, needles), needles);
    });
    return li;
  }

  var generation = 0;

  function show(m, hits, from, needles, run) {
    var more = list.parentNode.querySelector('.search-more');
    if (more) more.remove();
    return Promise.all(hits.slice(from, from + PAGE).map(function (h) { return doc(m, h.id); })).then(function (docs) {
      if (run !== generation) return;
      docs.forEach(function (d) { list.appendChild(item(d, needles)); });
      if (from + PAGE < hits.length) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'search-more button';
        button.textContent = text.more;
        button.addEventListener('click', function () { show(m, hits, from + PAGE, needles, run); });
        list.parentNode.appendChild(button);
      }
    });
  }

  function run(query) {
    var run = ++generation;
    var terms = Array.from(new Set(tokens(query)));
    list.textContent = '';
    var more = list.parentNode.querySelector('.search-more');
    if (more) more.remove();
    if (!terms.length) return Promise.resolve();
    status.textContent = text.loading;
    var needles = Array.from(new Set(query.toLowerCase().split(/\s+/).filter(Boolean).concat(terms)));
    return loadMeta().then(function (m) {
      return find(m, terms).then(function (hits) {
        if (run !== generation) return;
        // the count is announced once the first results are in the list
        return show(m, hits, 0, needles, run).then(function () {
          if (run === generation) status.textContent = hits.length ? text.results.replace('{n}', hits.length) : text.none;
        });
      });
    }).catch(function () {
      if (run === generation) status.textContent = text.failed;
    });
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    run(input.value);
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run(q);
  }
})();
