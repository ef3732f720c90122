/* Numbers as the server reads them (reporting/kinds/numbers.py), for the live
   totals and computed values: «95,5» and «95.5» are 95.5, «1 234,5» is 1234.5,
   «1.234» is 1234 in a count. Anything else, or a «1,234» that could be either
   in a decimal field, is null: the server's message says what to type. */
window.oxloNumber = function (text, whole) {
  "use strict";
  var s = String(text).replace(/[\s\u00a0\u202f]/g, "");
  var sign = 1;
  if (/^[-\u2212]/.test(s)) { sign = -1; s = s.slice(1); }
  if (/^\d+$/.test(s)) { return sign * parseInt(s, 10); }
  var grouped = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.exec(s);
  if (grouped) {
    var several = s.split(grouped[1]).length > 2;
    return whole || several ? sign * parseInt(s.replace(/[.,]/g, ""), 10) : null;
  }
  var mixed = /^(\d{1,3}(?:([.,])\d{3})+)([.,])(\d+)$/.exec(s);
  if (mixed && mixed[2] !== mixed[3]) {
    s = mixed[1].split(mixed[2]).join("") + "." + mixed[4];
  } else if (/^\d*[.,]\d+$/.test(s)) {
    s = s.replace(",", ".");
  } else {
    return null;
  }
  var value = sign * parseFloat(s);
  return whole && value !== Math.round(value) ? null : value;
};
