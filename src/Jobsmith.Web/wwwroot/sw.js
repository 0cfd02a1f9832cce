// Jobsmith's service worker (G3): shows Web Push notifications and opens the page they are about when clicked.
// Served from the site root so its scope is the whole app. Push payloads are text only: the title and body go to
// the browser's notification as plain strings, and a click only ever opens a page of this site.
"use strict";

var FALLBACK_PATH = "/dashboard";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

// A path on this site, or the dashboard: a push can never send a click to another origin.
function sameOriginUrl(url) {
  try {
    var target = new URL(typeof url === "string" && url ? url : FALLBACK_PATH, self.location.origin);
    if (target.origin === self.location.origin) return target.href;
  } catch (e) { /* not a URL */ }
  return new URL(FALLBACK_PATH, self.location.origin).href;
}

function text(value, fallback, max) {
  return typeof value === "string" && value ? value.slice(0, max) : fallback;
}

self.addEventListener("push", function (event) {
  var data = {};
  if (event.data) {
    try { data = event.data.json() || {}; } catch (e) { data = { body: event.data.text() }; }
  }
  var options = {
    body: text(data.body, "", 1000),
    icon: "/icon-192.png",
    badge: "/icon-192.png",
    // One notification per Jobsmith notification: a repeated push replaces rather than stacks.
    tag: text(data.id, "", 100) || undefined,
    data: { url: sameOriginUrl(data.url), id: text(data.id, "", 100), type: text(data.type, "", 100) },
  };
  event.waitUntil(self.registration.showNotification(text(data.title, "Jobsmith", 300), options));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url && "focus" in windows[i]) return windows[i].focus();
    }
    // A Jobsmith tab open on another page is reused rather than a new window opened beside it.
    for (var j = 0; j < windows.length; j++) {
      if (new URL(windows[j].url).origin === self.location.origin && "navigate" in windows[j]) {
        return windows[j].navigate(url).then(function (client) { return client ? client.focus() : self.clients.openWindow(url); });
      }
    }
    return self.clients.openWindow(url);
  }));
});
