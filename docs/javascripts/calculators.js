/* Small calculators that redraw a chart from the reader's inputs: no server, no fetch.
 * The cost formula is the same as charts/costs.py task_cost(); the compute formula the same as
 * charts/efficiency.py (6 x parameters x tokens). Tests compare the two. */
(function () {
  "use strict";

  function money(value) {
    if (value === 0) return "$0";
    if (value >= 100) return "$" + Math.round(value).toLocaleString("en-US");
    if (value >= 0.1) return "$" + value.toFixed(2);
    return "$" + value.toPrecision(2);
  }

  // 3.29e24 -> "3.29 × 10²⁴", as charts/numbers.py sci() prints it.
  function sci(value) {
    var parts = value.toExponential(2).split("e");
    var digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    var exponent = String(parseInt(parts[1], 10)).split("").map(function (d) { return d === "-" ? "⁻" : digits[+d]; });
    return parseFloat(parts[0]).toString() + " × 10" + exponent.join("");
  }

  function number(form, name) {
    var value = parseFloat(form.elements[name].value);
    return isFinite(value) && value >= 0 ? value : 0;
  }

  function taskCost(price, inputs) {
    var hit = price.hit === null ? price.miss : price.hit;
    var share = Math.min(inputs.cachedPercent, 100) / 100;
    var billedOut = inputs.output + (price.reasoning ? inputs.thinking : 0);
    return (inputs.input * share * hit + inputs.input * (1 - share) * price.miss + billedOut * price.out) / 1e6;
  }

  function workload(form) {
    var prices = JSON.parse(form.getAttribute("data-prices"));
    var tasks = JSON.parse(form.getAttribute("data-workloads"));
    var chart = document.getElementById(form.getAttribute("data-chart"));
    var description = form.querySelector("[data-role=description]");
    var result = form.querySelector("[data-role=result]");
    var custom = description.textContent;

    function recompute() {
      var inputs = {
        input: number(form, "input_tokens"),
        output: number(form, "output_tokens"),
        thinking: number(form, "thinking_tokens"),
        cachedPercent: number(form, "cached_percent")
      };
      var costs = prices.map(function (p) { return taskCost(p, inputs); });
      var order = costs.map(function (c, i) { return i; }).sort(function (a, b) { return costs[a] - costs[b]; });
      var last = order[order.length - 1];
      result.textContent = costs[last] === 0
        ? "Enter some tokens (numbers of zero or more) to see what the task costs."
        : "Cheapest: " + prices[order[0]].model + " at " + money(costs[order[0]]) +
          ". Most expensive: " + prices[last].model + " at " + money(costs[last]) + ".";
      window.deepseekCharts.update(chart, function (spec) {
        spec.data[0].y = costs;
        spec.data[0].text = costs.map(money);
      });
    }

    form.elements.workload.addEventListener("change", function () {
      var task = tasks.filter(function (t) { return t.id === form.elements.workload.value; })[0];
      if (task) {
        form.elements.input_tokens.value = task.input_tokens;
        form.elements.output_tokens.value = task.output_tokens;
        form.elements.thinking_tokens.value = task.thinking_tokens;
        form.elements.cached_percent.value = Math.round(task.cached_share * 100);
        description.textContent = task.description;
      } else {
        description.textContent = "Type your own token counts below.";
      }
      recompute();
    });
    ["input_tokens", "output_tokens", "thinking_tokens", "cached_percent"].forEach(function (name) {
      form.elements[name].addEventListener("input", function () {
        form.elements.workload.value = "custom";
        description.textContent = "Your own numbers.";
        recompute();
      });
    });
    recompute();
    return custom;
  }

  function recipe(form) {
    var models = JSON.parse(form.getAttribute("data-models"));
    var chart = document.getElementById(form.getAttribute("data-chart"));
    var result = form.querySelector("[data-role=result]");

    function recompute() {
      var basis = form.elements.basis.value;
      var price = number(form, "gpu_hour_price");
      var flops = models.map(function (m) {
        var params = basis === "total" ? m.total_params : m.active_params;
        return 6 * params * m.training_tokens;
      });
      var ratio = flops[1] / flops[0];
      var costs = models.map(function (m) { return m.gpu_hours * price; });
      // Always say "X used N times the compute of Y" with N of at least one.
      var more = ratio >= 1 ? [1, 0] : [0, 1];
      result.textContent = "By this recipe " + models[more[0]].model + " used " +
        Math.max(ratio, 1 / ratio).toFixed(1) + " times the compute of " + models[more[1]].model +
        ". At " + money(price) + " per GPU-hour, the final runs would cost " +
        models.map(function (m, i) { return m.model + " " + money(costs[i]); }).join(" and ") + ".";
      window.deepseekCharts.update(chart, function (spec) {
        spec.data[0].y = flops;
        spec.data[0].text = flops.map(sci);
      });
    }

    Array.prototype.forEach.call(form.elements, function (el) {
      el.addEventListener("input", recompute);
      el.addEventListener("change", recompute);
    });
    recompute();
  }

  // Timeline lanes and period: the same as Plotly's legend and zoom, but reachable by keyboard.
  function timeline(form) {
    var chart = document.getElementById(form.getAttribute("data-chart"));
    function apply() {
      var shown = Array.prototype.map.call(form.querySelectorAll("input[name=lane]"), function (box) {
        return box.checked;
      });
      var period = form.querySelector("input[name=period]:checked");
      window.deepseekCharts.update(chart, function (spec) {
        spec.data.forEach(function (trace, i) { trace.visible = shown[i] ? true : "legendonly"; });
        if (period) spec.layout.xaxis.range = JSON.parse(period.getAttribute("data-range"));
      });
    }
    form.addEventListener("change", apply);
  }

  // Linear or log value axis.
  function scale(form) {
    var chart = document.getElementById(form.getAttribute("data-chart"));
    var axis = form.getAttribute("data-axis");
    form.addEventListener("change", function () {
      var choice = form.querySelector("input[name=scale]:checked").value;
      window.deepseekCharts.update(chart, function (spec) { spec.layout[axis].type = choice; });
    });
  }

  var kinds = { workload: workload, recipe: recipe, timeline: timeline, scale: scale };

  function setUp() {
    document.querySelectorAll("form.calculator[data-calculator]").forEach(function (form) {
      if (form._calculatorReady) return;
      form._calculatorReady = true;
      kinds[form.getAttribute("data-calculator")](form);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
