// Browser notifications (G3): turns every [data-push-toggle] into an on/off switch for Web Push on this browser.
// It registers the service worker (/sw.js), asks for permission on a click, subscribes with the server's VAPID key
// and stores the subscription through the API (cookie session, with the antiforgery header site.js also sends),
// or removes it. Loaded as a file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var API = "/api/notifications/push";
  var toggles = Array.prototype.filter.call(document.querySelectorAll("[data-push-toggle]"), function (el) {
    return !el.hasAttribute("data-push-wired");
  });
  if (toggles.length === 0) return;

  var supported = window.isSecureContext && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  var registration = null;
  function ready() {
    if (!registration) {
      registration = navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () { return navigator.serviceWorker.ready; });
    }
    return registration;
  }

  function csrfToken(el) {
    var own = el.getAttribute("data-csrf");
    if (own) return own;
    var live = document.getElementById("live-notifications");
    return live ? live.getAttribute("data-csrf") : null;
  }

  function api(el, method, path, body) {
    var headers = { "Accept": "application/json" };
    var token = csrfToken(el);
    if (token) headers["X-CSRF-TOKEN"] = token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(API + path, { method: method, credentials: "same-origin", headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.ok || (method === "DELETE" && response.status === 404)) return response.status === 204 || response.status === 404 ? null : response.json();
        return response.json().catch(function () { return {}; }).then(function (problem) {
          var detail = problem && problem.errors ? Object.keys(problem.errors).map(function (k) { return problem.errors[k].join(" "); }).join(" ") : "";
          throw new Error(detail || (problem && problem.title) || ("The server answered " + response.status + "."));
        });
      });
  }

  // The VAPID key is base64url; PushManager wants its bytes.
  function keyBytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function wire(el) {
    el.setAttribute("data-push-wired", "");
    var button = el.matches("button") ? el : el.querySelector("[data-push-button]") || el.querySelector("button");
    var status = el.querySelector("[data-push-status]");
    var label = el.querySelector("[data-push-label]") || button;
    var state = "checking";

    function show(next, message, text, enabled) {
      state = next;
      el.setAttribute("data-push-state", next);
      if (status) status.textContent = message;
      if (button) {
        if (text && label) label.textContent = text;
        button.disabled = !enabled;
        button.setAttribute("aria-pressed", next === "on" ? "true" : "false");
      }
    }

    function failed(error) {
      show("error", "Browser notifications could not be changed: " + (error && error.message ? error.message : "unknown error") + " Try again.", "Try again", true);
    }

    // On when this browser has a subscription and the server holds it for this account.
    function refresh() {
      if (!supported) {
        show("unsupported", "This browser does not support push notifications.", "Not available", false);
        return Promise.resolve();
      }
      if (Notification.permission === "denied") {
        show("denied", "Notifications are blocked for this site. Allow them in the browser's site settings, then reload this page.", "Blocked", false);
        return Promise.resolve();
      }
      return ready().then(function (reg) { return reg.pushManager.getSubscription(); }).then(function (subscription) {
        if (!subscription) {
          show("off", "This browser does not get notifications.", "Turn on browser notifications", true);
          return;
        }
        return api(el, "GET", "/subscriptions").then(function (mine) {
          var known = (mine || []).some(function (s) { return s.endpoint === subscription.endpoint || decodeURI(s.endpoint) === subscription.endpoint; });
          if (known) show("on", "This browser gets your notifications.", "Turn off browser notifications", true);
          else show("off", "This browser does not get your notifications yet.", "Turn on browser notifications", true);
        });
      }).catch(failed);
    }

    function turnOn() {
      show("working", "Asking for permission…", null, false);
      return Notification.requestPermission().then(function (permission) {
        if (permission === "denied") return refresh();
        if (permission !== "granted") {
          show("off", "Permission was not given, so notifications stay off.", "Turn on browser notifications", true);
          return;
        }
        show("working", "Turning on…", null, false);
        return Promise.all([ready(), api(el, "GET", "/key")]).then(function (results) {
          var reg = results[0];
          var key = keyBytes(results[1].publicKey);
          return reg.pushManager.getSubscription().then(function (existing) {
            return existing || reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
          });
        }).then(function (subscription) {
          return api(el, "POST", "/subscriptions", subscription.toJSON()).catch(function (error) {
            // The server did not keep it: do not leave a subscription nobody sends to.
            return subscription.unsubscribe().then(function () { throw error; });
          });
        }).then(refresh);
      }).catch(failed);
    }

    function turnOff() {
      show("working", "Turning off…", null, false);
      return ready().then(function (reg) { return reg.pushManager.getSubscription(); }).then(function (subscription) {
        if (!subscription) return;
        return api(el, "DELETE", "/subscriptions?endpoint=" + encodeURIComponent(subscription.endpoint)).then(function () {
          return subscription.unsubscribe();
        });
      }).then(refresh).catch(failed);
    }

    if (button) {
      button.addEventListener("click", function (evt) {
        evt.preventDefault();
        if (state === "on") turnOff(); else if (state === "off" || state === "error") turnOn();
      });
    }
    refresh();
  }

  toggles.forEach(wire);
})();
