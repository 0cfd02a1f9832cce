// The weekly report's chart (G4): applications sent and employer answers per day, drawn by Chart.js from the
// numbers the page carries in data attributes (no inline script: the CSP allows only files from this site).
(function () {
  'use strict';
  function numbers(text) { return (text || '').split(',').filter(function (s) { return s !== ''; }).map(Number); }
  function colour(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }
  function draw() {
    if (typeof Chart === 'undefined') return;
    document.querySelectorAll('canvas[data-report-chart]').forEach(function (canvas) {
      var text = colour('--tblr-body-color', '#1d273b');
      var grid = colour('--tblr-border-color', '#dce1e7');
      Chart.defaults.color = text;
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: (canvas.dataset.labels || '').split(','),
          datasets: [
            { label: 'Applications sent', data: numbers(canvas.dataset.sent), backgroundColor: colour('--tblr-primary', '#206bc4') },
            { label: 'Employer answers', data: numbers(canvas.dataset.answers), backgroundColor: colour('--tblr-green', '#2fb344') }
          ]
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: grid } },
            x: { grid: { display: false } }
          },
          plugins: { legend: { position: 'bottom' } }
        }
      });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
