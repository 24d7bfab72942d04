/* 年度更新 (/tools/update/): last year's report → this year's draft, in the browser.
 *
 * Engine: a mirror of macros/tools/update.py (update_text, updated_text) and of the
 * structure detection of macros/tools/ingest.py it uses, reading the same data
 * (update-data.js, GENERATED from Python) and the checker of checker.js. Offsets are
 * code point offsets, as Python's str indices. Nothing leaves the browser.
 */
(function () {
  "use strict";

  function data() {
    var d = window.HANDBOOK_UPDATE_DATA;
    if (!d) throw new Error("update-data.js is not loaded");
    return d;
  }

  // Python's str.isspace() set: str.strip() and friends must cut the same characters.
  var WS = "\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005" +
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
  function lstripLen(cps) { var i = 0; while (i < cps.length && WS.indexOf(cps[i]) !== -1) i++; return i; }
  function rstripLen(cps) { var j = cps.length; while (j > 0 && WS.indexOf(cps[j - 1]) !== -1) j--; return j; }
  function strip(s) { var cps = Array.from(s), i = lstripLen(cps), j = rstripLen(cps); return i < j ? cps.slice(i, j).join("") : ""; }

  // Python patterns read in JS: \d is any Unicode digit there.
  function pyRe(src, flags) { return new RegExp(src.replace(/\\d/g, "\\p{Nd}"), "u" + (flags || "")); }

  var compiled = null;
  function re() {
    if (compiled) return compiled;
    var d = data();
    compiled = {
      numbering: d.numbering.map(function (p) { return [p[0], pyRe(p[1])]; }),
      year: pyRe(d.year_re, "g"),
      count: pyRe(d.count_re, "g"),
      quoted: pyRe(d.quoted_re)
    };
    return compiled;
  }

  function cpLen(s) { return Array.from(s).length; }

  // (line number, code point offset, stripped text) of each non-empty line (update._lines).
  function lines(text) {
    var out = [], pos = 0;
    text.split("\n").forEach(function (line, i) {
      var cps = Array.from(line);
      if (strip(line)) out.push([i + 1, pos + lstripLen(cps), strip(line)]);
      pos += cps.length + 1;
    });
    return out;
  }

  function classify(text) {
    var rules = data().section_rules;
    for (var i = 0; i < rules.length; i++) {
      if (rules[i][1].some(function (w) { return text.indexOf(w) !== -1; })) return rules[i][0];
    }
    return null;
  }

  function numberingStyle(line) {
    var n = re().numbering;
    for (var i = 0; i < n.length; i++) if (n[i][1].test(line)) return n[i][0];
    return null;
  }

  function guessGenre(title) {
    var cues = data().genre_cues;
    for (var i = 0; i < cues.length; i++) if (title.indexOf(cues[i][0]) !== -1) return cues[i][1];
    return data().default_genre;
  }

  // ingest.structure: each line's kind, heading depth and section.
  function structure(ls, genre) {
    var d = data(), paras = [], stack = [], headings = {};
    function sortedDepths(desc) {
      return Object.keys(headings).map(Number).sort(function (a, b) { return desc ? b - a : a - b; });
    }
    ls.forEach(function (entry, idx) {
      var n = entry[0], line = entry[1];
      if (idx === 0) { paras.push({ text: line, kind: "title", level: 0, section: "title", line: n }); return; }
      var style = numberingStyle(line), kind = "body", lead = "", depth = 0, cps = Array.from(line);
      if (style) {
        var at = stack.indexOf(style);
        if (at !== -1) stack.splice(at + 1); else stack.push(style);
        depth = stack.length;
        var stop = cps.indexOf("。");
        if (cps.length <= d.max_heading && (stop === -1 || stop === cps.length - 1)) kind = "heading";
        else if (stop > 0 && stop < d.max_lead) lead = cps.slice(0, stop + 1).join("");
        else depth = 0;
      }
      if (kind === "heading" || lead) {
        Object.keys(headings).forEach(function (k) { if (Number(k) >= depth) delete headings[k]; });
        headings[depth] = lead || line;
      }
      var context = sortedDepths(true).map(function (k) { return headings[k]; });
      if (lead) context.unshift(lead);
      var section = "";
      var framing = sortedDepths(false).map(function (k) { return classify(headings[k]); })
        .filter(function (s) { return d.framing.indexOf(s) !== -1; });
      if (!Object.keys(headings).length && kind === "body") section = "opening";
      else if (framing.length && kind === "body") section = framing[framing.length - 1] || "";
      else {
        for (var i = 0; i < context.length; i++) { section = classify(context[i]) || ""; if (section) break; }
        if (!section) section = classify(line) || (genre === "leader-supervision-report" ? "supervision" : "primary-responsibility");
      }
      var aliases = d.genre_aliases[genre] || {};
      if (Object.prototype.hasOwnProperty.call(aliases, section)) section = aliases[section];
      paras.push({ text: line, kind: kind, level: kind === "heading" || lead ? depth : 0, section: section, line: n });
    });
    return paras;
  }

  function findParts(text, genre, ls) {
    var paras = structure(ls.map(function (l) { return [l[0], l[2]]; }), genre), offsets = {}, sections = {};
    ls.forEach(function (l) { offsets[l[0]] = l[1]; });
    paras.forEach(function (p) { sections[p.line] = p.section; });
    var heads = paras.filter(function (p) { return p.kind === "heading"; }), parts = [], total = cpLen(text);
    heads.forEach(function (p, i) {
      var end = total;
      for (var j = i + 1; j < heads.length; j++) if (heads[j].level <= p.level) { end = offsets[heads[j].line]; break; }
      parts.push({ heading: p.text, section: p.section, start: offsets[p.line], end: end });
    });
    return { parts: parts, sections: sections };
  }

  function lineAt(ls, offset) {
    var n = ls.length ? ls[0][0] : 1;
    for (var i = 0; i < ls.length; i++) { if (ls[i][1] > offset) break; n = ls[i][0]; }
    return n;
  }

  // UTF-16 index → code point offset, for regex matches.
  function cpIndex(text) {
    var map = new Int32Array(text.length + 1), cp = 0;
    for (var i = 0; i < text.length; i++) {
      map[i] = cp;
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var e = text.charCodeAt(i + 1);
        if (e >= 0xdc00 && e <= 0xdfff) { map[++i] = cp; }
      }
      cp++;
    }
    map[text.length] = cp;
    return map;
  }

  function fail(where, message) { var e = new Error(message); e.where = where; throw e; }

  function checkYear(value, where) {
    var d = data(), y = typeof value === "number" ? value : (/^\s*[0-9]{4}\s*$/.test(String(value)) ? parseInt(value, 10) : NaN);
    if (!(y >= d.first && y <= d.last)) fail(where, "年度应在 " + d.first + "—" + d.last + " 之间");
    return y;
  }

  function detectYear(text) {
    var head = strip(text).split("\n").slice(0, 3).join("\n");
    var m = /(20[0-9]{2})年度/.exec(head) || /(20[0-9]{2})年/.exec(head);
    if (m) return parseInt(m[1], 10);
    var counts = {}, best = null;
    String(text).replace(re().year, function (_, y) { counts[y] = (counts[y] || 0) + 1; return _; });
    Object.keys(counts).forEach(function (y) {
      if (best === null || counts[y] > counts[best] || (counts[y] === counts[best] && +y > +best)) best = y;
    });
    if (best === null) fail("--from", "看不出报告所属年度，请选择“原报告年度”");
    return parseInt(best, 10);
  }

  function update(text, toYear, opts) {
    opts = opts || {};
    var d = data(), R = re();
    var to = checkYear(toYear, "--to");
    var from = opts.from !== undefined && opts.from !== null && opts.from !== "" ? checkYear(opts.from, "--from") : detectYear(text);
    if (!(from >= d.first && from <= d.last)) fail("--from", "原报告年度 " + from + " 不在本手册覆盖的年度（" + d.first + "—" + d.last + "）内");
    if (to <= from) fail("--to", "新年度应晚于原报告年度 " + from);
    if (opts.genre && !d.genres[opts.genre]) fail("--genre", "没有这个报告类型：" + opts.genre);
    var ls = lines(text), title = ls.length ? ls[0][2] : "";
    var genre = opts.genre || guessGenre(title);
    var found = findParts(text, genre, ls), cpOf = cpIndex(text), cps = Array.from(text), changes = [];

    // The year itself (and, in 下一步, the year after it). Lengths stay equal.
    var moved = cps.slice(), m;
    R.year.lastIndex = 0;
    while ((m = R.year.exec(text)) !== null) {
      var y = parseInt(m[1], 10), s = cpOf[m.index], e = cpOf[m.index + m[0].length];
      var section = found.sections[lineAt(ls, s)] || "", newY, why;
      if (y === from) { newY = to; why = "报告年度"; }
      else if (y === from + 1 && section === "next-steps") { newY = to + 1; why = "下一步打算写的是报告年度的下一年"; }
      else continue;
      var repl = String(newY) + m[2];
      changes.push({ start: s, end: e, kind: "year", old: m[0], "new": repl, reason: why, suggestion: "" });
      Array.prototype.splice.apply(moved, [s, e - s].concat(Array.from(repl)));
    }
    var movedText = moved.join(""), year = d.years[String(to)];

    // The calendar's wording, for the new year (the checker, run on the moved-on text).
    window.HandbookChecker.check(movedText, to).forEach(function (f) {
      if (f.rule !== "stale") return;
      var old = cps.slice(f.start, f.end).join("");
      var quoted = R.quoted.exec(f.suggestion);
      if (old.endsWith("精神") && quoted) {
        var repl2 = old.indexOf("历次") !== -1 ? year.spirit_all : year.spirit;
        if (cps.slice(Math.max(0, f.start - 2), f.start).join("") === "党的" && repl2.startsWith("党的")) repl2 = repl2.slice(2);
        changes.push({ start: f.start, end: f.end, kind: "spirit", old: old, "new": repl2,
                       reason: to + "年度应学习贯彻的是" + year.spirit, suggestion: "" });
      } else {
        changes.push({ start: f.start, end: f.end, kind: "calendar", old: old, "new": null, reason: f.message, suggestion: f.suggestion });
      }
    });
    var c = year.campaign;
    if (c && text.indexOf(c.label) === -1 && text.indexOf(c.name) === -1) {
      var at = ls.length > 1 ? ls[1][1] : 0;
      changes.push({ start: at, end: at, kind: "campaign", old: "", "new": null, reason: to + "年开展" + c.label + "，报告应写到",
                     suggestion: "在开头和政治建设部分写“扎实开展" + c.label + "”" });
    }

    // Last year's figures: every count in the body is to be checked.
    var years = changes.filter(function (x) { return x.kind === "year"; });
    R.count.lastIndex = 0;
    while ((m = R.count.exec(text)) !== null) {
      var cs = cpOf[m.index], ce = cpOf[m.index + m[0].length], sec = found.sections[lineAt(ls, cs)] || "";
      if (sec === "title" || sec === "next-steps") continue;
      if (years.some(function (x) { return x.start <= cs && cs < x.end; })) continue;
      changes.push({ start: cs, end: ce, kind: "count", old: m[0], "new": null, reason: from + "年度的数字", suggestion: "按" + to + "年度的实际核实" });
    }
    changes.sort(function (a, b) { return (a.start - b.start) || (a.end - b.end) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0); });

    var present = {}, missing = [];
    Object.keys(found.sections).forEach(function (k) { present[found.sections[k]] = true; });
    d.genres[genre].required.forEach(function (item) {
      if (!present[item.section]) missing.push({ section: item.section, title: item.title, template: "sections/" + item.section + "/" });
    });
    return { genre: genre, from: from, to: to, parts: found.parts, changes: changes, missing: missing, text: text };
  }

  // update.Update.updated_text: the text with each accepted replacement made, and the spans
  // of every change kept (replaced, or left for review). rejected: indexes of changes to drop.
  function updatedText(result, rejected) {
    rejected = rejected || {};
    var cps = Array.from(result.text), out = [], spans = [], pos = 0, shift = 0;
    var order = result.changes.map(function (c, i) { return i; })
      .sort(function (a, b) { return (result.changes[a].start - result.changes[b].start) || (result.changes[a].end - result.changes[b].end); });
    order.forEach(function (i) {
      var c = result.changes[i];
      if (rejected[i] || c.start < pos) return;
      out.push(cps.slice(pos, c.start).join(""));
      var repl = c["new"] !== null ? c["new"] : c.old, n = cpLen(repl);
      spans.push([c.start + shift, c.start + shift + n]);
      out.push(repl);
      shift += n - (c.end - c.start);
      pos = c.end;
    });
    out.push(cps.slice(pos).join(""));
    return { text: out.join(""), spans: spans };
  }

  // update.updated_docx: the lines of the .docx (title first), each with its marks.
  function docxLines(result, rejected) {
    var u = updatedText(result, rejected), out = [], pos = 0;
    u.text.split("\n").forEach(function (line) {
      var cps = Array.from(line), n = cps.length, lead = lstripLen(cps);
      var marks = u.spans.filter(function (sp) { return sp[0] < pos + n && sp[1] > pos; })
        .map(function (sp) { return [Math.max(sp[0], pos) - pos - lead, Math.min(sp[1], pos + n) - pos - lead]; })
        .filter(function (mk) { return mk[1] > 0; })
        .map(function (mk) { return [Math.max(0, mk[0]), mk[1]]; });
      if (strip(line)) out.push({ text: strip(line), marks: marks });
      pos += n + 1;
    });
    if (!out.length) fail("FILE", "没有可更新的文字");
    return out;
  }

  function docx(result, rejected, kit) {
    var ls = docxLines(result, rejected);
    var lines = [{ kind: "title", text: ls[0].text, marks: [] }].concat(ls.slice(1).map(function (l) {
      return { kind: null, text: l.text, marks: l.marks };
    }));
    return window.HB.wordDocument(kit || window.HANDBOOK_WORD_KIT, lines);
  }

  window.HandbookUpdate = { update: update, updatedText: updatedText, docxLines: docxLines, docx: docx };
})();

/* The page (/tools/update/). */
(function () {
  "use strict";
  var root = document.getElementById("hb-update");
  if (!root) return;
  var $ = function (id) { return document.getElementById(id); };
  var el = window.HB.el;
  var fileInput = $("hb-update-file"), fromSel = $("hb-update-from"), toSel = $("hb-update-to");
  var genreSel = $("hb-update-genre"), status = $("hb-update-status"), doc = $("hb-update-doc");
  var list = $("hb-update-list"), partsBox = $("hb-update-parts"), missingBox = $("hb-update-missing");
  var download = $("hb-update-download"), allOn = $("hb-update-accept-all");
  var KIND_LABELS = { year: "年份", spirit: "学习贯彻的精神", calendar: "提法过时", campaign: "本年度学习教育", count: "上年度数字" };
  var text = null, name = "", result = null, rejected = {};
  // Links to section pages in the URL style of the build (directory URLs, or .html from file://).
  var siteRoot = root.getAttribute("data-root") || "", suffix = root.getAttribute("data-suffix") || "/";

  function run() {
    if (text === null) return;
    try {
      result = window.HandbookUpdate.update(text, toSel.value, { from: fromSel.value, genre: genreSel.value });
    } catch (e) {
      result = null;
      doc.textContent = ""; list.textContent = ""; partsBox.textContent = ""; missingBox.textContent = "";
      download.disabled = true;
      status.textContent = "无法更新：" + e.message + "。";
      return;
    }
    rejected = {};
    if (!fromSel.value) fromSel.setAttribute("data-detected", String(result.from));
    render();
  }

  function render() {
    var r = result, d = window.HANDBOOK_UPDATE_DATA, cps = Array.from(r.text), pos = 0, frag = document.createDocumentFragment();
    // The report, each change marked where it is (a zero-width change: a marker before the line).
    r.changes.forEach(function (c, i) {
      if (c.start < pos) return;
      frag.appendChild(document.createTextNode(cps.slice(pos, c.start).join("")));
      var mark = el("mark", "hb-upd hb-upd--" + c.kind + (rejected[i] ? " hb-upd--rejected" : ""), c.end > c.start ? cps.slice(c.start, c.end).join("") : "＋");
      mark.setAttribute("data-change", String(i));
      mark.title = c.reason + (c["new"] !== null ? " → " + c["new"] : c.suggestion ? "：" + c.suggestion : "");
      frag.appendChild(mark);
      pos = Math.max(pos, c.end);
    });
    frag.appendChild(document.createTextNode(cps.slice(pos).join("")));
    doc.textContent = "";
    doc.appendChild(frag);

    partsBox.textContent = "";
    r.parts.forEach(function (p) {
      var li = el("li", null, p.heading + " → "), a = el("a", null, d.section_titles[p.section] || p.section);
      a.href = siteRoot + "sections/" + p.section + suffix;
      li.appendChild(a);
      partsBox.appendChild(li);
    });
    missingBox.textContent = "";
    r.missing.forEach(function (m) {
      var li = el("li"), a = el("a", null, m.title);
      a.href = siteRoot + "sections/" + m.section + suffix;
      li.appendChild(a);
      li.appendChild(document.createTextNode("（报告类型要求而原报告没有的部分）"));
      missingBox.appendChild(li);
    });

    list.textContent = "";
    r.changes.forEach(function (c, i) {
      var li = el("li", "hb-update__item hb-upd--" + c.kind);
      li.appendChild(el("span", "hb-update__kind", KIND_LABELS[c.kind] || c.kind));
      li.appendChild(el("span", "hb-update__old", c.old ? "“" + c.old + "”" : "（新增）"));
      if (c["new"] !== null) {
        li.appendChild(el("span", "hb-update__new", "→ “" + c["new"] + "”"));
        var box = el("input");
        box.type = "checkbox";
        box.checked = !rejected[i];
        box.setAttribute("data-accept", String(i));
        var label = el("label", "hb-update__accept");
        label.appendChild(box);
        label.appendChild(document.createTextNode("采用"));
        li.appendChild(label);
      } else {
        li.appendChild(el("span", "hb-update__sugg", c.suggestion || "请核实"));
      }
      li.appendChild(el("span", "hb-update__why", c.reason));
      list.appendChild(li);
    });
    var certain = r.changes.filter(function (c) { return c["new"] !== null; }).length;
    download.disabled = false;
    status.textContent = "按" + r.from + "年度的" + (d.genres[r.genre] ? d.genres[r.genre].title : r.genre) + "读取：" +
      r.parts.length + " 个部分，" + r.changes.length + " 处需要改动（" + certain + " 处可以直接替换，其余请逐处核实）" +
      (r.missing.length ? "，缺少 " + r.missing.length + " 个部分" : "") + "。";
  }

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    status.textContent = "正在读取 " + file.name + " …";
    window.HB.readReport(file).then(function (r) {
      text = r.text;
      name = file.name.replace(/\.[^.]+$/, "");
      run();
      if (r.warning) status.textContent = r.warning + " " + status.textContent;
    }, function (err) {
      status.textContent = "无法读取 " + file.name + "：" + err.message;
    });
  });
  [fromSel, toSel, genreSel].forEach(function (s) { s.addEventListener("change", run); });
  list.addEventListener("change", function (e) {
    var i = e.target.getAttribute && e.target.getAttribute("data-accept");
    if (i === null || i === undefined) return;
    if (e.target.checked) delete rejected[i]; else rejected[i] = true;
    render();
  });
  allOn.addEventListener("click", function () { rejected = {}; if (result) render(); });
  download.addEventListener("click", function () {
    if (!result) return;
    var n = (name || "更新稿").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").slice(0, 50) || "更新稿";
    window.HB.saveBlob(window.HandbookUpdate.docx(result, rejected), n + "（" + result.to + "年度更新稿）.docx");
    status.textContent = "已生成更新稿：采用的替换已写入，每处改动和待核实的文字用黄色突出显示，请在 Word 或 WPS 中逐处审核。";
  });
  window.HandbookUpdate.page = { load: function (t, n) { text = t; name = n || ""; run(); }, result: function () { return result; } };
})();
