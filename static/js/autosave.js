/* Section form: debounced server-side autosave with an announced status; typed values
   are kept in localStorage when the session has expired or someone else saved. */
(function () {
  "use strict";

  var summary = document.getElementById("feiloppsummering");
  if (summary) { summary.focus(); }
  var form = document.getElementById("section-form");
  if (!form || !form.hasAttribute("data-editable")) { return; }
  var status = document.getElementById("save-status");
  var basedOn = form.querySelector("input[name=based_on]");
  var storagePrefix = form.dataset.storageKey + ":";
  var DELAY = 3000;
  var timer = null;
  var saving = false;
  var again = false;
  var dirty = false;
  var submitAfterSave = null; // a Save pressed while an autosave was on its way

  function show(id, visible) {
    var el = document.getElementById(id);
    if (el) { el.hidden = !visible; }
  }

  function entries() {
    var data = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") { data.push([name, value]); }
    });
    return data;
  }

  function answersOnly(pairs) {
    return JSON.stringify(pairs.filter(function (pair) {
      return pair[0] !== "based_on" && pair[1] !== "";
    }));
  }

  function keepLocally() {
    try {
      localStorage.setItem(storagePrefix + basedOn.value, JSON.stringify(entries()));
    } catch (e) { /* storage full or disabled: the page still holds the values */ }
  }

  function forgetLocally() {
    Object.keys(localStorage).forEach(function (key) {
      if (key.indexOf(storagePrefix) === 0) { localStorage.removeItem(key); }
    });
  }

  function clearErrors() {
    form.querySelectorAll(".autosave-error").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".is-invalid").forEach(function (el) {
      el.classList.remove("is-invalid");
      el.removeAttribute("aria-invalid");
    });
  }

  function showErrors(errors) {
    clearErrors();
    Object.keys(errors).forEach(function (name) {
      var field = form.querySelector("[name='" + name + "']");
      if (!field) { return; }
      var message = document.createElement("div");
      message.className = "invalid-feedback d-block autosave-error";
      message.id = "autosave-error-" + name;
      message.textContent = errors[name].join(" ");
      field.classList.add("is-invalid");
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", message.id);
      var anchor = field.closest(".form-check") || field;
      anchor.parentNode.insertBefore(message, anchor.nextSibling);
    });
  }

  function handle(response) {
    if (response.type === "opaqueredirect" || response.status === 401 ||
        response.status === 403) {
      keepLocally();
      status.textContent = document.getElementById("session-expired").textContent.trim();
      show("session-expired", true);
      return null;
    }
    return response.json().then(function (data) {
      if (response.ok) {
        basedOn.value = data.version;
        status.textContent = data.status;
        var presence = document.getElementById("presence");
        if (presence) { presence.textContent = data.editing; }
        clearErrors();
        forgetLocally();
        form.dispatchEvent(
          new CustomEvent("oxlo:session-renewed", { detail: data.session_seconds })
        );
        form.querySelectorAll("[id^='forklaring-varsel-']").forEach(function (el) {
          el.hidden = data.explain.indexOf(el.id.slice("forklaring-varsel-".length)) < 0;
        });
      } else if (response.status === 409) {
        keepLocally();
        status.textContent = data.error;
        show("conflict-offer", true);
      } else {
        status.textContent = data.error;
        if (data.errors) { showErrors(data.errors); }
      }
    });
  }

  function save() {
    clearTimeout(timer);
    if (saving) { again = true; return; }
    saving = true;
    dirty = false;
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      redirect: "manual",
      headers: { "Accept": "application/json" },
    }).then(handle).catch(function () {
      keepLocally();
    }).finally(function () {
      saving = false;
      if (submitAfterSave) {
        var submitter = submitAfterSave.submitter;
        submitAfterSave = null;
        form.requestSubmit(submitter);
      } else if (again) { again = false; save(); }
    });
  }

  function schedule() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("focusout", function () { if (dirty) { save(); } });
  form.addEventListener("oxlo:expired", keepLocally);
  // A normal POST may meet an expired session too: keep a copy until it is seen saved.
  // Saving by button while an autosave is on its way waits for its new version,
  // or the person would meet a conflict with their own autosave.
  form.addEventListener("submit", function (event) {
    clearTimeout(timer);
    if (saving) {
      event.preventDefault();
      submitAfterSave = { submitter: event.submitter || null };
      return;
    }
    if (!event.submitter || event.submitter.name !== "copy") { keepLocally(); }
  });
  document.getElementById("conflict-show").addEventListener("click", function () {
    // A normal POST from the stale version shows both versions side by side.
    form.submit();
  });

  function setValue(name, value) {
    var fields = form.querySelectorAll("[name='" + name + "']");
    var match = /^q__(.+)__(\d+)__/.exec(name);
    if (!fields.length && match) {
      var list = form.querySelector("fieldset[data-list='" + match[1] + "']");
      if (list) { list.dispatchEvent(new CustomEvent("oxlo:add-row")); }
      fields = form.querySelectorAll("[name='" + name + "']");
    }
    fields.forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.value === value) { field.checked = true; }
      } else {
        field.value = value;
      }
    });
  }

  function restore(key) {
    var saved = JSON.parse(localStorage.getItem(key) || "[]");
    form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach(function (el) {
      el.checked = false;
    });
    saved.forEach(function (pair) {
      if (pair[0] !== "based_on") { setValue(pair[0], pair[1]); }
    });
    basedOn.value = key.slice(storagePrefix.length);
    show("restore-offer", false);
    save();
  }

  var current = answersOnly(entries());
  var stored = Object.keys(localStorage).filter(function (key) {
    if (key.indexOf(storagePrefix) !== 0) { return false; }
    if (answersOnly(JSON.parse(localStorage.getItem(key) || "[]")) === current) {
      localStorage.removeItem(key);  // the page already shows exactly these answers
      return false;
    }
    return true;
  });
  if (stored.length) {
    show("restore-offer", true);
    document.getElementById("restore-yes").addEventListener("click", function () {
      restore(stored[stored.length - 1]);
    });
    document.getElementById("restore-no").addEventListener("click", function () {
      forgetLocally();
      show("restore-offer", false);
    });
  }
})();
