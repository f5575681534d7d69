/* Material's search dialog (`.md-search`, role="dialog") has no accessible name, which axe reports
 * (aria-dialog-name). Naming it here, rather than in a copied `partials/search.html`, leaves each
 * theme's own search component in place: Zensical's differs from Material's and already has a name. */
(function () {
  "use strict";

  function name() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])').forEach(
      function (dialog) { dialog.setAttribute("aria-label", "Search this site"); }
    );
  }

  name();  // this script loads after the header; document$ also re-runs it after each instant navigation
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(name);
})();
