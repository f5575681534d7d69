/* Draw every Plotly chart on the page, on first load and after each instant navigation.
 *
 * Why it is built this way (see NOTES in the project's shared folder):
 * - specs live in a data attribute, because Material re-creates inline scripts without their
 *   attributes on instant navigation;
 * - plotly.js is loaded only on pages that have a chart, from this site, never a CDN;
 * - plotly.js puts its CSS in <head> once, and Material drops head children on navigation, so
 *   the rules are copied into a <style> at the end of <body>;
 * - charts follow the reader's colour scheme and are resized with their container.
 */
(function () {
  "use strict";

  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var plotlyUrl = new URL("../generated/plotly.min.js", scriptUrl || document.baseURI).href;
  var loading = null;
  var drawn = [];
  var resizer = null;

  var SCHEMES = {
    light: { text: "#1f2328", grid: "#d0d7de", line: "#8c959f", hover: "#ffffff" },
    dark: { text: "#e6edf3", grid: "#3d444d", line: "#6e7681", hover: "#161b22" }
  };

  function scheme() {
    var name = document.body.getAttribute("data-md-color-scheme");
    return name === "slate" ? SCHEMES.dark : SCHEMES.light;
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

  function themed(layout, width) {
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
    // Narrow screens: smaller text, so labels keep apart, and room on the right for bar labels.
    if (width && width < 520) {
      out.font.size = Math.min(out.font.size || 13, 11);
      out.margin = Object.assign({}, out.margin, { r: Math.max((out.margin || {}).r || 0, 36) });
    }
    return out;
  }

  // On a phone, long category labels beside horizontal bars squeeze the plot: wrap them shorter.
  function rewrap(text, width) {
    if (typeof text !== "string") return text;
    var words = text.replace(/<br>/g, " ").split(/\s+/), lines = [], line = "";
    words.forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines.join("<br>");
  }

  function narrowData(data) {
    return data.map(function (trace) {
      if (trace.orientation !== "h" || !Array.isArray(trace.y)) return trace;
      return Object.assign({}, trace, { y: trace.y.map(function (y) { return rewrap(y, 20); }) });
    });
  }

  // Enough height for every wrapped label of horizontal bars to sit beside its own bar.
  function neededHeight(data) {
    var seen = {}, pixels = 0;
    data.forEach(function (trace) {
      if (trace.orientation !== "h" || !Array.isArray(trace.y)) return;
      trace.y.forEach(function (y) {
        var key = (trace.yaxis || "y") + ":" + y;
        if (seen[key]) return;
        seen[key] = true;
        pixels += String(y).split("<br>").length * 14 + 14;
      });
    });
    return pixels ? pixels + 160 : 0;
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
    var narrow = width && width < 520;
    var layout = themed(narrow && spec.phone ? merged(spec.layout, spec.phone) : spec.layout, spec.phone ? 0 : width);
    layout.width = width || undefined;
    var data = spec.data;
    if (narrow && !spec.phone) {
      data = narrowData(spec.data);
      layout.height = Math.max(layout.height || 0, neededHeight(data));
    }
    // On a phone the mode bar would sit on top of the data: touch readers pinch and tap instead.
    var config = width && width < 520 ? Object.assign({}, spec.config, { displayModeBar: false }) : spec.config;
    return window.Plotly.react(el, data, layout, config).then(function () {
      el.setAttribute("data-chart-drawn", "true");
      // For `make bench`: when the first chart of a page load became visible.
      if (window.performance && performance.mark && !performance.getEntriesByName("first-chart-drawn").length) {
        performance.mark("first-chart-drawn");
      }
    });
  }

  // Change a chart's data in place (calculators use this) and redraw it if it is on screen.
  function update(el, mutate) {
    if (!el._chartSpec) el._chartSpec = JSON.parse(el.getAttribute("data-plotly-spec"));
    mutate(el._chartSpec);
    if (window.Plotly && el.getAttribute("data-chart-drawn")) return draw(el);
    return Promise.resolve();
  }

  function purgeDetached() {
    // Charts that were never scrolled to before the reader left the page.
    waiting = waiting.filter(function (el) {
      if (document.body.contains(el)) return true;
      if (nearby) nearby.unobserve(el);
      return false;
    });
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
          var width = Math.round(entry.contentRect.width);
          if (!width || width === el._chartWidth) return;
          el._chartWidth = width;
          if (el.getAttribute("data-chart-drawn")) draw(el);
        });
      });
    }
    resizer.observe(el);
  }

  function drawSome(charts) {
    return loadPlotly().then(function () {
      return Promise.all(charts.map(function (el) {
        el._chartWidth = Math.round(el.clientWidth);
        observeSize(el);
        drawn.push(el);
        return draw(el);
      }));
    }).then(function () {
      keepPlotlyStyles();
    }).catch(function (error) {
      console.error(error);
      charts.forEach(function (el) {
        el.textContent = "The interactive chart could not load. The Table tab has the same data.";
      });
    });
  }

  // plotly.js is the heaviest thing on the site: fetch and run it only when a chart comes near
  // the screen, so the text above it is ready to read first (and phones stay responsive).
  var nearby = null;
  var waiting = [];
  function whenNear(charts) {
    if (!("IntersectionObserver" in window)) return drawSome(charts);
    waiting = waiting.concat(charts);
    if (!nearby) {
      nearby = new IntersectionObserver(function (entries) {
        var ready = entries.filter(function (e) { return e.isIntersecting; }).map(function (e) { return e.target; });
        ready.forEach(function (el) { nearby.unobserve(el); });
        waiting = waiting.filter(function (el) { return ready.indexOf(el) === -1; });
        if (ready.length) drawSome(ready);
      }, { rootMargin: "600px 0px" });
    }
    charts.forEach(function (el) { nearby.observe(el); });
  }

  function renderAll() {
    purgeDetached();
    var charts = Array.prototype.slice.call(document.querySelectorAll(".plotly-chart")).filter(function (el) {
      return !el._chartQueued;  // renderAll may run twice for one page (see the bottom of this file)
    });
    if (!charts.length) return;
    charts.forEach(function (el) { el._chartQueued = true; });
    whenNear(charts);
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

  window.deepseekCharts = { draw: draw, update: update, renderAll: renderAll };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(renderAll);
  }
  // Without instant navigation (the offline copy under file://) document$ can emit before this
  // script subscribes; the load event makes sure the first page is drawn all the same.
  if (document.readyState === "complete") renderAll();
  else window.addEventListener("load", renderAll);
})();
