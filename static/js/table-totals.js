/* Table questions: live row and column sums of the count (integer) cells. */
(function () {
  "use strict";

  function cellNumber(input) {
    var value = window.oxloNumber(input.value, true);
    return value === null ? 0 : value;
  }

  function update(table) {
    var columnTotals = {};
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var rowTotal = 0;
      row.querySelectorAll("td").forEach(function (cell, index) {
        var input = cell.querySelector("input[data-sum]");
        if (!input) { return; }
        var value = cellNumber(input);
        rowTotal += value;
        columnTotals[index + 1] = (columnTotals[index + 1] || 0) + value;
      });
      var output = row.querySelector("output.row-total");
      if (output) { output.value = String(rowTotal); }
    });
    table.querySelectorAll("output.column-total").forEach(function (output) {
      output.value = String(columnTotals[output.dataset.column] || 0);
    });
  }

  document.querySelectorAll("table[data-totals]").forEach(function (table) {
    update(table);
    table.addEventListener("input", function () { update(table); });
  });
})();
