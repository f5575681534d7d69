/* The claims check's filter: show claims by verdict and by article. The form is hidden in the HTML
   and shown here, so without JavaScript every claim is listed and nothing pretends to filter. */
(function () {
  "use strict";

  function apply(form) {
    var verdicts = {};
    form.querySelectorAll("input[name='verdict']").forEach(function (box) {
      verdicts[box.value] = box.checked;
    });
    var article = form.querySelector("select[name='article']").value;
    var shown = 0;
    var total = 0;
    document.querySelectorAll("[data-verdict-group]").forEach(function (group) {
      var count = 0;
      group.querySelectorAll("tr[data-verdict]").forEach(function (row) {
        var visible = verdicts[row.dataset.verdict] !== false && (!article || row.dataset.article === article);
        row.hidden = !visible;
        total += 1;
        if (visible) count += 1;
      });
      shown += count;
      group.hidden = count === 0;
      var label = group.querySelector("[data-count]");
      if (label) label.textContent = count + (count === 1 ? " claim" : " claims");
      // Filtering for one article opens the folded confirmed claims: the reader asked to see them.
      if (group.tagName === "DETAILS" && article && count) group.open = true;
    });
    var status = form.querySelector(".claims-shown");
    status.textContent =
      shown === total ? "Showing all " + total + " claims." : "Showing " + shown + " of " + total + " claims.";
  }

  function setUp() {
    var form = document.querySelector("form[data-claims-filter]");
    if (!form) return;
    form.hidden = false;
    form.addEventListener("change", function () {
      apply(form);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    apply(form);
  }

  // Material's instant navigation swaps pages without reloading: set up each new page.
  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else setUp();
})();
