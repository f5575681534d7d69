/* Calculators and chart controls: no server, no fetch.
 *
 * - The formulas and number formats are the same as Python's (charts/calculators.py, charts/numbers.py);
 *   tests run both on the same values and compare.
 * - Every control's state lives in the page's URL (?task.input_tokens=...&prices.scale=log), so a
 *   teacher can share one scenario: a URL with state is applied on load, a change updates the URL.
 * - A value out of range gets a visible message beside its field; nothing is silently clamped.
 */
(function () {
  "use strict";

  // --- Numbers, as charts/numbers.py prints them -----------------------------------------------
  function money(value) {
    if (value < 0) return "-" + money(-value);
    if (value === 0) return "$0";
    if (value >= 99.5) return "$" + Math.round(value).toLocaleString("en-US");
    if (value >= 0.095) {
      var cents = value.toFixed(2);
      return "$" + (cents.slice(-3) === ".00" ? cents.slice(0, -3) : cents);
    }
    var decimals = 1 - Math.floor(Math.log10(value));
    return "$" + value.toFixed(decimals).replace(/0+$/, "").replace(/\.$/, "");
  }

  // 3.29e24 -> "3.29 × 10²⁴"
  function sci(value) {
    var parts = value.toExponential(2).split("e");
    var digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    var exponent = String(parseInt(parts[1], 10)).split("").map(function (d) { return d === "-" ? "⁻" : digits[+d]; });
    return parseFloat(parts[0]).toString() + " × 10" + exponent.join("");
  }

  // 27.4 -> "27", 2.46 -> "2.5"
  function times(ratio) {
    return ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
  }

  // --- State in the URL ------------------------------------------------------------------------
  function stateOf(form) {
    var state = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === "checkbox") {
        state[el.name] = state[el.name] || [];
        if (el.checked) state[el.name].push(el.value);
      } else if (el.type === "radio") {
        if (el.checked) state[el.name] = el.value;
      } else {
        state[el.name] = el.value;
      }
    });
    return state;
  }

  function saveState(form) {
    var key = form.getAttribute("data-state");
    if (!key) return;
    var params = new URLSearchParams(location.search);
    Array.from(params.keys()).forEach(function (name) {
      if (name.indexOf(key + ".") === 0) params.delete(name);
    });
    var state = stateOf(form);
    Object.keys(state).forEach(function (name) {
      var value = state[name];
      params.set(key + "." + name, Array.isArray(value) ? value.join(",") : value);
    });
    try {
      history.replaceState(history.state, "", "?" + params.toString() + location.hash);
    } catch (error) { /* some file:// contexts refuse; the controls still work */ }
  }

  // Apply the URL's state to a form; true if the URL had any for it.
  function loadState(form) {
    var key = form.getAttribute("data-state");
    if (!key) return false;
    var params = new URLSearchParams(location.search);
    var found = false;
    Array.prototype.forEach.call(form.elements, function (el) {
      var value = params.get(key + "." + el.name);
      if (!el.name || value === null) return;
      found = true;
      if (el.type === "checkbox") el.checked = value.split(",").indexOf(el.value) !== -1;
      else if (el.type === "radio") el.checked = el.value === value;
      else {
        el.value = value;
        // A slider keeps to its range by itself: say so rather than clamp the link's number silently.
        var message = form.querySelector("#error-" + el.name);
        if (message && el.value !== value) {
          message.textContent = "The link asked for " + value + "; this takes " + el.min + " to " + el.max + ", so it shows " + el.value + ".";
          el._linkNote = true;
        }
      }
    });
    return found;
  }

  // --- Input checks: a visible message, never a silent clamp ------------------------------------
  function checked(form, name) {
    var el = form.elements[name];
    var message = form.querySelector("#error-" + name);
    var value = Number(el.value);
    var min = el.min === "" ? -Infinity : Number(el.min);
    var max = el.max === "" ? Infinity : Number(el.max);
    var problem = "";
    if (el.value.trim() === "" || !isFinite(value)) problem = "Enter a number.";
    else if (value < min || value > max) {
      problem = max === Infinity ? "Enter " + min + " or more." : "Enter a number from " + min + " to " + max + ".";
    }
    el.setAttribute("aria-invalid", problem ? "true" : "false");
    if (message && !(el._linkNote && !problem)) message.textContent = problem;
    el._linkNote = false;
    return problem ? null : value;
  }

  function taskCost(price, inputs) {
    var hit = price.hit === null ? price.miss : price.hit;
    var share = inputs.cachedPercent / 100;
    var billedOut = inputs.output + (price.reasoning ? inputs.thinking : 0);
    return (inputs.input * share * hit + inputs.input * (1 - share) * price.miss + billedOut * price.out) / 1e6;
  }

  function workload(form, live) {
    var prices = JSON.parse(form.getAttribute("data-prices"));
    var compare = JSON.parse(form.getAttribute("data-compare"));
    var tasks = JSON.parse(form.getAttribute("data-workloads"));
    var chart = document.getElementById(form.getAttribute("data-chart"));
    var description = form.querySelector("[data-role=description]");
    var result = form.querySelector("[data-role=result]");
    var cachedShown = form.querySelector("[data-role=cached-shown]");
    var names = ["input_tokens", "output_tokens", "thinking_tokens", "cached_percent"];
    var byId = {};
    prices.forEach(function (p, i) { byId[p.id] = i; });

    function describe() {
      var task = tasks.filter(function (t) { return t.id === form.elements.workload.value; })[0];
      description.textContent = task ? task.description : "Your own numbers.";
    }

    function recompute(live) {
      cachedShown.textContent = form.elements.cached_percent.value + "%";
      var values = names.map(function (name) { return checked(form, name); });
      if (values.indexOf(null) !== -1) {
        result.textContent = "Check the field marked below: the chart shows the last valid numbers.";
        return;
      }
      var inputs = { input: values[0], output: values[1], thinking: values[2], cachedPercent: values[3] };
      var costs = prices.map(function (p) { return taskCost(p, inputs); });
      var cheap = prices[byId[compare.cheap]], dear = prices[byId[compare.dear]];
      var low = costs[byId[compare.cheap]], high = costs[byId[compare.dear]];
      result.textContent = low === 0
        ? "Enter some tokens to see what the task costs."
        : "For this task " + dear.model + " costs " + times(high / low) + "× as much as " + cheap.model + ": " +
          money(high) + " against " + money(low) + ".";
      window.deepseekCharts.update(chart, function (spec) {
        spec.data[0].x = costs;
        spec.data[0].text = costs.map(money);
      }, live);
    }

    form.elements.workload.addEventListener("change", function () {
      var task = tasks.filter(function (t) { return t.id === form.elements.workload.value; })[0];
      if (task) {
        form.elements.input_tokens.value = task.input_tokens;
        form.elements.output_tokens.value = task.output_tokens;
        form.elements.thinking_tokens.value = task.thinking_tokens;
        form.elements.cached_percent.value = Math.round(task.cached_share * 100);
      }
      describe();
      recompute(true);
      saveState(form);
    });
    names.forEach(function (name) {
      form.elements[name].addEventListener("input", function () {
        form.elements.workload.value = "custom";
        describe();
        recompute(true);
        saveState(form);
      });
    });
    describe();
    recompute(live);
  }

  function recipe(form, live) {
    var models = JSON.parse(form.getAttribute("data-models"));
    var scale = Number(form.getAttribute("data-scale"));
    var chart = document.getElementById(form.getAttribute("data-chart"));
    var result = form.querySelector("[data-role=result]");
    var priceShown = form.querySelector("[data-role=price-shown]");
    var bars = form.querySelectorAll("[data-role=cost-bar]");
    var values = form.querySelectorAll("[data-role=cost-value]");

    function recompute(live) {
      var basis = form.elements.basis.value;
      var price = Number(form.elements.gpu_hour_price.value);
      var flops = models.map(function (m, i) {
        var params = basis === "total" && i === 0 ? m.total_params : m.active_params;
        return 6 * params * m.training_tokens;
      });
      var more = flops[1] >= flops[0] ? [1, 0] : [0, 1];
      var ratio = Math.max(flops[1] / flops[0], flops[0] / flops[1]);
      priceShown.textContent = money(price);
      models.forEach(function (m, i) {
        bars[i].style.width = (100 * m.gpu_hours * price / scale).toFixed(2) + "%";
        values[i].textContent = money(m.gpu_hours * price);
      });
      result.textContent = "By this recipe " + models[more[0]].model + " used " + ratio.toFixed(1) +
        " times the compute of " + models[more[1]].model + ". At " + money(price) +
        " per GPU-hour, the final runs would cost " +
        models.map(function (m) { return m.model + " " + money(m.gpu_hours * price); }).join(" and ") + ".";
      // The chart shows V3 counted both ways (data[0]: active, then total); the last trace is a halo round
      // the way counted here (charts/compute.py).
      window.deepseekCharts.update(chart, function (spec) {
        var halo = spec.data[spec.data.length - 1], at = basis === "total" ? 1 : 0;
        halo.x = [spec.data[0].x[at]];
        halo.y = [spec.data[0].y[at]];
      }, live && basis !== form._shownBasis);
    }

    form._shownBasis = "active";  // what the static picture shows
    form.addEventListener("input", function () { recompute(true); saveState(form); });
    form.addEventListener("change", function () { recompute(true); saveState(form); });
    recompute(live);
  }

  // Timeline lanes and period: the same as Plotly's legend and zoom, but reachable by keyboard.
  function timeline(form, live) {
    var chart = document.getElementById(form.getAttribute("data-chart"));
    function apply(live) {
      var shown = Array.prototype.map.call(form.querySelectorAll("input[name=lane]"), function (box) {
        return box.checked;
      });
      var period = form.querySelector("input[name=period]:checked");
      window.deepseekCharts.update(chart, function (spec) {
        var hidden = [];  // the heights of the hidden lanes: their labels and bands go with their markers
        spec.data.forEach(function (trace, i) {
          if (i >= shown.length) return;
          trace.visible = shown[i] ? true : "legendonly";
          if (!shown[i]) hidden.push(trace.y[0]);
        });
        [spec.layout, spec.phone || {}].forEach(function (layout) {
          (layout.annotations || []).forEach(function (note) {
            if (note.yref === "y") note.visible = hidden.indexOf(note.y) === -1;
          });
          (layout.shapes || []).forEach(function (shape) {
            if (shape.yref === "y") shape.visible = hidden.indexOf(Math.round((shape.y0 + shape.y1) / 2)) === -1;
          });
        });
        // The phone layout has no range of its own: both show the period chosen here.
        if (period) spec.layout.xaxis.range = JSON.parse(period.getAttribute("data-range"));
      }, live);
    }
    form.addEventListener("change", function () { apply(true); saveState(form); });
    if (live) {
      // A shared view is about the chart: on a phone, show it in place of the stepper's summary.
      var more = form.closest("figure") && form.closest("figure").querySelector(".chart-more input");
      if (more) more.checked = true;
      apply(true);
    }
  }

  // Linear or log value axis.
  function scale(form, live) {
    var chart = document.getElementById(form.getAttribute("data-chart"));
    var axis = form.getAttribute("data-axis");
    function apply(live) {
      var choice = form.querySelector("input[name=scale]:checked").value;
      window.deepseekCharts.update(chart, function (spec) { spec.layout[axis].type = choice; }, live);
    }
    form.addEventListener("change", function () { apply(true); saveState(form); });
    if (live) {
      // A shared view is about the chart: on a phone, show it in place of the stepper's summary.
      var more = form.closest("figure") && form.closest("figure").querySelector(".chart-more input");
      if (more) more.checked = true;
      apply(true);
    }
  }

  var kinds = { workload: workload, recipe: recipe, timeline: timeline, scale: scale };

  function setUp() {
    document.querySelectorAll("form.calculator[data-calculator]").forEach(function (form) {
      if (form._calculatorReady) return;
      form._calculatorReady = true;
      // A shared scenario in the URL: apply it, and show it on the live chart (the picture shows the default).
      kinds[form.getAttribute("data-calculator")](form, loadState(form));
    });
  }

  window.deepseekNumbers = { money: money, sci: sci, times: times };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
