// Header menus (<details class="portal-menu">): Escape or a click elsewhere closes them.
(function () {
  "use strict";
  function closeAll(except) {
    document.querySelectorAll("details.portal-menu[open]").forEach(function (menu) {
      if (menu !== except) {
        menu.open = false;
      }
    });
  }
  document.addEventListener("click", function (event) {
    closeAll(event.target.closest("details.portal-menu"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = document.querySelector("details.portal-menu[open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
})();
