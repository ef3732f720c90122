/* Keep the outcome of an action in view. After a redirect to an anchor (a
   comment, a chapter of the review page) the messages are moved to the top of
   that anchor; either way they get focus, so they are scrolled to and read. */
(function () {
  "use strict";
  var box = document.querySelector("[data-messages]");
  if (!box) {
    return;
  }

  function show() {
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    var target = id ? document.getElementById(id) : null;
    if (target && target.matches("h1, h2, h3, h4, h5, h6, p")) {
      target.parentNode.insertBefore(box, target);
    } else if (target && !target.matches("input, select, textarea, button")) {
      target.insertBefore(box, target.firstChild);
    }
    box.setAttribute("tabindex", "-1");
    box.focus();
  }

  // After load: the browser's own scroll to the fragment comes first.
  if (document.readyState === "complete") {
    show();
  } else {
    window.addEventListener("load", show);
  }
})();
