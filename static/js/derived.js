/* What the circular adds to the form: computed answers kept current while one
   types (the server computes them again on save), and questions shown only
   when another answer has a given value (the server decides what is stored). */
(function () {
  "use strict";

  var form = document.getElementById("section-form");
  if (!form) { return; }
  var lang = document.documentElement.lang || "nb";

  function numberOf(input) {
    if (!input) { return null; }
    return window.oxloNumber(input.value, input.inputMode === "numeric");
  }

  function evaluate(tree) {
    var kind = tree[0];
    if (kind === "num") { return parseFloat(tree[1]); }
    if (kind === "field") { return numberOf(form.elements.namedItem(tree[1])); }
    if (kind === "neg") {
      var inner = evaluate(tree[1]);
      return inner === null ? null : -inner;
    }
    var a = evaluate(tree[1]), b = evaluate(tree[2]);
    if (a === null || b === null) { return null; }
    if (kind === "+") { return a + b; }
    if (kind === "-") { return a - b; }
    if (kind === "*") { return a * b; }
    return b === 0 ? null : a / b;
  }

  function shown(value) {
    if (value === null || !isFinite(value)) { return ""; }
    var rounded = Math.round(value * 10) / 10;
    var text = String(rounded);
    return lang.indexOf("en") === 0 ? text : text.replace(".", ",");
  }

  var computed = Array.prototype.filter.call(
    form.querySelectorAll("input[data-formula]"),
    function (input) { return input.dataset.formula; }
  );

  function recompute() {
    // Twice, so a computed value that reads another one is current too.
    for (var pass = 0; pass < 2; pass += 1) {
      computed.forEach(function (input) {
        input.value = shown(evaluate(JSON.parse(input.dataset.formula)));
      });
    }
  }

  function chosen(name) {
    var values = [];
    form.querySelectorAll("[name='" + name.replace(/'/g, "") + "']").forEach(function (field) {
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) { return; }
      if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.selectedOptions, function (option) {
          values.push(option.value);
        });
        return;
      }
      values.push(field.value);
    });
    return values.map(function (value) { return value.trim().toLowerCase(); });
  }

  function toggle() {
    // Parents first: a question hidden by a hidden question stays hidden.
    form.querySelectorAll("[data-shown-when]").forEach(function (element) {
      var controller = form.querySelector("[name='" + element.dataset.shownWhen.replace(/'/g, "") + "']");
      var block = controller && controller.closest(".question-block");
      var parentHidden = block && block !== element && block.hidden;
      element.hidden = parentHidden ||
        chosen(element.dataset.shownWhen).indexOf(element.dataset.shownValue) === -1;
    });
  }

  form.addEventListener("input", recompute);
  form.addEventListener("change", function () { recompute(); toggle(); });
  recompute();
  toggle();
})();
