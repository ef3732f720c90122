/* Warn before the session ends and offer to keep working; at the end, keep the
   typed values in the browser (see autosave.js). Every save renews the session. */
(function () {
  "use strict";

  var form = document.getElementById("section-form");
  if (!form || !form.dataset.sessionSeconds) { return; }
  var WARN_BEFORE = 5 * 60 * 1000;
  var warning = document.getElementById("session-warning");
  var keepalive = document.getElementById("session-keepalive");
  var timers = [];

  function schedule(seconds) {
    timers.forEach(clearTimeout);
    var left = seconds * 1000;
    timers = [
      setTimeout(function () {
        warning.hidden = false;
        keepalive.focus();
      }, Math.max(0, left - WARN_BEFORE)),
      setTimeout(function () {
        warning.hidden = true;
        form.dispatchEvent(new Event("oxlo:expired"));
        document.getElementById("session-expired").hidden = false;
      }, left),
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
        schedule(data.session_seconds);
      });
    });
  });

  form.addEventListener("oxlo:session-renewed", function (event) {
    warning.hidden = true;
    schedule(event.detail);
  });

  schedule(parseInt(form.dataset.sessionSeconds, 10));
})();
