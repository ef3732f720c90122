/* Section form: debounced server-side autosave with an announced status; every typed
   value is saved, valid or not, and each field's message is shown at the field and in
   the summary at the top. Typed values are kept in localStorage when the session has
   expired or someone else saved; leaving with unsaved changes asks first. */
(function () {
  "use strict";

  var summary = document.getElementById("feiloppsummering");
  if (summary && !summary.hidden) { summary.focus(); }
  if (summary) {
    // A link in the summary takes the person to the field itself, label in view.
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) { return; }
      event.preventDefault();
      var label = document.querySelector("label[for='" + field.id + "']");
      (label || field).scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
    });
  }
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
  var leaving = false; // a button sends the whole form: nothing is left behind
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
    form.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
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
      message.className = "field-error autosave-error";
      message.id = "autosave-error-" + name;
      message.textContent = errors[name].join(" ");
      field.classList.add("is-invalid");
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", message.id);
      var anchor = field.closest(".pkt-input-check__input") || field;
      anchor.parentNode.insertBefore(message, anchor.nextSibling);
    });
  }

  /* Fill a box's list with links to the fields (`text` of each item); hide it when empty. */
  function showLinks(box, items, text) {
    var list = box.querySelector("ul");
    list.replaceChildren();
    items.forEach(function (item) {
      var link = document.createElement("a");
      link.href = "#" + item.id;
      link.textContent = text(item);
      var entry = document.createElement("li");
      entry.appendChild(link);
      list.appendChild(entry);
    });
    box.hidden = !items.length;
  }

  function showSummary(items) {
    if (!summary) { return; }
    showLinks(summary, items, function (item) { return item.label + ": " + item.message; });
    var note = document.getElementById("feiloppsummering-forklaring");
    if (note && summary.dataset.savedNote) { note.textContent = summary.dataset.savedNote; }
  }

  function showRules(items) {
    var box = document.getElementById("regelvarsler-boks");
    if (box) { showLinks(box, items, function (item) { return item.message; }); }
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
        showErrors(data.errors);
        showSummary(data.summary);
        showRules(data.rules);
        form.removeAttribute("data-unsaved");
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

  function save(keepalive) {
    clearTimeout(timer);
    if (saving) { again = true; return; }
    saving = true;
    dirty = false;
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      keepalive: keepalive === true,
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

  function schedule(event) {
    if (event && event.detail === "oxlo-fill") { return; } // filled in, not typed
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("focusout", function () { if (dirty) { save(); } });
  // Leaving with changes not yet saved: the browser asks, and what was typed is
  // sent on its way out, so it is saved also when the person leaves anyway.
  window.addEventListener("beforeunload", function (event) {
    if (leaving || !(dirty || saving || form.hasAttribute("data-unsaved"))) { return; }
    if (dirty) { save(true); }
    event.preventDefault();
    event.returnValue = "";
  });
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
    leaving = true;
    if (event.submitter && event.submitter.name === "copy" && dialog) {
      // With JavaScript, last year's answers are shown beside this year's first.
      event.preventDefault();
      leaving = false;
      openCopyDialog(event.submitter);
      return;
    }
    if (!event.submitter || event.submitter.name !== "copy") { keepLocally(); }
  });
  document.getElementById("conflict-show").addEventListener("click", function () {
    // A normal POST from the stale version shows both versions side by side.
    leaving = true;
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

  /* «Bruk fjorårets svar»: what will be replaced, side by side, and the fields are
     filled only when the person confirms; nothing is saved until they save. */
  var dialog = document.getElementById("copy-dialog");
  var lastYear = dialog ? JSON.parse(document.getElementById("last-year-values").textContent) : {};
  var copyKeys = [];
  var copyOpener = null;

  function questionFields(key) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && (el.name === "q__" + key || el.name.indexOf("q__" + key + "__") === 0) &&
        !/__DELETE$/.test(el.name);
    });
  }

  function labelOf(el) {
    var label = el.id && form.querySelector("label[for='" + el.id + "']");
    return el.getAttribute("aria-label") || (label ? label.textContent.trim() : el.name);
  }

  function typedNow(key) {
    var items = [];
    questionFields(key).forEach(function (el) {
      var text = "";
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { text = labelOf(el); }
        if (text) { items.push([null, text]); }
        return;
      }
      if (el.tagName === "SELECT") {
        text = el.value ? el.options[el.selectedIndex].textContent : "";
      } else { text = el.value; }
      if (text) { items.push([labelOf(el), text]); }
    });
    if (!items.length) { return document.createTextNode("–"); }
    var list = document.createElement("ul");
    list.className = "plain-list";
    items.forEach(function (item) {
      var entry = document.createElement("li");
      entry.textContent = item[0] && items.length > 1 ? item[0] + ": " + item[1] : item[1];
      list.appendChild(entry);
    });
    return list;
  }

  function openCopyDialog(button) {
    var which = button.value;
    copyKeys = Object.keys(lastYear).filter(function (key) {
      return which === "*" || which === key;
    });
    copyOpener = button;
    var body = dialog.querySelector("tbody");
    body.replaceChildren();
    copyKeys.forEach(function (key) {
      var row = document.createElement("tr");
      var heading = document.createElement("th");
      heading.scope = "row";
      var block = document.getElementById("sporsmal-" + key);
      var legend = block && block.querySelector("legend, label");
      heading.textContent = legend ? legend.textContent.trim() : key;
      var labels = dialog.querySelectorAll("thead th");
      var now = document.createElement("td");
      now.dataset.label = labels[1].textContent;
      now.appendChild(typedNow(key));
      var before = document.createElement("td");
      before.dataset.label = labels[2].textContent;
      var shown = form.querySelector("[data-previous-for='" + key + "']");
      if (shown) { before.appendChild(shown.cloneNode(true)).removeAttribute("data-previous-for"); }
      row.append(heading, now, before);
      body.appendChild(row);
    });
    dialog.showModal();
  }

  function fillFromLastYear() {
    copyKeys.forEach(function (key) {
      questionFields(key).forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") { el.checked = false; }
        else { el.value = ""; }
      });
      Object.keys(lastYear[key]).forEach(function (name) {
        lastYear[key][name].forEach(function (value) { setValue(name, value); });
      });
      questionFields(key).forEach(function (el) {
        el.dispatchEvent(new CustomEvent("input", { bubbles: true, detail: "oxlo-fill" }));
      });
    });
    form.setAttribute("data-unsaved", "");
    status.textContent = dialog.dataset.filledStatus;
  }

  if (dialog) {
    document.getElementById("copy-confirm").addEventListener("click", function () {
      fillFromLastYear();
      dialog.close();
    });
    document.getElementById("copy-cancel").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      if (copyOpener) { copyOpener.focus(); }
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
