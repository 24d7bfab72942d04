/* 述职述廉报告写作手册: the phrase search of /phrases/.
 * Data: window.HB_PHRASES, set by phrases-index.js (a <script src>, because
 * fetch() of a local file fails from file://). ARIA combobox + listbox:
 * arrows move, Enter (or a click) opens the entry, Escape clears; Ctrl+C / ⌘C
 * copies the active result in the form its usage needs (e.copy: “四个意识”,
 * else the wording), Alt+C the bare wording; the buttons under the list do
 * the same. Copy feedback is handbook.js's (window.hbCopy / hbAnnounce, 已复制).
 *
 * Search: a bigram index over the Chinese, the full pinyin and the initials
 * gives the candidates of a query, which are then checked with indexOf and
 * ranked: exact, prefix, initials, substring; valid-for-the-year first.
 * window.HBPhraseSearch exposes the index, its rank() and search(), which
 * bench/phrases_search.py swaps for its linear-scan baseline. */
(function () {
  "use strict";

  var MAX_SHOWN = 50;
  // Results drawn at once: drawing and laying out all 50 was most of a keystroke's work (issue 18); the rest
  // of the 50 come with 显示更多, or when the arrow keys move past the last one drawn.
  var FIRST_DRAWN = 20;

  function norm(s) { return (s || "").toLowerCase().replace(/\s+/g, ""); }

  function Index(data) {
    this.data = data;
    this.items = data.entries.map(function (e, i) {
      return {
        e: e, i: i, phrase: e.phrase, full: e.full || "", py: e.py || "", ini: e.ini || "",
        alt: (e.variants || []).join("\n"),  // accepted variant wordings: found like the full name
        secs: e.sections || [], from: e.from || 0, until: e.until || 9999
      };
    });
    // Items in result order within a rank (shorter phrase first, then library order): the postings
    // follow this order, so the index engine never sorts, it only buckets by rank.
    this.sorted = this.items.slice().sort(function (a, b) {
      return (a.phrase.length - b.phrase.length) || (a.i - b.i);
    });
    this.grams = new Map();  // one char or two chars -> positions in this.sorted (each once)
    for (var n = 0; n < this.sorted.length; n++) {
      var it = this.sorted[n];
      var seen = new Set();
      var fields = [it.phrase, it.full, it.alt, it.py, it.ini];
      for (var f = 0; f < fields.length; f++) {
        var s = fields[f];
        for (var k = 0; k < s.length; k++) {
          var one = s.charAt(k);
          if (!seen.has(one)) { seen.add(one); push(this.grams, one, n); }
          if (k + 1 < s.length) {
            var g = s.substr(k, 2);
            if (!seen.has(g)) { seen.add(g); push(this.grams, g, n); }
          }
        }
      }
    }
  }
  function push(map, key, n) {
    var list = map.get(key);
    if (!list) { list = []; map.set(key, list); }
    list.push(n);
  }

  /* Rank of one item for query q (lower is better), or -1 when it does not match. */
  function rank(it, q, ascii) {
    var p = it.phrase.indexOf(q);
    if (p === 0 && it.phrase.length === q.length) return 0;
    if (p === 0) return 1;
    if (ascii) {
      if (it.ini === q) return 2;
      if (it.ini.indexOf(q) === 0 || it.py.indexOf(q) === 0) return 3;
    }
    if (p > 0) return 4;
    if (ascii && (it.ini.indexOf(q) > 0 || it.py.indexOf(q) > 0)) return 5;
    if (it.full && it.full.indexOf(q) >= 0) return 6;
    if (it.alt && it.alt.indexOf(q) >= 0) return 6;
    return -1;
  }

  Index.prototype.candidates = function (q) {
    if (q.length === 1) return this.grams.get(q) || [];
    var best = null;
    for (var k = 0; k + 1 < q.length; k++) {
      var list = this.grams.get(q.substr(k, 2));
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best;
  };

  /* filters: {kind, section, year (number|0), hide (bool)} → {total, items: [{it, r, stale}]} (items: at most limit) */
  Index.prototype.search = function (query, filters, limit) {
    var q = norm(query);
    limit = limit || Infinity;
    if (!q) return { total: 0, items: [] };
    var ascii = /^[a-z0-9]+$/.test(q);
    var pool = this.candidates(q);
    var buckets = [];
    for (var b = 0; b < 14; b++) buckets.push([]);
    var total = 0;
    for (var j = 0; j < pool.length; j++) {
      var it = this.sorted[pool[j]];
      if (filters.kind && it.e.kind !== filters.kind) continue;
      if (filters.section && it.secs.indexOf(filters.section) < 0) continue;
      var r = rank(it, q, ascii);
      if (r < 0) continue;
      var stale = !!filters.year && (filters.year < it.from || filters.year > it.until);
      if (stale && filters.hide) continue;
      total++;
      var bucket = buckets[(stale ? 7 : 0) + r];
      if (bucket.length < limit) bucket.push({ it: it, r: r, stale: stale });
    }
    var items = [];
    for (b = 0; b < 14 && items.length < limit; b++) items = items.concat(buckets[b].slice(0, limit - items.length));
    return { total: total, items: items };
  };

  var esc = window.HB.escapeHtml;

  function yearsText(e) {
    if (e.from && e.until) return e.from === e.until ? e.from + "年度" : e.from + "—" + e.until + "年度";
    if (e.from) return e.from + "年度起";
    if (e.until) return "至" + e.until + "年度";
    return "";
  }

  function copyText(text) {
    if (window.hbCopy) return window.hbCopy(text);
    return navigator.clipboard.writeText(text);
  }

  function init(root) {
    var data = window.HB_PHRASES;
    var input = root.querySelector("#hb-ps-input");
    var list = root.querySelector("#hb-ps-list");
    var status = root.querySelector("#hb-ps-status");
    var detail = root.querySelector("#hb-ps-detail");
    var kind = root.querySelector("#hb-ps-kind");
    var section = root.querySelector("#hb-ps-section");
    var year = root.querySelector("#hb-ps-year");
    var hide = root.querySelector("#hb-ps-hide");
    if (!data || !input) { if (status) status.textContent = "提法索引未加载"; return; }
    var index = new Index(data);
    var api = window.HBPhraseSearch = window.HBPhraseSearch || {};
    api.index = index;
    api.norm = norm;
    api.rank = rank;
    api.search = function (query, filters, limit) { return index.search(query, filters, limit); };
    var shown = [];
    var drawn = 0;  // how many of shown are in the list
    var active = -1;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "md-button hb-ps__more";
    more.style.display = "none";  // not the hidden attribute: Material's .md-button display wins over it
    list.parentNode.insertBefore(more, list.nextSibling);

    function setActive(n, keepScroll) {
      if (n >= drawn && n < shown.length) draw(shown.length);
      var old = list.querySelector('[aria-selected="true"]');
      if (old) old.setAttribute("aria-selected", "false");
      active = n;
      if (n < 0 || !shown[n]) { input.removeAttribute("aria-activedescendant"); detail.innerHTML = ""; return; }
      var li = document.getElementById("hb-ps-opt-" + n);
      li.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", li.id);
      // Only when the user moves: scrolling on every render would force a layout per keystroke.
      if (!keepScroll && li.scrollIntoView) li.scrollIntoView({ block: "nearest" });
      var e = shown[n].it.e;
      detail.innerHTML = '<a class="hb-ps__open" href="' + esc(e.href) + '">查看“' + esc(e.phrase) + '”词条</a> ' +
        '<button type="button" class="md-button hb-ps__copy" data-form="copy">复制 ' + esc(formOf(e, "copy")) +
        "</button>" +
        (e.copy ? ' <button type="button" class="md-button hb-ps__copy" data-form="bare">复制不带引号的“' +
          esc(e.phrase) + "”</button>" : "") +
        (e.full ? ' <button type="button" class="md-button hb-ps__copy" data-form="full">复制全称</button>' +
          '<span class="hb-ps__full">全称：' + esc(e.full) + "</span>" : "");
    }

    /* The text a copy gives: "copy" the form the usage needs (quoted when it is), "bare" the wording, "full" the full name. */
    function formOf(e, form) {
      if (form === "full") return e.full || e.phrase;
      if (form === "bare") return e.phrase;
      return e.copy || e.phrase;
    }

    function open(n) {
      if (!shown[n]) return;
      window.location.href = new URL(shown[n].it.e.href, window.location.href).href;
    }

    function run() {
      var t0 = performance.now();
      var filters = { kind: kind.value, section: section.value, year: +year.value || 0, hide: hide.checked };
      var res = api.search(input.value, filters, MAX_SHOWN);
      // Scroll back before the list changes: read after it, scrollTop would force a layout of the new list.
      if (list.scrollTop) list.scrollTop = 0;
      shown = res.items;
      total = res.total;
      drawn = 0;
      list.textContent = "";
      draw(FIRST_DRAWN);
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      active = -1;
      setActive(shown.length ? 0 : -1, true);
      api.last = { query: input.value, total: res.total, ms: performance.now() - t0 };
      root.dispatchEvent(new CustomEvent("hb-phrases-rendered", { detail: api.last }));
    }

    var total = 0;

    function itemHtml(n) {
      var e = shown[n].it.e;
      var yrs = yearsText(e);
      return '<li class="hb-ps__item" role="option" aria-selected="false" id="hb-ps-opt-' + n + '" data-id="' +
        esc(e.id) + '"' + (shown[n].stale ? " data-stale" : "") + '><span class="hb-ps__phrase">' +
        esc(e.phrase) + "</span> " + '<span class="hb-ps__badge">' + esc(data.kinds[e.kind]) + "</span>" +
        (yrs ? ' <span class="hb-ps__badge">' + esc(yrs) + "</span>" : "") +
        (shown[n].stale ? ' <span class="hb-ps__badge">该年度不适用</span>' : "") +
        ' <span class="hb-ps__badge hb-ps__copied" aria-hidden="true"></span>' +
        '<span class="hb-ps__meaning">' + esc(e.meaning) + "</span></li>";
    }

    /* Draw shown[drawn .. upto) at the end of the list (one insertion), then the button and the status. */
    function draw(upto) {
      upto = Math.min(upto, shown.length);
      if (upto > drawn) {
        var html = "";
        for (var n = drawn; n < upto; n++) html += itemHtml(n);
        list.insertAdjacentHTML("beforeend", html);
        drawn = upto;
      }
      var left = shown.length - drawn;
      more.style.display = left ? "" : "none";
      if (left) more.textContent = "显示更多（再显示 " + left + " 条）";
      status.textContent = !input.value.trim() ? "" : total ?
        "找到 " + total + " 条" + (total > drawn ? "，显示前 " + drawn + " 条" : "") :
        "没有找到，换个片段或拼音试试";
    }

    more.addEventListener("click", function () {
      var first = drawn;
      draw(shown.length);
      input.focus();  // typing and the arrow keys go on from the box
      var li = document.getElementById("hb-ps-opt-" + first);
      if (li && li.scrollIntoView) li.scrollIntoView({ block: "nearest" });
    });

    function copyAt(n, form) {
      if (!shown[n]) return;
      var e = shown[n].it.e;
      var text = formOf(e, form);
      var li = document.getElementById("hb-ps-opt-" + n);
      copyText(text).then(function () {
        var badge = li.querySelector(".hb-ps__copied");
        badge.textContent = "已复制";
        badge.setAttribute("data-state", "done");
        if (window.hbAnnounce) window.hbAnnounce("已复制：" + text);
        window.setTimeout(function () { badge.textContent = ""; badge.removeAttribute("data-state"); }, 2000);
      }, function () { if (window.hbAnnounce) window.hbAnnounce("复制失败"); });
    }

    input.addEventListener("input", run);
    [kind, section, year, hide].forEach(function (el) { el.addEventListener("change", run); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); setActive(Math.min(active + 1, shown.length - 1)); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); setActive(Math.max(active - 1, 0)); }
      else if (ev.key === "Enter") { ev.preventDefault(); open(active); }
      else if (ev.key === "Escape") { input.value = ""; run(); }
      else if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && (ev.key === "c" || ev.key === "C") &&
               input.selectionStart === input.selectionEnd && active >= 0) {
        ev.preventDefault();  // nothing selected in the box: copy the active result instead
        copyAt(active, "copy");
      }
      else if (ev.altKey && !ev.ctrlKey && !ev.metaKey && (ev.code === "KeyC" || ev.key === "c") && active >= 0) {
        ev.preventDefault();
        copyAt(active, "bare");
      }
    });
    list.addEventListener("click", function (ev) {
      var li = ev.target.closest ? ev.target.closest(".hb-ps__item") : null;
      if (!li) return;
      var n = +li.id.replace("hb-ps-opt-", "");
      setActive(n);
      open(n);
    });
    detail.addEventListener("click", function (ev) {
      var btn = ev.target.closest ? ev.target.closest(".hb-ps__copy") : null;
      if (btn) copyAt(active, btn.getAttribute("data-form"));
    });
    list.addEventListener("mousedown", function (ev) { ev.preventDefault(); });  // keep focus in the box
    status.textContent = "已载入 " + index.items.length + " 条提法";
    api.run = run;
  }

  function start() {
    var root = document.getElementById("hb-ps");
    if (root && !root.getAttribute("data-ready")) { root.setAttribute("data-ready", "1"); init(root); }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
