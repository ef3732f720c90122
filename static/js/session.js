/* Warn before the session ends and offer to keep working; at the end, keep the
   typed values in the browser (see autosave.js). */
(function () {
  "use strict";

  var form = document.getElementById("section-form");
  if (!form || !form.dataset.sessionExpires) { return; }
  var WARN_BEFORE = 5 * 60 * 1000;
  var warning = document.getElementById("session-warning");
  var keepalive = document.getElementById("session-keepalive");
  var timers = [];

  function schedule(expires) {
    timers.forEach(clearTimeout);
    var left = new Date(expires).getTime() - Date.now();
    timers = [
      setTimeout(function () {
        warning.hidden = false;
        keepalive.focus();
      }, Math.max(0, left - WARN_BEFORE)),
      setTimeout(function () {
        warning.hidden = true;
        form.dispatchEvent(new Event("oxlo:expired"));
        document.getElementById("session-expired").hidden = false;
      }, Math.max(0, left)),
    ];
  }

  keepalive.addEventListener("click", function () {
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(form.dataset.keepaliveUrl, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": token, "Accept": "application/json" },
    }).then(function (response) {
      if (!response.ok) { return null; }
      return response.json().then(function (data) {
        warning.hidden = true;
        schedule(data.expires);
      });
    });
  });

  schedule(form.dataset.sessionExpires);
})();
