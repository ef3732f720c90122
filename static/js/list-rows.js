/* List questions: add, remove and reorder rows; each row keeps labelled fields. */
(function () {
  "use strict";

  function renumber(list) {
    var key = list.dataset.list;
    var pattern = new RegExp("q__" + key + "__\\d+__", "g");
    list.querySelectorAll("li.list-row").forEach(function (row, index) {
      var replacement = "q__" + key + "__" + index + "__";
      row.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) { el.setAttribute(attr, value.replace(pattern, replacement)); }
        });
      });
      row.querySelectorAll("label, legend.row-legend").forEach(function (label) {
        label.childNodes.forEach(function (node) {
          if (node.nodeType === Node.TEXT_NODE && /\d+\s*$/.test(node.textContent)) {
            node.textContent = node.textContent.replace(/\d+(\s*)$/, (index + 1) + "$1");
          }
        });
      });
    });
  }

  function clear(row) {
    row.querySelectorAll("input, textarea, select").forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") { el.checked = false; }
      else if (el.tagName === "SELECT") { el.selectedIndex = 0; }
      else { el.value = ""; }
      el.classList.remove("is-invalid");
    });
    row.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
  }

  function changed(list) {
    renumber(list);
    list.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function button(text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "pkt-btn pkt-btn--small " + className;
    b.textContent = text;
    return b;
  }

  function decorate(list, row) {
    var actions = row.querySelector(".row-actions");
    actions.querySelectorAll(".pkt-input-check, .pkt-inputwrapper").forEach(function (el) { el.hidden = true; });
    var up = button(list.dataset.upLabel, "pkt-btn--secondary");
    var down = button(list.dataset.downLabel, "pkt-btn--secondary");
    var remove = button(list.dataset.removeLabel, "pkt-btn--secondary");
    up.addEventListener("click", function () {
      var previous = row.previousElementSibling;
      if (previous) { row.parentNode.insertBefore(row, previous); changed(list); up.focus(); }
    });
    down.addEventListener("click", function () {
      var next = row.nextElementSibling;
      if (next) { row.parentNode.insertBefore(next, row); changed(list); down.focus(); }
    });
    remove.addEventListener("click", function () {
      var rows = list.querySelectorAll("li.list-row");
      if (rows.length === 1) { clear(row); } else { row.remove(); }
      changed(list);
      list.querySelector(".add-row").focus();
    });
    actions.append(up, " ", down, " ", remove);
  }

  function addRow(list) {
    var rows = list.querySelectorAll("li.list-row");
    var last = rows[rows.length - 1];
    var copy = last.cloneNode(true);
    copy.querySelectorAll(".row-actions button").forEach(function (b) { b.remove(); });
    clear(copy);
    last.parentNode.appendChild(copy);
    decorate(list, copy);
    renumber(list);
    return copy;
  }

  document.querySelectorAll("fieldset.answer-list").forEach(function (list) {
    if (list.querySelector("[disabled]")) { return; }
    list.querySelectorAll("li.list-row").forEach(function (row) { decorate(list, row); });
    var add = button(list.dataset.addLabel, "pkt-btn--secondary add-row");
    add.addEventListener("click", function () {
      var row = addRow(list);
      var first = row.querySelector("input, textarea, select");
      if (first) { first.focus(); }
    });
    list.appendChild(add);
    list.addEventListener("oxlo:add-row", function () { addRow(list); });
  });
})();
