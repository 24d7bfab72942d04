/* bench/phrases_search.py only: the baseline engine, a linear scan that
 * recomputes every field per keystroke and sorts all matches. Installed over
 * HBPhraseSearch.search (phrases.js) when the benchmark times "naive". */
(function () {
  var api = window.HBPhraseSearch, index = api.index, norm = api.norm, rank = api.rank;
  api.indexSearch = api.indexSearch || api.search;
  api.naiveSearch = function (query, filters, limit) {
    var q = norm(query);
    limit = limit || Infinity;
    if (!q) return { total: 0, items: [] };
    var ascii = /^[a-z0-9]+$/.test(q);
    var found = [];
    for (var j = 0; j < index.items.length; j++) {
      var e = index.items[j].e;
      var it = { e: e, i: j, phrase: e.phrase, full: e.full || "", py: norm(e.py), ini: norm(e.ini),
                 secs: e.sections || [], from: e.from || 0, until: e.until || 9999 };
      if (filters.kind && e.kind !== filters.kind) continue;
      if (filters.section && it.secs.indexOf(filters.section) < 0) continue;
      var r = rank(it, q, ascii);
      if (r < 0) continue;
      var stale = !!filters.year && (filters.year < it.from || filters.year > it.until);
      if (stale && filters.hide) continue;
      found.push({ it: it, r: r, stale: stale });
    }
    found.sort(function (a, b) {
      return (a.stale - b.stale) || (a.r - b.r) || (a.it.phrase.length - b.it.phrase.length) || (a.it.i - b.it.i);
    });
    return { total: found.length, items: found.slice(0, limit) };
  };
})();
