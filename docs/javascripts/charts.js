/* The charts: a static picture from the first paint, the interactive chart when the reader engages.
 *
 * Why it is built this way (see NOTES in the project's shared folder):
 * - every chart's picture (desk and phone variants, inline SVG) is in the page, sized by CSS, in the
 *   reader's scheme through CSS variables; plotly.js (the heaviest file on the site) is fetched only
 *   when the reader engages with a chart (mouse over it, a tap, keyboard focus, a control), and the
 *   live chart is drawn into the same box, so nothing moves;
 * - specs live in a data attribute, because Material re-creates inline scripts without their
 *   attributes on instant navigation;
 * - plotly.js puts its CSS in <head> once, and Material drops head children on navigation, so
 *   the rules are copied into a <style> at the end of <body>;
 * - colours come from CSS variables generated from charts/theme.py: no second copy here.
 */
(function () {
  "use strict";

  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var plotlyUrl = new URL("../generated/plotly.min.js", scriptUrl || document.baseURI).href;
  var loading = null;
  var drawn = [];  // charts drawn live, to re-theme and to purge when the reader leaves the page
  var resizer = null;

  // Below this box width the phone layout applies: the same break as site.css's @container query.
  var PHONE_BELOW = 520;

  // The current scheme's chart colours, from the CSS variables generated from charts/theme.py.
  function scheme() {
    var style = getComputedStyle(document.body);
    var colours = {};
    ["text", "grid", "line", "hover"].forEach(function (role) {
      colours[role] = style.getPropertyValue("--chart-" + role).trim();
    });
    return colours;
  }

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = plotlyUrl;
      tag.async = true;
      tag.onload = function () { resolve(window.Plotly); };
      tag.onerror = function () {
        loading = null;
        reject(new Error("Could not load " + plotlyUrl));
      };
      document.head.appendChild(tag);
    });
    return loading;
  }

  // Copy plotly.js's <head> styles into one <style> in <body> that navigation leaves alone.
  function keepPlotlyStyles() {
    var kept = document.getElementById("plotly-styles-kept");
    var rules = [];
    document.querySelectorAll("head style[id^='plotly.js']").forEach(function (style) {
      try {
        Array.prototype.forEach.call(style.sheet.cssRules, function (rule) { rules.push(rule.cssText); });
      } catch (error) { /* a sheet we cannot read is left where it is */ }
    });
    if (!rules.length) return;
    if (!kept) {
      kept = document.createElement("style");
      kept.id = "plotly-styles-kept";
      document.body.appendChild(kept);
    }
    var text = rules.join("\n");
    if (kept.textContent.indexOf(text) === -1) kept.textContent += "\n" + text;
  }

  function themed(layout) {
    var colours = scheme();
    var out = JSON.parse(JSON.stringify(layout));
    out.font = Object.assign({}, out.font, { color: colours.text });
    out.hoverlabel = Object.assign({}, out.hoverlabel, { bgcolor: colours.hover, bordercolor: colours.line });
    out.hoverlabel.font = Object.assign({}, out.hoverlabel.font, { color: colours.text });
    Object.keys(out).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) {
        out[key] = Object.assign({}, out[key], {
          gridcolor: colours.grid, linecolor: colours.line, zerolinecolor: colours.line, tickcolor: colours.line
        });
      }
    });
    return out;
  }

  // The chart's phone overrides (Chart.phone in charts/render.py) laid over its layout:
  // nested objects merge key by key, arrays and values replace, as render.merged() does.
  function merged(base, overrides) {
    var out = Object.assign({}, base);
    Object.keys(overrides || {}).forEach(function (key) {
      var value = overrides[key];
      var isObject = value && typeof value === "object" && !Array.isArray(value);
      var baseIsObject = out[key] && typeof out[key] === "object" && !Array.isArray(out[key]);
      out[key] = isObject && baseIsObject ? merged(out[key], value) : value;
    });
    return out;
  }

  function draw(el) {
    var spec = el._chartSpec;
    if (!spec) {
      try {
        spec = JSON.parse(el.getAttribute("data-plotly-spec"));
      } catch (error) {
        console.error("Chart " + el.id + " has an unreadable spec", error);
        return Promise.resolve();
      }
      el._chartSpec = spec;
    }
    var width = el.clientWidth;
    // A box not on show (the Table tab, or a phone's stepper in the chart's place): drawn when it shows.
    if (!width) {
      el._chartPending = true;
      return Promise.resolve();
    }
    el._chartPending = false;
    var narrow = width < PHONE_BELOW;
    var layout = themed(narrow && spec.phone ? merged(spec.layout, spec.phone) : spec.layout);
    // The box's size was fixed by CSS at the first paint; the live chart takes exactly that size.
    layout.width = width;
    layout.height = el.clientHeight || layout.height;
    var data = spec.data;
    // On a phone the mode bar would sit on top of the data: touch readers tap instead.
    var config = narrow ? Object.assign({}, spec.config, { displayModeBar: false }) : spec.config;
    return window.Plotly.react(el, data, layout, config).then(function () {
      el.setAttribute("data-chart-drawn", "true");
      el.parentNode.classList.add("is-live");
      // For `make bench`: when the first chart of a page load became visible.
      if (window.performance && performance.mark && !performance.getEntriesByName("first-chart-drawn").length) {
        performance.mark("first-chart-drawn");
      }
    });
  }

  function specOf(el) {
    if (!el._chartSpec) el._chartSpec = JSON.parse(el.getAttribute("data-plotly-spec"));
    return el._chartSpec;
  }

  // Change a chart's data in place (calculators and controls use this). When the change comes
  // from the reader (live), the static picture no longer shows it: the live chart takes over.
  function update(el, mutate, live) {
    mutate(specOf(el));
    if (window.Plotly && el.getAttribute("data-chart-drawn")) return draw(el);
    if (live) return engage(el);
    return Promise.resolve();
  }

  function purgeDetached() {
    drawn = drawn.filter(function (el) {
      if (document.body.contains(el)) return true;
      if (window.Plotly) window.Plotly.purge(el);
      if (resizer) resizer.unobserve(el);
      return false;
    });
  }

  function observeSize(el) {
    if (!("ResizeObserver" in window)) return;
    if (!resizer) {
      resizer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var el = entry.target;
          var size = Math.round(entry.contentRect.width) + "x" + Math.round(entry.contentRect.height);
          if (!entry.contentRect.width || size === el._chartSize) return;
          el._chartSize = size;
          if (el.getAttribute("data-chart-drawn") || el._chartPending) draw(el).then(keepPlotlyStyles);
        });
      });
    }
    resizer.observe(el);
  }

  // The reader engaged with a chart: fetch plotly.js (once) and draw the live chart over its picture.
  function engage(el) {
    if (el._chartEngaged) return el._chartEngaged;
    el._chartEngaged = loadPlotly().then(function () {
      el._chartSize = Math.round(el.clientWidth) + "x" + Math.round(el.clientHeight);
      observeSize(el);
      drawn.push(el);
      return draw(el);
    }).then(function () {
      keepPlotlyStyles();
    }).catch(function (error) {
      // The picture stays: the reader still sees the chart, only without tooltips.
      el._chartEngaged = null;
      console.warn(error);
    });
    return el._chartEngaged;
  }

  // What counts as engaging: a mouse or pen over the chart, a tap or click on it, keyboard focus
  // anywhere in its figure. A finger that only starts a swipe on the chart does not count.
  function listen(el) {
    var box = el.parentNode;
    var figure = box.closest("figure") || box;
    var go = function () { engage(el); };
    box.addEventListener("pointerenter", function (event) { if (event.pointerType !== "touch") go(); });
    box.addEventListener("click", go);
    figure.addEventListener("focusin", go);
  }

  function renderAll() {
    purgeDetached();
    document.querySelectorAll(".plotly-chart").forEach(function (el) {
      if (el._chartListening) return;  // renderAll may run twice for one page (see the bottom of this file)
      el._chartListening = true;
      listen(el);
    });
  }

  // Re-theme when the reader toggles light/dark.
  new MutationObserver(function () {
    drawn.forEach(function (el) { if (document.body.contains(el)) draw(el); });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  // On paper every collapsed box (answer keys, asides) is shown open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (box) {
      box.setAttribute("open", "");
      box.setAttribute("data-opened-for-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (box) {
      box.removeAttribute("open");
      box.removeAttribute("data-opened-for-print");
    });
  });

  window.deepseekCharts = { draw: draw, update: update, engage: engage, renderAll: renderAll };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(renderAll);
  }
  // Without instant navigation (the offline copy under file://) document$ can emit before this
  // script subscribes; the load event makes sure the first page is drawn all the same.
  if (document.readyState === "complete") renderAll();
  else window.addEventListener("load", renderAll);
})();
