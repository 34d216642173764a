// Charts for the statistics pages, drawn from the JSON data island the page already carries
// (the CSP allows no inline script). Every chart has the same figures in an accessible table beside it.
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var island = document.getElementById("stats-charts");
  if (!island || typeof window.Chart === "undefined") return;
  var charts = JSON.parse(island.textContent || "{}");
  var lang = document.documentElement.lang || "ar";
  var rtl = document.documentElement.dir === "rtl";
  // ar-SA gives Arabic-Indic digits, as the tables beside the charts use.
  var numbers = new Intl.NumberFormat(lang === "ar" ? "ar-SA" : "en-US", { maximumFractionDigits: 2 });
  var colours = ["#0b6e4f", "#c9a227", "#5fa98c", "#8c6d1f"];
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = charts[canvas.getAttribute("data-chart")];
    if (!spec) return;
    var line = spec.kind === "line";
    new window.Chart(canvas, {
      type: line ? "line" : "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return {
            label: s.label,
            data: s.data,
            backgroundColor: colours[i % colours.length],
            borderColor: colours[i % colours.length],
            // Hours and volunteers differ by orders of magnitude: the second series gets its own axis.
            yAxisID: i === 0 ? "y" : "y1",
            tension: 0.2
          };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: lang === "ar" ? "ar-SA" : "en-US",
        plugins: {
          legend: { rtl: rtl, position: "bottom" },
          tooltip: {
            rtl: rtl,
            callbacks: { label: function (c) { return c.dataset.label + ": " + (c.raw === null ? "<5" : numbers.format(c.raw)); } }
          }
        },
        scales: {
          x: { reverse: rtl, ticks: { autoSkip: true, maxRotation: 60 } },
          y: { beginAtZero: true, position: rtl ? "right" : "left", ticks: { callback: function (v) { return numbers.format(v); } } },
          y1: { beginAtZero: true, position: rtl ? "left" : "right", grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return numbers.format(v); } } }
        }
      }
    });
  });
})();
