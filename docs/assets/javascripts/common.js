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

  window.HB = { el: el, escapeHtml: escapeHtml, escapeXml: escapeXml, zip: zip, unzipEntry: unzipEntry };
})();
