/* 述职述廉报告写作手册: pasted queries reach Material's search.
 * Material 9.8.1 reads the search box on `keyup` (and on focus and when its
 * worker is ready), never on `input`: a query pasted with the mouse, dropped,
 * or chosen from the browser's autofill left the list at 键入以开始搜索. On
 * every input event that no key produced (and at the end of an IME
 * composition), this dispatches the keyup Material listens for; Material
 * ignores a value it has already searched, so a double dispatch costs nothing. */
(function () {
  "use strict";

  var SELECTOR = "input.md-search__input";

  function poke(input) {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, cancelable: true, key: "Unidentified" }));
  }

  document.addEventListener("input", function (ev) {
    var el = ev.target;
    if (!el || !el.matches || !el.matches(SELECTOR) || ev.isComposing) return;
    poke(el);
  }, true);
  document.addEventListener("compositionend", function (ev) {
    var el = ev.target;
    if (el && el.matches && el.matches(SELECTOR)) poke(el);
  }, true);
})();
