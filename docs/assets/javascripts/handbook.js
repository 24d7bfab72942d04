/* 述职述廉报告写作手册: copy buttons.
 * A .hb-copy button carries its exact plain text in data-copy (generated at
 * build time from the same template as the visible text). Works from http://
 * and from file:// (falls back to execCommand where the Clipboard API is
 * unavailable), confirms with 已复制 and announces it to screen readers. */
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function announce(message) {
    var live = document.getElementById("hb-live");
    if (!live) {
      live = document.createElement("div");
      live.id = "hb-live";
      live.className = "hb-sr-only";
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".hb-copy") : null;
    if (!button) return;
    var text = button.getAttribute("data-copy") || "";
    var label = button.querySelector(".hb-copy__text") || button;
    var original = button.getAttribute("data-label") || label.textContent;
    button.setAttribute("data-label", original);
    copy(text).then(function () {
      label.textContent = "已复制";
      button.setAttribute("data-state", "done");
      announce("已复制");
    }, function () {
      label.textContent = "复制失败，请手动选择";
      announce("复制失败");
    }).then(function () {
      window.setTimeout(function () {
        label.textContent = original;
        button.removeAttribute("data-state");
      }, 2000);
    });
  });

  // The phrase search (phrases.js) reuses the same copy and 已复制 announcement.
  window.hbCopy = copy;
  window.hbAnnounce = announce;
})();
