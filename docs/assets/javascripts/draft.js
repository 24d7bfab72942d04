/* 述职述廉报告写作手册: the draft assembler (起草助手), /tools/draft/.
 *
 * Reads window.HANDBOOK_DRAFT_DATA (draft-data.js, generated at build time
 * from the section templates: one rendering per section, variant and report
 * year, slots left as names) and window.HANDBOOK_WORD_KIT (word-kit.js, the
 * GB/T 9704 .docx parts of macros/word.py). The assembly mirrors
 * macros/genres.py skeleton_texts: part headings 一、, sections renumbered
 * （一）（二） in their part.
 *
 * Values stay in this browser (localStorage) and nowhere else. Everything the
 * user types is inserted as text (textContent, setAttribute, XML-escaped in
 * Word), never as HTML. Copy buttons reuse handbook.js (.hb-copy, data-copy). */
(function () {
  "use strict";
  var root = document.getElementById("hb-draft");
  if (!root) return;
  var DATA = window.HANDBOOK_DRAFT_DATA, KIT = window.HANDBOOK_WORD_KIT;
  var $ = function (id) { return document.getElementById(id); };
  var status = $("hb-draft-status");
  if (!DATA) { status.textContent = "起草助手的数据没有加载（draft-data.js）。"; return; }

  var STORE = "handbook-draft-v1";
  var HEADING_RE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
  var H1_RE = /^[一二三四五六七八九十]+、/;
  var genreSelect = $("hb-draft-genre"), variantSelect = $("hb-draft-variant");
  var fieldsBox = $("hb-draft-fields"), sectionList = $("hb-draft-sections"), preview = $("hb-draft-preview");
  var hintsBox = $("hb-draft-hints");
  var CHOICE = "handbook-choice-v1";  // 我在写：… (handbook.js): genre, variant, year, site-wide
  var notice = $("hb-draft-notice"), undoButton = $("hb-draft-undo");
  var foreign = false, storageFailed = false, undoState = null;
  var state = applyChoice(load());

  function parseState(raw) {
    var saved = null;
    try { saved = JSON.parse(raw || "null"); } catch (e) { saved = null; }
    var s = saved && typeof saved === "object" ? saved : {};
    return {
      genre: typeof s.genre === "string" ? s.genre : DATA.genres[0].slug,
      variant: typeof s.variant === "string" ? s.variant : "",
      values: s.values && typeof s.values === "object" ? s.values : {},
      layout: s.layout && typeof s.layout === "object" ? s.layout : {},
      hints: s.hints !== false
    };
  }

  function stored() {
    try { return window.localStorage.getItem(STORE); } catch (e) { return null; }
  }

  function load() { return parseState(stored()); }

  // The reader's choice (home page, other tools) preselects the report type, variant and year.
  function applyChoice(s) {
    var c = null;
    try { c = JSON.parse(window.localStorage.getItem(CHOICE) || "null"); } catch (e) { c = null; }
    if (!c || typeof c !== "object" || !DATA.genres.some(function (g) { return g.slug === c.genre; })) return s;
    if (c.genre !== s.genre) { s.genre = c.genre; s.variant = ""; }
    if (typeof c.variant === "string" && c.variant) s.variant = c.variant;
    if (DATA.years.indexOf(parseInt(c.year, 10)) !== -1) s.values.year = String(c.year);
    return s;
  }

  function saveChoice() {
    var g = genre(), v = null;
    g.variants.forEach(function (x) { if (x.id === state.variant) v = x; });
    var c = { genre: g.slug, genreTitle: g.title, variant: v ? v.id : "", variantLabel: v ? v.label : "",
              year: reportYear() };
    try { window.localStorage.setItem(CHOICE, JSON.stringify(c)); } catch (e) { /* said by save() */ }
  }

  function showNotice(text, actions) { window.HB.notice(notice, text, actions); }

  // Nothing typed is lost: while another tab has changed the stored values, this tab
  // keeps its own in memory and asks which to keep; a full or blocked storage is said.
  function save() {
    if (foreign) return;
    try {
      window.localStorage.setItem(STORE, JSON.stringify(state));
      if (storageFailed) { storageFailed = false; showNotice(""); }
    } catch (e) {
      storageFailed = true;
      showNotice("本机浏览器没有保存刚才的填写（存储空间已满，或浏览器禁止网页保存数据）。关闭页面前请用“导出填写内容”保存为文件。");
    }
  }

  var el = window.HB.el;

  function genre() {
    for (var i = 0; i < DATA.genres.length; i++) if (DATA.genres[i].slug === state.genre) return DATA.genres[i];
    state.genre = DATA.genres[0].slug;
    return DATA.genres[0];
  }

  function variantOf(item) {
    var sec = DATA.sections[item.section];
    if (!sec) return null;
    // The genre's voice decides the template's variant (its own or one that serves it),
    // as macros/content/genres.py section_variant does for the command.
    return item.variants[state.variant] || null;
  }

  function reportYear() {
    var y = parseInt(state.values.year, 10), years = DATA.years;
    if (!(y >= 1000 && y <= 9999)) y = DATA.default_year;
    return Math.min(Math.max(y, years[0]), years[years.length - 1]);
  }

  function rendering(item) {
    var sec = DATA.sections[item.section], v = variantOf(item);
    if (!sec || !v) return null;
    return DATA.renderings[sec.variants[v][String(reportYear())]];
  }

  // The genre's layout in this browser: per part, the order of its sections and which are left out.
  function layout(g) {
    var saved = state.layout[g.slug] || {}, parts = [];
    g.parts.forEach(function (part, pi) {
      var names = part.items.map(function (it) { return it.section; });
      var order = Array.isArray(saved.order && saved.order[pi]) ? saved.order[pi].filter(function (n) {
        return names.indexOf(n) !== -1;
      }) : [];
      names.forEach(function (n) { if (order.indexOf(n) === -1) order.push(n); });
      parts.push(order);
    });
    var dropped = Array.isArray(saved.dropped) ? saved.dropped : [];
    return { order: parts, dropped: dropped };
  }

  function setLayout(g, lay) {
    state.layout[g.slug] = lay;
    save();
  }

  function itemOf(g, pi, name) {
    var items = g.parts[pi].items;
    for (var i = 0; i < items.length; i++) if (items[i].section === name) return items[i];
    return null;
  }

  // --- assembling ------------------------------------------------------------

  // Blocks: {section, title, kind: "title"|"heading"|"section", paras: [[seg…]…]}, numbered as
  // macros/genres.py outline(): a part gets the next 一、; its sections get （一）（二）… when it
  // has several (under the template's own heading, renumbered) and no heading when alone; a
  // section outside any part keeps the 一、 heading its template brings, renumbered.
  function assemble() {
    var g = genre(), lay = layout(g), blocks = [], n1 = 0, titleParas = null;
    g.parts.forEach(function (part, pi) {
      var included = lay.order[pi].filter(function (n) {
        var it = itemOf(g, pi, n);
        return it.required || lay.dropped.indexOf(n) === -1;
      });
      if (!included.length) return;
      if (part.heading) {
        blocks.push({ kind: "heading", section: null, title: part.heading,
                      paras: [[["t", DATA.numerals.charAt(n1) + "、" + part.heading]]] });
        n1++;
      }
      included.forEach(function (n, j) {
        var it = itemOf(g, pi, n), paras = rendering(it), split;
        if (n === "title") { titleParas = paras; return; }
        if (paras === null) split = { kind: null, own: null, rest: [[["t", "【" + it.title + "：" + it.length + "】"]]] };
        else split = splitHeading(paras);
        var out;
        if (part.heading && included.length > 1) {
          var own = split.own && split.own.length ? split.own : [["t", it.title]];
          out = [[["t", "（" + DATA.numerals.charAt(j) + "）"]].concat(own)].concat(split.rest);
        } else if (part.heading) {
          out = split.rest;
        } else if (split.kind === "h1") {
          out = [[["t", DATA.numerals.charAt(n1) + "、"]].concat(split.own)].concat(split.rest);
          n1++;
        } else {
          out = paras !== null ? paras : split.rest;
        }
        blocks.push({ kind: "section", section: n, title: it.title, paras: out });
      });
    });
    var title = titleParas ? titleParas : [g.doc_title];
    blocks.unshift({ kind: "title", section: "title", title: "标题", paras: title });
    return blocks;
  }

  // A template's own leading heading (一、 or （一）): its kind, its segments without the number,
  // and the other paragraphs (writing instructions kept for the preview; never copied).
  function splitHeading(paras) {
    var texts = paras.filter(function (p) { return !isInstruction(p); });
    var first = texts.length ? texts[0] : null, seg = first ? firstTextSegment(first) : null;
    if (!seg || seg !== first.filter(function (x) { return x[0] !== "h"; })[0] || !HEADING_RE.test(seg[1])) {
      return { kind: null, own: null, rest: paras };
    }
    var kind = H1_RE.test(seg[1]) ? "h1" : "h2";
    var own = first.filter(function (x) { return x[0] !== "h"; }).map(function (x) {
      return x === seg ? ["t", x[1].replace(HEADING_RE, "")] : x;
    }).filter(function (x) { return x[1] !== ""; });
    return { kind: kind, own: own, rest: paras.filter(function (p) { return p !== first; }) };
  }

  function isInstruction(p) {
    return p.every(function (seg) { return seg[0] === "h" || !seg[1].trim(); });
  }

  function firstTextSegment(p) {
    for (var i = 0; i < p.length; i++) if (p[i][0] !== "h") return p[i][0] === "t" ? p[i] : null;
    return null;
  }

  function slotText(name) {
    var v = state.values[name];
    if (v !== undefined && v !== null && String(v).trim() !== "") return String(v).trim();
    var slot = DATA.slots[name];
    return "【" + (slot ? slot.label : name) + "】";
  }

  function plainPara(p) {
    return p.map(function (seg) { return seg[0] === "h" ? "" : seg[0] === "s" ? slotText(seg[1]) : seg[1]; }).join("").trim();
  }

  function blockLines(block) {
    return block.paras.filter(function (p) { return !isInstruction(p); }).map(plainPara).filter(Boolean);
  }

  function draftLines(blocks) {
    var lines = [];
    blocks.forEach(function (b) { lines = lines.concat(blockLines(b)); });
    return lines;
  }

  // --- the form ----------------------------------------------------------------

  function usedSlots(g) {
    var names = [];
    function add(n) { if (names.indexOf(n) === -1 && DATA.slots[n]) names.push(n); }
    g.doc_title.forEach(function (seg) { if (seg[0] === "s") add(seg[1]); });
    g.parts.forEach(function (part) {
      part.items.forEach(function (it) {
        var sec = DATA.sections[it.section];
        if (sec) sec.slots.forEach(add);
      });
    });
    names.sort(function (a, b) { return (a === "year" ? -1 : 0) - (b === "year" ? -1 : 0); });
    return names;
  }

  function buildForm() {
    var g = genre();
    genreSelect.textContent = "";
    DATA.genres.forEach(function (x) {
      var o = el("option", null, x.title);
      o.value = x.slug;
      genreSelect.appendChild(o);
    });
    genreSelect.value = g.slug;
    variantSelect.textContent = "";
    g.variants.forEach(function (v) {
      var o = el("option", null, v.label);
      o.value = v.id;
      variantSelect.appendChild(o);
    });
    if (!g.variants.some(function (v) { return v.id === state.variant; })) state.variant = g.variants[0].id;
    variantSelect.value = state.variant;

    fieldsBox.textContent = "";
    usedSlots(g).forEach(function (name) {
      var slot = DATA.slots[name], id = "hb-draft-slot-" + name, wrap = el("div", "hb-draft__field");
      var label = el("label", null, slot.label);
      label.htmlFor = id;
      var input;
      if (slot.type === "choice") {
        input = el("select");
        input.appendChild(el("option", null, "（请选择）")).value = "";
        slot.choices.forEach(function (c) { input.appendChild(el("option", null, c)).value = c; });
      } else if (name === "year") {
        // The report year is a choice of the years the calendar covers, newest first: no free text.
        input = el("select");
        DATA.years.slice().reverse().forEach(function (y) { input.appendChild(el("option", null, y + "年度")).value = String(y); });
        if (DATA.years.indexOf(parseInt(state.values[name], 10)) === -1 || !/^\d{4}$/.test(String(state.values[name]))) {
          state.values[name] = String(DATA.default_year);
        }
      } else {
        input = el("input");
        input.type = "text";
        if (slot.type === "year" || slot.type === "count") input.inputMode = "numeric";
        input.placeholder = "例：" + slot.example;
      }
      input.id = id;
      input.name = name;
      input.className = "hb-draft__input";
      input.value = state.values[name] !== undefined ? String(state.values[name]) : "";
      var help = el("small", "hb-draft__hint", slot.hint);
      help.id = id + "-hint";
      input.setAttribute("aria-describedby", help.id);
      input.addEventListener("input", function () {
        state.values[name] = input.value;
        save();
        if (name === "year") saveChoice();
        renderPreview();
      });
      wrap.appendChild(label);
      wrap.appendChild(input);
      wrap.appendChild(help);
      fieldsBox.appendChild(wrap);
    });
    buildSections();
  }

  function buildSections() {
    var g = genre(), lay = layout(g);
    sectionList.textContent = "";
    g.parts.forEach(function (part, pi) {
      var group = el("li", "hb-draft__part");
      if (part.heading) group.appendChild(el("span", "hb-draft__part-title", part.heading));
      var inner = el("ol", "hb-draft__items");
      lay.order[pi].forEach(function (name, idx) {
        var it = itemOf(g, pi, name), li = el("li", "hb-draft__item" + (it.required ? " hb-draft__item--required" : ""));
        var id = "hb-draft-use-" + name, box = el("input");
        box.type = "checkbox";
        box.id = id;
        box.setAttribute("role", "switch");
        box.checked = it.required || lay.dropped.indexOf(name) === -1;
        box.disabled = it.required;
        box.addEventListener("change", function () {
          var l = layout(g), at = l.dropped.indexOf(name);
          if (box.checked && at !== -1) l.dropped.splice(at, 1);
          if (!box.checked && at === -1) l.dropped.push(name);
          setLayout(g, l);
          renderPreview();
        });
        var label = el("label", "hb-draft__item-label");
        label.htmlFor = id;
        label.appendChild(el("span", "hb-draft__item-title", it.title));
        label.appendChild(el("span", "hb-draft__tag", it.required ? "必写" : "可选"));
        li.appendChild(box);
        li.appendChild(label);
        var tools = el("span", "hb-draft__item-tools");
        [["上移", -1], ["下移", 1]].forEach(function (spec) {
          var b = el("button", "hb-draft__move", spec[0]);
          b.type = "button";
          b.setAttribute("aria-label", spec[0] + "“" + it.title + "”");
          b.disabled = idx + spec[1] < 0 || idx + spec[1] >= lay.order[pi].length;
          b.hidden = lay.order[pi].length < 2;
          b.addEventListener("click", function () {
            var l = layout(g), order = l.order[pi], i = order.indexOf(name), j = i + spec[1];
            order[i] = order[j];
            order[j] = name;
            setLayout(g, l);
            buildSections();
            renderPreview();
            var again = sectionList.querySelector('button[aria-label="' + b.getAttribute("aria-label") + '"]');
            if (again && !again.disabled) again.focus();
          });
          tools.appendChild(b);
        });
        li.appendChild(tools);
        inner.appendChild(li);
      });
      group.appendChild(inner);
      sectionList.appendChild(group);
    });
  }

  // --- the preview ---------------------------------------------------------------

  function copyButton(text, label, what) {
    var b = el("button", "hb-copy");
    b.type = "button";
    b.setAttribute("data-copy", text);
    b.title = "复制" + what + "的纯文本（不含写作提示）";
    b.appendChild(el("span", "hb-copy__text", label));
    return b;
  }

  function renderPreview() {
    var blocks = assemble(), showHints = hintsBox.checked;
    preview.textContent = "";
    blocks.forEach(function (b) {
      var box = el("section", "hb-draft__block hb-draft__block--" + b.kind), text = el("div", "hb-draft__text");
      if (b.section) box.setAttribute("data-section", b.section);
      if (b.kind === "section") {
        // The block's tools sit beside its text (below it on a phone), never inside it.
        var bar = el("div", "hb-draft__bar");
        bar.appendChild(el("span", "hb-draft__caption", b.title));
        bar.appendChild(copyButton(blockLines(b).join("\n"), "复制本段", "“" + b.title + "”"));
        box.appendChild(bar);
      }
      box.insertBefore(text, box.firstChild);
      var titleDone = false;
      b.paras.forEach(function (p) {
        var instruction = isInstruction(p);
        if (instruction && !showHints) return;
        var cls = instruction ? "hb-hint hb-hint--block" : "";
        if (b.kind === "title" && !instruction) { cls = titleDone ? "hb-draft__byline" : "hb-draft__title"; titleDone = true; }
        if (b.kind === "heading") cls = "hb-draft__h1";
        else if (!instruction && b.kind === "section") {
          var lead = plainPara(p);
          // A heading on its own line reads as one; a heading that runs into its text stays body text.
          if (lead.length <= 40 && H1_RE.test(lead)) cls = "hb-draft__h1";
          else if (lead.length <= 40 && HEADING_RE.test(lead)) cls = "hb-draft__h2";
        }
        var para = el("p", cls);
        p.forEach(function (seg) {
          if (seg[0] === "t") para.appendChild(document.createTextNode(seg[1]));
          else if (seg[0] === "s") {
            var v = state.values[seg[1]], filled = v !== undefined && String(v).trim() !== "";
            para.appendChild(el(filled ? "mark" : "span", filled ? "hb-fill" : "hb-slot", slotText(seg[1])));
          } else if (showHints) {
            var h = el("span", "hb-hint");
            h.appendChild(el("span", "hb-hint__tag", "提示"));
            h.appendChild(document.createTextNode(seg[1]));
            para.appendChild(h);
          }
        });
        text.appendChild(para);
      });
      preview.appendChild(box);
    });
    var lines = draftLines(blocks);
    var copyAll = $("hb-draft-copy");
    copyAll.classList.add("hb-copy");
    copyAll.setAttribute("data-copy", lines.join("\n"));
    if (!copyAll.querySelector(".hb-copy__text")) {
      var label = el("span", "hb-copy__text", copyAll.textContent);
      copyAll.textContent = "";
      copyAll.appendChild(label);
    }
    var left = lines.join("").match(/【[^【】]*】/g);
    status.textContent = left ? "还有 " + left.length + " 处【填空项】待填写或改写。" : "全部填空项已填写。";
  }

  // --- Word (.docx): the kit's parts, paragraph XML, and a small zip writer ---

  // Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF):
  // removed from the .docx, and the number removed is said.
  var NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  var removedChars = 0;
  function xmlSafe(t) {
    return t.replace(NOT_XML, function () { removedChars++; return ""; });
  }

  function docx() {
    removedChars = 0;
    var blocks = assemble(), titleBlock = blocks[0], lines = [];
    var titleLines = blockLines(titleBlock).map(xmlSafe), title = titleLines[0] || "", byline = titleLines.slice(1);
    if (title) lines.push({ kind: "title", text: title });
    byline.forEach(function (t) { lines.push({ kind: "byline", text: t }); });
    draftLines(blocks.slice(1)).map(xmlSafe).filter(Boolean).forEach(function (t) { lines.push({ kind: null, text: t }); });
    return { blob: window.HB.wordDocument(KIT, lines), title: title, removed: removedChars };
  }

  function download() {
    if (!KIT) { status.textContent = "Word 格式数据没有加载（word-kit.js）。"; return; }
    var d = docx();
    var name = (d.title || "初稿").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").slice(0, 60) || "初稿";
    window.HB.saveBlob(d.blob, name + ".docx");
    status.textContent = "已生成 " + name + ".docx。" + (d.removed ?
      "填写的内容中有 " + d.removed + " 个 Word 文件无法保存的字符（控制字符等，多由复制带入），已从 Word 文件中删去。" : "");
  }

  // --- wiring ------------------------------------------------------------------

  genreSelect.addEventListener("change", function () {
    state.genre = genreSelect.value;
    state.variant = "";
    save();
    buildForm();
    saveChoice();
    renderPreview();
  });
  variantSelect.addEventListener("change", function () {
    state.variant = variantSelect.value;
    save();
    saveChoice();
    renderPreview();
  });
  hintsBox.checked = state.hints;
  hintsBox.addEventListener("change", function () { state.hints = hintsBox.checked; save(); renderPreview(); });
  $("hb-draft-docx").addEventListener("click", download);

  function copyState(s) { return JSON.parse(JSON.stringify(s)); }

  function replaceState(next, undoLabel) {
    undoState = copyState(state);
    state = next;
    save();
    hintsBox.checked = state.hints;
    buildForm();
    saveChoice();
    renderPreview();
    undoButton.hidden = false;
    undoButton.textContent = "撤销" + undoLabel;
  }

  // 清空 asks first and can be undone (撤销 restores the state before it).
  $("hb-draft-clear").addEventListener("click", function () {
    if (!window.confirm("清空本机保存的全部填写内容和段落顺序？清空后可以用“撤销”恢复。")) return;
    undoState = copyState(state);
    try { window.localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    state = { genre: state.genre, variant: state.variant, values: { year: state.values.year }, layout: {}, hints: true };
    hintsBox.checked = true;
    buildForm();
    renderPreview();
    undoButton.hidden = false;
    undoButton.textContent = "撤销清空";
    status.textContent = "已清空本机保存的填写内容。点“撤销清空”可以恢复。";
  });
  undoButton.addEventListener("click", function () {
    if (!undoState) return;
    state = undoState;
    undoState = null;
    save();
    hintsBox.checked = state.hints;
    buildForm();
    saveChoice();
    renderPreview();
    undoButton.hidden = true;
    status.textContent = "已恢复之前的填写内容。";
  });

  // Export / import: {"genre", "variant", "year", "values": {slot: text}}, the file that
  // `python -m macros draft GENRE --values FILE` reads (macros/content/assemble.py).
  var BAD_VALUE = /[\u0000-\u001f\u007f\u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\u2029\ufffe\uffff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  function exported() {
    var values = {}, removed = 0;
    Object.keys(state.values).sort().forEach(function (k) {
      if (k === "year" || !DATA.slots[k]) return;
      var v = String(state.values[k]).replace(BAD_VALUE, function () { removed++; return ""; });
      if (v.trim() !== "") values[k] = v;
    });
    return { data: { genre: state.genre, variant: state.variant, year: reportYear(), values: values }, removed: removed };
  }

  $("hb-draft-export").addEventListener("click", function () {
    var out = exported(), a = document.createElement("a");
    var blob = new Blob([JSON.stringify(out.data, null, 2) + "\n"], { type: "application/json" });
    a.href = URL.createObjectURL(blob);
    a.download = "起草助手-" + genre().title.replace(/[\\/:*?"<>|“”]/g, "").slice(0, 30) + "-" + reportYear() + ".json";
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    status.textContent = "已导出填写内容（" + a.download + "）。" +
      (out.removed ? "其中 " + out.removed + " 个不可见或控制字符无法保存，已删去。" : "");
  });

  function checkImport(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return "文件里不是起草助手导出的内容";
    var keys = Object.keys(data).filter(function (k) { return ["genre", "variant", "year", "values"].indexOf(k) === -1; });
    if (keys.length) return "文件里有不认识的项目“" + keys[0] + "”";
    var g = null;
    DATA.genres.forEach(function (x) { if (x.slug === data.genre) g = x; });
    if (data.genre !== undefined && !g) return "报告类型“" + data.genre + "”不在本手册中";
    g = g || genre();
    if (data.variant !== undefined && !g.variants.some(function (v) { return v.id === data.variant; })) {
      return "“" + g.title + "”没有“" + data.variant + "”这种写法";
    }
    if (data.year !== undefined && DATA.years.indexOf(parseInt(data.year, 10)) === -1) {
      return "报告年度 " + data.year + " 不在本手册覆盖的年度（" + DATA.years[0] + "—" + DATA.years[DATA.years.length - 1] + "）内";
    }
    var values = data.values === undefined ? {} : data.values;
    if (!values || typeof values !== "object" || Array.isArray(values)) return "“values”应当是 填空项 → 文字";
    var bad = Object.keys(values).filter(function (k) {
      return !DATA.slots[k] || !(typeof values[k] === "string" || typeof values[k] === "number");
    });
    if (bad.length) return "填空项“" + bad[0] + "”不认识或不是文字";
    return null;
  }

  var importInput = $("hb-draft-import");
  importInput.addEventListener("change", function () {
    var file = importInput.files && importInput.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data;
      try { data = JSON.parse(text.replace(/^\ufeff/, "")); } catch (e) { data = undefined; }
      var problem = data === undefined ? "不是 JSON 文件" : checkImport(data);
      importInput.value = "";
      if (problem) { status.textContent = "无法导入 " + file.name + "：" + problem + "。"; return; }
      var next = copyState(state);
      if (data.genre !== undefined && data.genre !== next.genre) { next.genre = data.genre; next.variant = ""; }
      if (data.variant !== undefined) next.variant = data.variant;
      next.values = {};
      Object.keys(data.values || {}).forEach(function (k) { next.values[k] = String(data.values[k]); });
      next.values.year = String(data.year !== undefined ? parseInt(data.year, 10) : reportYear());
      replaceState(next, "导入");
      status.textContent = "已导入 " + file.name + "。点“撤销导入”可以恢复导入前的内容。";
    }, function () { status.textContent = "无法读取 " + file.name + "。"; });
  });

  // A second tab: told of the change, never silently overwritten (nor overwriting it).
  window.addEventListener("storage", function (e) {
    if (e.key !== STORE && e.key !== null) return;
    if (e.newValue === JSON.stringify(state)) return;
    foreign = true;
    showNotice("另一个标签页修改了起草助手的填写内容。本页的填写暂不保存，请选择保留哪一份：", [
      ["载入另一个标签页的内容", function () {
        foreign = false;
        showNotice("");
        replaceState(load(), "载入");
        status.textContent = "已载入另一个标签页的内容。";
      }],
      ["保留本页的内容", function () {
        foreign = false;
        showNotice("");
        save();
        status.textContent = "已保存本页的内容（另一个标签页刷新后看到这份）。";
      }]
    ]);
  });

  buildForm();
  renderPreview();
  window.HandbookDraft = { assemble: assemble, lines: function () { return draftLines(assemble()); }, docx: docx };
})();
