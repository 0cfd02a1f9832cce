// Runs in <head> so the page never flashes the wrong theme.
(function () {
  var saved = null;
  try { saved = localStorage.getItem("jobsmith-theme"); } catch (e) { /* storage disabled */ }
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.setAttribute("data-theme", saved || (dark ? "dark" : "light"));
})();
