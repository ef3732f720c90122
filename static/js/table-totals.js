/* Table questions: live row and column sums of the count (integer) cells. */
(function () {
  "use strict";

  /* A count as the server reads it: «1 234», «1.234» and «1234» are 1234;
     anything that is not a whole number counts as nothing until corrected. */
  function cellNumber(input) {
    var text = input.value.replace(/[\s\u00a0\u202f]/g, "");
    if (/^\d{1,3}([.,]\d{3})+$/.test(text)) { text = text.replace(/[.,]/g, ""); }
    return /^\d+$/.test(text) ? parseInt(text, 10) : 0;
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
