// Runs in <head> so the page never flashes the wrong theme. Tabler reads data-bs-theme; data-theme stays for our CSS.
(function () {
  var saved = null;
  try { saved = localStorage.getItem("jobsmith-theme"); } catch (e) { /* storage disabled */ }
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var theme = saved || (dark ? "dark" : "light");
  document.documentElement.setAttribute("data-theme", theme);
  document.documentElement.setAttribute("data-bs-theme", theme);
})();
