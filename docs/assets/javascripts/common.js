/* 述职述廉报告写作手册: helpers the page scripts share (one copy each).
 * Loaded before them: first in extra_javascript, and first among a tool
 * page's own scripts. Defines window.HB once. */
(function () {
  "use strict";
  if (window.HB) return;

  /* An element with a class and text (never innerHTML: what a user typed stays text). */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var HTML = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  function escapeHtml(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return HTML[c]; });
  }

  /* XML text and attribute values for the .docx parts (also the apostrophe). */
  function escapeXml(s) {
    return escapeHtml(s).replace(/'/g, "&#x27;");
  }

  /* Zip, both ways: the drafting tool writes .docx files, the checker (and the update tool) reads them. */
  var CRC_TABLE = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  // A zip with every entry STORED (no compression): enough for Word, no library needed.
  function zip(files) {
    var enc = new TextEncoder(), chunks = [], central = [], offset = 0;
    var DOS_TIME = 0, DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
    function header(size) { return { buf: new Uint8Array(size), view: null }; }
    files.forEach(function (f) {
      var name = enc.encode(f[0]), data = enc.encode(f[1]), crc = crc32(data);
      var h = header(30 + name.length), v = new DataView(h.buf.buffer);
      v.setUint32(0, 0x04034b50, true); v.setUint16(4, 20, true); v.setUint16(6, 0x0800, true);
      v.setUint16(8, 0, true); v.setUint16(10, DOS_TIME, true); v.setUint16(12, DOS_DATE, true);
      v.setUint32(14, crc, true); v.setUint32(18, data.length, true); v.setUint32(22, data.length, true);
      v.setUint16(26, name.length, true); v.setUint16(28, 0, true);
      h.buf.set(name, 30);
      var c = header(46 + name.length), cv = new DataView(c.buf.buffer);
      cv.setUint32(0, 0x02014b50, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true);
      cv.setUint16(8, 0x0800, true); cv.setUint16(10, 0, true); cv.setUint16(12, DOS_TIME, true);
      cv.setUint16(14, DOS_DATE, true); cv.setUint32(16, crc, true); cv.setUint32(20, data.length, true);
      cv.setUint32(24, data.length, true); cv.setUint16(28, name.length, true);
      cv.setUint32(38, 0o644 << 16, true); cv.setUint32(42, offset, true);
      c.buf.set(name, 46);
      chunks.push(h.buf, data);
      central.push(c.buf);
      offset += h.buf.length + data.length;
    });
    var size = central.reduce(function (n, c) { return n + c.length; }, 0);
    var end = new Uint8Array(22), ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, files.length, true); ev.setUint16(10, files.length, true);
    ev.setUint32(12, size, true); ev.setUint32(16, offset, true);
    return new Blob(chunks.concat(central, [end]), {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    });
  }

  function inflate(data) {
    var stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  // The one file a .docx needs for its text, found through the zip's central directory.
  function unzipEntry(bytes, wanted) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), eocd = -1;
    for (var i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) return Promise.reject(new Error("不是有效的 .docx 文件"));
    var count = view.getUint16(eocd + 10, true), p = view.getUint32(eocd + 16, true);
    var utf8 = new TextDecoder("utf-8");
    for (var n = 0; n < count; n++) {
      if (view.getUint32(p, true) !== 0x02014b50) break;
      var method = view.getUint16(p + 10, true), size = view.getUint32(p + 20, true);
      var nameLen = view.getUint16(p + 28, true), extraLen = view.getUint16(p + 30, true);
      var commentLen = view.getUint16(p + 32, true), local = view.getUint32(p + 42, true);
      var name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      if (name === wanted) {
        var start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        var raw = bytes.subarray(start, start + size);
        if (method === 0) return Promise.resolve(raw);
        if (method === 8) return inflate(raw);
        return Promise.reject(new Error("不支持的压缩方式"));
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
    return Promise.reject(new Error("文件中没有 " + wanted));
  }


  /* Reading a report file (the checker page): the same decisions as macros/tools/textio.py, on the same
   * bytes (see its docstring; tests/data/reader/ is read by both). decodeReport(bytes, name) resolves to
   * {text, encoding, bad, firstBad, warning} or rejects with an Error whose .code is textio's verdict code
   * and whose message is one line: Chinese, then textio's English message in brackets. */
  var READ_LIMIT = 20 * 1024 * 1024, XML_LIMIT = 200 * 1024 * 1024;
  var EXPECTED = "expected UTF-8, GBK/GB18030 or UTF-16 text, or .docx";
  var W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var CONTROL_RE = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g, ARTEFACT_RE = /[\ufeff\ufffe\uffff]/g;
  var NONBLANK_RE = /[^\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

  function readError(code, chinese, english) {
    var e = new Error(chinese + "（" + english + "）");
    e.code = code;
    e.english = english;
    return e;
  }
  function badDocx(chinese, reason) {
    return readError("docx-bad", "不是有效的 .docx 文件：" + chinese, "not a readable .docx file (" + reason + ")");
  }
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function tooLarge(size) {
    return readError("too-large", "文件太大（上限 20 MB）",
      "too large (" + thousands(size) + " bytes): the limit is 20 MB (" + thousands(READ_LIMIT) + " bytes)");
  }

  // Bad byte sequences, as Python's strict decoders report them (first byte of each).
  function utf8Bad(b, from) {
    var n = 0, first = -1, i = from, len = b.length;
    while (i < len) {
      var c = b[i];
      if (c < 0x80) { i++; continue; }
      var need = 0, lo = 0x80, hi = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) need = 1;
      else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f; }
      else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f; }
      if (!need) { n++; if (first < 0) first = i; i++; continue; }
      var j = i + 1, k = 0;
      while (k < need && j < len && b[j] >= lo && b[j] <= hi) { lo = 0x80; hi = 0xbf; j++; k++; }
      if (k < need) { n++; if (first < 0) first = i; }  // the maximal bad subpart: lead and valid continuations
      i = j;
    }
    return { bad: n, first: first };
  }

  function gbBad(b) {
    var list = [], i = 0, len = b.length;
    while (i < len) {
      var c = b[i];
      if (c < 0x80) { i++; continue; }
      if (c !== 0x80 && c !== 0xff && i + 1 < len) {
        var d = b[i + 1];
        if ((d >= 0x40 && d <= 0x7e) || (d >= 0x80 && d <= 0xfe)) { i += 2; continue; }
        if (d >= 0x30 && d <= 0x39 && i + 3 < len && b[i + 2] >= 0x81 && b[i + 2] <= 0xfe && b[i + 3] >= 0x30 && b[i + 3] <= 0x39) {
          var p = (((c - 0x81) * 10 + (d - 0x30)) * 126 + (b[i + 2] - 0x81)) * 10 + (b[i + 3] - 0x30);
          if (p <= 39419 || (p >= 189000 && p <= 1237575)) { i += 4; continue; }
        }
      }
      list.push(i);
      i++;
    }
    return list;
  }

  function utf16Bad(b, from, le) {
    var n = 0, first = -1, i = from, len = b.length;
    function unit(k) { return le ? b[k] | (b[k + 1] << 8) : (b[k] << 8) | b[k + 1]; }
    while (i + 1 < len) {
      var u = unit(i);
      if (u >= 0xd800 && u <= 0xdbff) {
        if (i + 3 < len) {
          var v = unit(i + 2);
          if (v >= 0xdc00 && v <= 0xdfff) { i += 4; continue; }
          n++; if (first < 0) first = i; i += 2; continue;
        }
        n++; if (first < 0) first = i; i = len; continue;  // cut off at the end: one bad sequence
      }
      if (u >= 0xdc00 && u <= 0xdfff) { n++; if (first < 0) first = i; }
      i += 2;
    }
    if (i < len) { n++; if (first < 0) first = i; }
    return { bad: n, first: first };
  }

  function decoder(enc) { return new TextDecoder(enc, { ignoreBOM: true }); }

  function gbDecode(b, bad) {
    var parts = [], at = 0, dec = decoder("gb18030");
    bad.forEach(function (i) { parts.push(dec.decode(b.subarray(at, i)), "\ufffd"); at = i + 1; });
    parts.push(dec.decode(b.subarray(at)));
    return parts.join("");
  }

  function decodePlain(b) {
    var r;
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      r = utf8Bad(b, 3);
      return { text: decoder("utf-8").decode(b.subarray(3)), encoding: "utf-8-sig", bad: r.bad, first: r.first };
    }
    var le = b.length >= 2 && b[0] === 0xff && b[1] === 0xfe, be = b.length >= 2 && b[0] === 0xfe && b[1] === 0xff;
    if (le || be) {
      r = utf16Bad(b, 2, le);
      var t = decoder(le ? "utf-16le" : "utf-16be").decode(b.subarray(2));
      if (t.indexOf("\x00") !== -1) throw readError("binary-nul", "不是文本文件（含空字符）", "binary file (contains NUL characters), " + EXPECTED);
      return { text: t, encoding: le ? "utf-16-le" : "utf-16-be", bad: r.bad, first: r.first };
    }
    if (b.indexOf(0) !== -1) throw readError("binary-nul", "不是文本文件（含空字节）", "binary file (contains NUL bytes), " + EXPECTED);
    var u = utf8Bad(b, 0);
    if (!u.bad) return { text: decoder("utf-8").decode(b), encoding: "utf-8", bad: 0, first: -1 };
    var g = gbBad(b);
    if (!g.length) return { text: decoder("gb18030").decode(b), encoding: "gb18030", bad: 0, first: -1 };
    if (g.length < u.bad) return { text: gbDecode(b, g), encoding: "gb18030", bad: g.length, first: g[0] };
    return { text: decoder("utf-8").decode(b), encoding: "utf-8", bad: u.bad, first: u.first };
  }

  function cpCount(s) {
    var pairs = s.match(/[\ud800-\udbff][\udc00-\udfff]/g);
    return s.length - (pairs ? pairs.length : 0);
  }

  function verdict(d, docx, size) {
    var text = d.text.replace(/\r\n?/g, "\n");  // first, so that the verdict is the same for LF, CRLF and CR
    if (!NONBLANK_RE.test(text)) {
      if (docx) throw readError("docx-empty", ".docx 文件中没有段落或表格文字", "empty .docx (no paragraph or table text)");
      throw readError("empty", "文件是空的", "empty file (no text to read)");
    }
    var m = text.match(CONTROL_RE), a = text.match(ARTEFACT_RE);
    var controls = m ? m.length : 0, wrong = d.bad + (a ? a.length : 0), junk = controls + wrong;
    if ((junk > 2 && junk * 10 > cpCount(text)) || (d.bad * 200 > size)) {
      if (controls > wrong) throw readError("binary-control", "不是文本文件（多为控制字符）", "binary file (mostly control characters), " + EXPECTED);
      throw readError("undecodable", "不是可读的文本：既不是 UTF-8 也不是 GBK/GB18030",
        "not readable text: neither UTF-8 nor GBK/GB18030 (binary or unknown encoding?)");
    }
    var out = { text: text, encoding: d.encoding, bad: d.bad, firstBad: d.bad ? d.first : null, warning: null };
    if (d.bad) {
      out.warning = "注意：有 " + d.bad + " 处字节无法解码，已替换为 \ufffd，第一处在第 " + d.first + " 字节（从 0 数起），请核对原文（decoded as " +
        d.encoding + " with " + d.bad + " undecodable byte sequence(s) replaced by U+FFFD, the first at byte offset " + d.first +
        " (counting from 0): check the text）";
    }
    return out;
  }

  // One zip entry, checked as Python's zipfile checks it (signatures, names, flags, method, size, CRC).
  function zipRead(b, wanted) {
    var damaged = function () { return badDocx("文件已损坏或不是 zip 文件", "damaged, or not a zip file"); };
    var view = new DataView(b.buffer, b.byteOffset, b.byteLength), eocd = -1, len = b.length;
    for (var i = len - 22; i >= Math.max(0, len - 65557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) return Promise.reject(damaged());
    var count = view.getUint16(eocd + 10, true), p = view.getUint32(eocd + 16, true), found = null;
    var name = new TextEncoder().encode(wanted);
    for (var n = 0; n < count; n++) {
      if (p + 46 > len || view.getUint32(p, true) !== 0x02014b50) return Promise.reject(damaged());
      var nameLen = view.getUint16(p + 28, true), next = p + 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
      if (next > len) return Promise.reject(damaged());
      var same = nameLen === name.length;
      for (var k = 0; same && k < nameLen; k++) same = b[p + 46 + k] === name[k];
      if (same) found = p;  // the last entry of a name wins, as in Python
      p = next;
    }
    if (found === null) return Promise.reject(badDocx("缺少 " + wanted, "no " + wanted + " in it"));
    p = found;
    var flags = view.getUint16(p + 8, true), method = view.getUint16(p + 10, true), crc = view.getUint32(p + 16, true);
    var csize = view.getUint32(p + 20, true), usize = view.getUint32(p + 24, true), local = view.getUint32(p + 42, true);
    if (flags & 1) return Promise.reject(badDocx("文件已加密", "encrypted"));
    if (method !== 0 && method !== 8) return Promise.reject(badDocx("不支持的压缩方式", "unsupported compression"));
    if (usize > XML_LIMIT) return Promise.reject(badDocx(wanted + " 太大", wanted + " is too large"));
    if (local + 30 > len || view.getUint32(local, true) !== 0x04034b50) return Promise.reject(damaged());
    var lnameLen = view.getUint16(local + 26, true), start = local + 30 + lnameLen + view.getUint16(local + 28, true);
    var lsame = lnameLen === name.length;
    for (var q = 0; lsame && q < lnameLen; q++) lsame = b[local + 30 + q] === name[q];
    if (!lsame || start + csize > len) return Promise.reject(damaged());
    var raw = b.subarray(start, start + csize);
    var data = method === 0 ? Promise.resolve(raw) : inflate(raw);
    return data.then(function (out) {
      if (out.length !== usize || crc32(out) !== crc) throw damaged();
      return out;
    }, function () { throw damaged(); });
  }

  function paragraphText(doc, p) {
    var parts = [], walker = doc.createTreeWalker(p, NodeFilter.SHOW_ELEMENT);
    while (walker.nextNode()) {
      var node = walker.currentNode;
      if (node.namespaceURI !== W_NS) continue;
      var parent = node.parentNode;
      if (node.localName === "t") parts.push(node.textContent);
      else if (node.localName === "tab" && parent.namespaceURI === W_NS && parent.localName === "r") parts.push("\t");
      else if (node.localName === "br" || node.localName === "cr") parts.push("\n");
    }
    return parts.join("");
  }

  function wChildren(node, name) {
    return Array.prototype.filter.call(node.children, function (c) { return c.namespaceURI === W_NS && c.localName === name; });
  }

  // Paragraphs, table cells (row by row, cell by cell) and content controls, in document order.
  function blocks(doc, parent, lines) {
    Array.prototype.forEach.call(parent.children, function (child) {
      if (child.namespaceURI !== W_NS) return;
      if (child.localName === "p") lines.push(paragraphText(doc, child));
      else if (child.localName === "tbl") {
        wChildren(child, "tr").forEach(function (row) { wChildren(row, "tc").forEach(function (cell) { blocks(doc, cell, lines); }); });
      } else if (child.localName === "sdt") {
        wChildren(child, "sdtContent").forEach(function (c) { blocks(doc, c, lines); });
      }
    });
  }

  function docxText(xml) {
    var head = String.fromCharCode.apply(null, Array.from(xml.subarray(0, 4096)));
    if (head.indexOf("<!DOCTYPE") !== -1 || head.indexOf("<!ENTITY") !== -1) {
      throw badDocx("document.xml 含 DOCTYPE", "word/document.xml declares a DOCTYPE");
    }
    var doc = new DOMParser().parseFromString(new TextDecoder("utf-8").decode(xml), "application/xml");
    if (doc.getElementsByTagName("parsererror").length || doc.getElementsByTagNameNS("*", "parsererror").length) {
      throw badDocx("document.xml 不是格式正确的 XML", "word/document.xml is not well-formed XML");
    }
    var body = doc.documentElement ? wChildren(doc.documentElement, "body")[0] : null;
    if (!body) throw badDocx("没有正文", "no document body");
    var lines = [];
    blocks(doc, body, lines);
    return lines.join("\n");
  }

  /* A File the user opened: refused unread when too large, else decodeReport of its bytes.
   * Resolves to {text, encoding, bad, firstBad, warning}; a refusal is one line (err.message). */
  function readReport(file) {
    if (file.size > READ_LIMIT) return Promise.reject(tooLarge(file.size));
    return file.arrayBuffer().then(function (buf) { return decodeReport(new Uint8Array(buf), file.name); });
  }

  function decodeReport(bytes, name) {
    return Promise.resolve().then(function () {
      var b = bytes;
      if (b.length > READ_LIMIT) throw tooLarge(b.length);
      if (!b.length) throw readError("empty", "文件是空的", "empty file (no text to read)");
      if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
        throw readError("legacy-doc", "这是旧版 Word .doc 文件，请在 Word 中另存为 .docx（文件另存为 .docx）后再打开",
          "is a legacy Word .doc: save it as .docx (文件另存为 .docx) and try again");
      }
      var zipMagic = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
      if (zipMagic || /\.docx$/i.test(name || "")) {
        return zipRead(b, "word/document.xml").then(function (xml) {
          return verdict({ text: docxText(xml), encoding: "docx", bad: 0, first: -1 }, true, b.length);
        });
      }
      return verdict(decodePlain(b), false, b.length);
    });
  }

  /* A tool's notice line (storage full, another tab changed the text …): a sentence and buttons
   * [[label, onClick], …]; an empty text hides it. */
  function notice(box, text, actions) {
    box.textContent = "";
    if (!text) { box.hidden = true; return; }
    box.appendChild(el("span", null, text));
    (actions || []).forEach(function (a) {
      var b = el("button", "md-button", a[0]);
      b.type = "button";
      b.addEventListener("click", a[1]);
      box.appendChild(b);
    });
    box.hidden = false;
  }

  /* Word (.docx) in the handbook's GB/T 9704 body format, from the kit macros/engine/word.py writes
   * (word-kit.js): the same XML as word.document_bytes. lines: [{kind, text, marks}], kind title /
   * byline / h1 / h2 / h3 / body (null: by the number typed), marks: [[start, end], …] code point
   * spans to highlight for review (word._highlighted). Returns the zip's Blob. */
  function wordKindOf(kit, text) {
    for (var i = 0; i < kit.levels.length; i++) if (new RegExp(kit.levels[i].pattern).test(text)) return kit.levels[i].kind;
    return "body";
  }

  /* own: the run's face is its paragraph's (else the body text after a heading's first 。). */
  function wordRuns(kit, kind, text, own) {
    var plain = own ? kit.runs[kind] : kit.lead_runs, marked = own ? kit.punctuation_runs[kind] : kit.lead_punctuation_runs;
    if (plain === marked) return plain.replace(kit.text_placeholder, escapeXml(text));
    var out = "", piece = "", isMark = null;
    function flush() {
      if (!piece) return;
      out += (isMark ? marked : plain).replace(kit.text_placeholder, escapeXml(piece));
      piece = "";
    }
    Array.from(text).forEach(function (ch) {
      var m = kit.punctuation.indexOf(ch) !== -1;
      if (m !== isMark) { flush(); isMark = m; }
      piece += ch;
    });
    flush();
    return out;
  }

  function highlighted(kit, runs) {
    return runs.replace(/<w:r>(<w:rPr>.*?)<\/w:rPr>/g, function (_, inner) { return "<w:r>" + inner + kit.highlight + "</w:rPr>"; })
      .split("<w:r><w:t").join("<w:r><w:rPr>" + kit.highlight + "</w:rPr><w:t");
  }

  function wordParagraph(kit, kind, text, marks) {
    var cps = Array.from(text), pieces = [[kind, cps]];
    if (kit.lead_kinds.indexOf(kind) !== -1) {
      var end = cps.indexOf(kit.lead_end);
      if (end >= 0 && end < cps.length - 1) pieces = [[kind, cps.slice(0, end + 1)], ["body", cps.slice(end + 1)]];
    }
    var out = "", pos = 0;
    marks = marks || [];
    pieces.forEach(function (p) {
      var face = p[0], piece = p[1], n = piece.length, cuts = [0, n];
      marks.forEach(function (m) { m.forEach(function (x) { cuts.push(Math.min(Math.max(x - pos, 0), n)); }); });
      cuts = cuts.sort(function (a, b) { return a - b; }).filter(function (c, i, all) { return i === 0 || c !== all[i - 1]; });
      for (var i = 0; i + 1 < cuts.length; i++) {
        var a = cuts[i], b = cuts[i + 1], runs = wordRuns(kit, face, piece.slice(a, b).join(""), face === kind);
        var isMarked = marks.some(function (m) { return m[0] <= pos + a && pos + b <= m[1]; });
        out += isMarked ? highlighted(kit, runs) : runs;
      }
      pos += n;
    });
    return kit.shells[kind].replace(kit.runs_placeholder, out);
  }

  function wordDocument(kit, lines) {
    var xml = "", title = "";
    lines.forEach(function (line) {
      var kind = line.kind || wordKindOf(kit, line.text);
      if (kind === "title" && !title) title = line.text;
      xml += wordParagraph(kit, kind, line.text, line.marks);
    });
    var files = Object.keys(kit.parts).map(function (name) {
      var text = kit.parts[name];
      if (name === "word/document.xml") text = text.replace(kit.body_placeholder, xml);
      if (name === "docProps/core.xml") text = text.replace(kit.title_placeholder, escapeXml(title.split(/\s+/).join(" ")));
      return [name, text];
    });
    return zip(files);
  }

  /* Hands a Blob to the browser as a download named `name` (no server, works from file://). */
  function saveBlob(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  window.HB = { el: el, notice: notice, wordDocument: wordDocument, saveBlob: saveBlob, escapeHtml: escapeHtml, escapeXml: escapeXml, zip: zip, unzipEntry: unzipEntry,
    crc32: crc32, decodeReport: decodeReport, readReport: readReport, readError: readError, tooLarge: tooLarge, READ_LIMIT: READ_LIMIT };
})();
