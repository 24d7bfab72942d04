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

  window.HB = { el: el, escapeHtml: escapeHtml, escapeXml: escapeXml };
})();
