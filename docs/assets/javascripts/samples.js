/* 述职述廉报告写作手册: the filters of /samples/.
 * The list is a plain table (works without script); this script shows the
 * filter bar and hides the rows that do not match. No fetch: works from file://.
 * Columns: 0 sample, 1 report type, 2 year, 3 level, 4 length (characters). */
(function () {
  "use strict";
  var LONG = 4000; // characters: "long" from here on

  function setup() {
    var form = document.querySelector(".hb-samples-filter");
    var list = document.querySelector(".hb-samples-list table");
    if (!form || !list || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    form.hidden = false;
    var rows = Array.prototype.slice.call(list.querySelectorAll("tbody tr"));
    var count = form.querySelector(".hb-filter__count");

    function cell(row, i) { return (row.cells[i] ? row.cells[i].textContent : "").trim(); }
    function value(name) { var el = form.querySelector('[data-filter="' + name + '"]'); return el ? el.value : ""; }

    function apply() {
      var genre = value("genre"), year = value("year"), level = value("level"), length = value("length");
      var shown = 0;
      rows.forEach(function (row) {
        var n = parseInt(cell(row, 4), 10) || 0;
        var ok = (!genre || cell(row, 1) === genre) && (!year || cell(row, 2) === year) &&
          (!level || cell(row, 3) === level) &&
          (!length || (length === "long" ? n >= LONG : n < LONG));
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = "共 " + shown + " 篇";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // Material's instant navigation swaps pages without a reload.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
