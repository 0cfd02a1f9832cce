// Theme toggle, CSRF header for htmx, confirm dialogs, and live notifications over Server-Sent Events.
// Loaded as a file (the Content-Security-Policy allows no inline script).
(function () {
  document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var next = document.documentElement.getAttribute("data-bs-theme") === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      document.documentElement.setAttribute("data-bs-theme", next);
      try { localStorage.setItem("jobsmith-theme", next); } catch (e) { /* storage disabled */ }
    });
  });

  // Forms marked data-confirm ask first, in a native dialog (keyboard and screen-reader friendly).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (evt) {
      if (form.dataset.confirmed === "yes" || !window.HTMLDialogElement) return;
      evt.preventDefault();
      confirmDialog(form.getAttribute("data-confirm"), function () {
        form.dataset.confirmed = "yes";
        form.requestSubmit ? form.requestSubmit() : form.submit();
      });
    });
  });

  function confirmDialog(question, onYes) {
    var dialog = document.createElement("dialog");
    dialog.className = "card p-0 border-0 shadow";
    dialog.setAttribute("aria-label", "Confirm");
    var body = document.createElement("div");
    body.className = "card-body";
    var text = document.createElement("p");
    text.textContent = question;
    var actions = document.createElement("div");
    actions.className = "btn-list justify-content-end";
    var no = document.createElement("button");
    no.type = "button"; no.className = "btn"; no.textContent = "Cancel";
    var yes = document.createElement("button");
    yes.type = "button"; yes.className = "btn btn-danger"; yes.textContent = "Yes, continue";
    actions.appendChild(no); actions.appendChild(yes);
    body.appendChild(text); body.appendChild(actions);
    dialog.appendChild(body);
    document.body.appendChild(dialog);
    no.addEventListener("click", function () { dialog.close(); });
    yes.addEventListener("click", function () { dialog.close(); onYes(); });
    dialog.addEventListener("close", function () { dialog.remove(); });
    dialog.showModal();
    yes.focus();
  }

  // Long form posts (a match run) say they are working and cannot be sent twice by a double-click.
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
        button.textContent = form.getAttribute("data-busy");
      });
    });
  });

  var live = document.getElementById("live-notifications");
  var csrf = live && live.getAttribute("data-csrf");
  document.body.addEventListener("htmx:configRequest", function (evt) {
    if (csrf) evt.detail.headers["X-CSRF-TOKEN"] = csrf;
  });

  if (!live || !window.EventSource) return;
  var source = new EventSource(live.getAttribute("data-stream"));
  source.addEventListener("ready", function () { live.setAttribute("data-connected", "true"); });
  // Live panels (the dashboard's, G1) reload from their own URL after a change; a burst of changes costs one reload.
  var refreshTimer = null;
  function refreshLivePanels() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      document.querySelectorAll("[data-live-src]").forEach(function (panel) {
        if (window.htmx) window.htmx.ajax("GET", panel.getAttribute("data-live-src"), { target: panel, swap: "outerHTML" });
      });
    }, 300);
  }
  source.addEventListener("notification", function (evt) {
    var message = JSON.parse(evt.data);
    refreshLivePanels();
    // A pulse only says something changed: no toast, nothing to list.
    if (message.type === "activity") return;
    // Text only: notification content is never interpreted as HTML.
    var toast = document.createElement("div");
    toast.className = "toast show";
    toast.setAttribute("role", "status");
    toast.setAttribute("data-type", message.type);
    var header = document.createElement("div");
    header.className = "toast-header";
    var title = document.createElement("strong");
    title.className = "me-auto";
    title.textContent = message.title;
    var close = document.createElement("button");
    close.type = "button"; close.className = "btn-close"; close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { toast.remove(); });
    header.appendChild(title); header.appendChild(close);
    var body = document.createElement("div");
    body.className = "toast-body";
    body.textContent = message.body;
    toast.appendChild(header);
    toast.appendChild(body);
    live.prepend(toast);
    // A fixed toast covers the page beneath it (most of a phone's width); the list below keeps the message.
    setTimeout(function () { toast.remove(); }, 10000);
    var list = document.getElementById("notification-list");
    if (list) {
      var empty = document.getElementById("notification-empty");
      if (empty) empty.remove();
      var item = document.createElement("li");
      item.className = "list-group-item notification-unread";
      var strong = document.createElement("strong");
      strong.textContent = message.title;
      var text = document.createElement("div");
      text.className = "text-secondary";
      text.textContent = message.body;
      item.appendChild(strong); item.appendChild(text);
      list.prepend(item);
    }
  });
})();
