// Theme toggle, CSRF header for htmx, and live notifications over Server-Sent Events.
(function () {
  document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var next = document.documentElement.getAttribute("data-theme") === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("jobsmith-theme", next); } catch (e) { /* storage disabled */ }
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
  source.addEventListener("notification", function (evt) {
    var message = JSON.parse(evt.data);
    // Text only: notification content is never interpreted as HTML.
    var toast = document.createElement("article");
    toast.className = "toast";
    toast.setAttribute("data-type", message.type);
    var title = document.createElement("strong");
    title.textContent = message.title;
    var body = document.createElement("p");
    body.textContent = message.body;
    toast.appendChild(title);
    toast.appendChild(body);
    live.prepend(toast);
    // A fixed toast covers the page beneath it (most of a phone's width); the list below keeps the message.
    setTimeout(function () { toast.remove(); }, 10000);
    var list = document.getElementById("notification-list");
    if (list) {
      var item = document.createElement("li");
      item.textContent = message.title + " — " + message.body;
      list.prepend(item);
    }
  });
})();
