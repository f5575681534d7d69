/* Evidence marks: the small shape after a figure (and a year figure itself) opens a popover with the
   figure's kind and its source, so the reader never leaves the page to see where a number comes from.
   Without JavaScript the mark is a plain link to the source list.

   Mouse: hover shows it, click pins it. Keyboard: focus shows it, Tab walks into its links, Enter pins
   it, Escape closes it and puts focus back on the mark. Touch: tap opens it, tap elsewhere closes it. */
(function () {
  "use strict";

  var MARK = "a.ev, a.ev-year";
  var LEGEND = "sources.html#figure-kinds";
  var current = null; // {mark, pinned}
  var popover = null;
  var hoverTimer = null;
  var quiet = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var a = element("a", null, text);
    a.href = href;
    return a;
  }

  function facts(mark) {
    try {
      return JSON.parse(mark.getAttribute("data-evidence"));
    } catch (error) {
      return null;
    }
  }

  function sourceBlock(source, many) {
    var block = element("p", "ev-popover__source");
    var title = link(source.url, source.title);
    title.className = "ev-popover__title";
    block.appendChild(title);
    var line = source.producer + " · " + source.kind + " · published " + source.date;
    if (many) line += " · " + source.status;
    block.appendChild(element("span", "ev-popover__meta", line));
    var listed = link("sources.html#" + source.id, "Its entry in the source list");
    listed.className = "ev-popover__listed";
    block.appendChild(listed);
    return block;
  }

  function build(mark, data) {
    var box = element("div", "ev-popover ev-popover--" + data.kind);
    box.id = "ev-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", data.name + " figure: where it comes from");
    var head = element("p", "ev-popover__kind");
    var shape = mark.querySelector("svg");
    if (shape) head.appendChild(shape.cloneNode(true));
    head.appendChild(element("strong", null, data.name + " figure. "));
    head.appendChild(document.createTextNode(data.short + " "));
    head.appendChild(link(LEGEND, "What the marks mean"));
    box.appendChild(head);
    if (data.sources.length > 1) box.appendChild(element("p", "ev-popover__from", "Computed from:"));
    data.sources.forEach(function (source) {
      box.appendChild(sourceBlock(source, data.sources.length > 1));
    });
    return box;
  }

  function place() {
    if (!current || !popover) return;
    var rect = current.mark.getBoundingClientRect();
    var width = popover.offsetWidth;
    var height = popover.offsetHeight;
    var gap = 6;
    var left = Math.min(Math.max(8, rect.left - 16), window.innerWidth - width - 8);
    var top = rect.bottom + gap;
    if (top + height > window.innerHeight - 8 && rect.top - gap - height > 8) top = rect.top - gap - height;
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = top + "px";
  }

  function open(mark, pinned) {
    clearTimeout(hoverTimer);
    if (current && current.mark === mark) {
      current.pinned = current.pinned || pinned;
      return;
    }
    close(false);
    var data = facts(mark);
    if (!data) return;
    popover = build(mark, data);
    // Right after the mark in the document, so Tab moves from the mark into the popover's links.
    mark.insertAdjacentElement("afterend", popover);
    current = { mark: mark, pinned: pinned };
    mark.setAttribute("aria-expanded", "true");
    mark.setAttribute("aria-controls", popover.id);
    place();
  }

  function close(returnFocus) {
    clearTimeout(hoverTimer);
    if (!current) return;
    var mark = current.mark;
    mark.setAttribute("aria-expanded", "false");
    mark.removeAttribute("aria-controls");
    if (popover) popover.remove();
    popover = null;
    current = null;
    if (returnFocus) {
      quiet = true; // focus comes back to the mark without opening the popover again
      mark.focus();
      quiet = false;
    }
  }

  function inside(node) {
    return !!(node && current && (current.mark.contains(node) || (popover && popover.contains(node))));
  }

  function later(fn, ms) {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(fn, ms);
  }

  function listen() {
    // Capture on window, before Material's instant navigation sees the click on the mark's link.
    window.addEventListener(
      "click",
      function (event) {
        var mark = event.target.closest && event.target.closest(MARK);
        if (mark) {
          event.preventDefault();
          event.stopImmediatePropagation();
          if (current && current.mark === mark && current.pinned) close(false);
          else open(mark, true);
          return;
        }
        if (current && !inside(event.target)) close(false);
      },
      true
    );
    // Capture on window too: Material's own keyboard handling would otherwise swallow Escape.
    window.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) {
        event.preventDefault();
        close(inside(document.activeElement));
        return;
      }
      var mark = event.target.closest && event.target.closest(MARK);
      if (mark && event.key === " ") {
        event.preventDefault();
        mark.click();
      }
    }, true);
    document.addEventListener("focusin", function (event) {
      var mark = event.target.closest && event.target.closest(MARK);
      if (mark && !quiet) open(mark, false);
      else if (current && !inside(event.target)) close(false);
    });
    document.addEventListener("pointerover", function (event) {
      if (event.pointerType !== "mouse") return;
      var mark = event.target.closest && event.target.closest(MARK);
      if (mark) later(function () { open(mark, false); }, 120);
      else if (inside(event.target)) clearTimeout(hoverTimer);
    });
    document.addEventListener("pointerout", function (event) {
      if (event.pointerType !== "mouse" || !current || current.pinned) return;
      if (inside(event.relatedTarget) || inside(document.activeElement)) return;
      if (inside(event.target) || (event.target.closest && event.target.closest(MARK))) {
        later(function () { close(false); }, 250);
      }
    });
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place, { passive: true });
  }

  function enhance() {
    close(false);
    document.querySelectorAll(MARK).forEach(function (mark) {
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-haspopup", "dialog");
      mark.setAttribute("aria-expanded", "false");
    });
  }

  listen();
  // Material's instant navigation swaps the page without reloading: enhance each new page's marks.
  if (typeof document$ !== "undefined") document$.subscribe(enhance);
  else enhance();
})();
