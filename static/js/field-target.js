/* Arriving at a question from the submit page's list (…/kapitler/7/#sporsmal-antall):
   highlight the question and put the cursor in its first field. */
(function () {
  "use strict";
  var FIELDS = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

  function land() {
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    var target = id ? document.getElementById(id) : null;
    if (!target) {
      return;
    }
    var block = target.closest(".question-block");
    if (!block) {
      return;
    }
    document.querySelectorAll(".question-block.is-target").forEach(function (other) {
      other.classList.remove("is-target");
    });
    block.classList.add("is-target");
    var field = target.matches(FIELDS) ? target : block.querySelector(FIELDS);
    block.scrollIntoView({ block: "start" });
    if (field) {
      field.focus({ preventScroll: true });
    }
  }

  window.addEventListener("hashchange", land);
  // After load: the browser's own scroll to the fragment comes first.
  if (document.readyState === "complete") {
    land();
  } else {
    window.addEventListener("load", land);
  }
})();
