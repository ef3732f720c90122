// Export progress page: poll the job's status and reload when it is finished.
(function () {
  "use strict";
  var box = document.querySelector(".export-job");
  if (!box || box.dataset.finished === "true") {
    return;
  }
  var statusText = box.querySelector(".export-status");
  var bar = box.querySelector(".export-progress");
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (statusText.textContent !== job.status_label) {
          statusText.textContent = job.status_label;
        }
        if (bar) {
          bar.value = job.progress;
          bar.textContent = job.progress + " %";
        }
        if (job.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
