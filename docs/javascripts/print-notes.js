/* On paper, a link cannot be clicked: outside links get a note number and the addresses are listed at the
   end of the page; links inside the site print as plain words. Undone after printing. */
(function () {
  var added = [];
  window.addEventListener("beforeprint", function () {
    var article = document.querySelector("article.md-content__inner");
    if (!article || article.querySelector(".print-notes")) return;
    var urls = [];
    article.querySelectorAll('a[href^="http"]').forEach(function (link) {
      if (link.closest(".chart-downloads, .print-notes") || link.origin === location.origin) return;
      if (/^https?:/.test(link.textContent.trim())) return;  // the address is already printed
      var index = urls.indexOf(link.href);
      if (index < 0) { urls.push(link.href); index = urls.length - 1; }
      var mark = document.createElement("sup");
      mark.className = "print-note-ref";
      mark.textContent = String(index + 1);
      link.after(mark);
      added.push(mark);
    });
    if (!urls.length) return;
    var notes = document.createElement("section");
    notes.className = "print-notes";
    var heading = document.createElement("h2");
    heading.textContent = "Links";
    var list = document.createElement("ol");
    urls.forEach(function (url) {
      var item = document.createElement("li");
      item.textContent = url;
      list.appendChild(item);
    });
    notes.append(heading, list);
    article.appendChild(notes);
    added.push(notes);
  });
  window.addEventListener("afterprint", function () {
    added.forEach(function (node) { node.remove(); });
    added = [];
  });
})();
