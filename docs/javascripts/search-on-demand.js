/* The search index (the whole site's text: the largest file a page loads after plotly.js) is fetched when
 * the reader reaches for search, not with every page. Material's bundle asks for it as it starts; this
 * script, which runs just before the bundle (mkdocs.yml lists it with the polyfills), holds that one
 * request until the reader points at, taps or focuses the search box, or opens search with the keyboard.
 * Search then says "Initializing search" for the moment the index takes to arrive. Every other request
 * goes out untouched, and the offline copy, which reads its index from a script file, is not affected. */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var held = [];
  var wanted = false;

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this._searchIndex = INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request._searchIndex || wanted) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  function nearSearch(event) {
    var target = event.target;
    return target && target.closest && target.closest(".md-search, [for='__search'], #__search");
  }
  ["pointerover", "touchstart", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) { if (nearSearch(event)) release(); }, { passive: true, capture: true });
  });
  // Material's shortcuts ("/", "s", "f") open search from anywhere on the page.
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "f", "S", "F"].indexOf(event.key) !== -1) release();
  }, { capture: true });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  }, { capture: true });
})();
