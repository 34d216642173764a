// Progressive enhancements only: every form works without this file.
(function () {
  "use strict";

  // Show only the cities of the chosen region.
  document.querySelectorAll("select[data-region-for]").forEach(function (regionSelect) {
    var citySelect = document.getElementById(regionSelect.getAttribute("data-region-for"));
    if (!citySelect) return;
    var all = Array.prototype.slice.call(citySelect.querySelectorAll("option[data-region]"));
    function filter() {
      var region = regionSelect.value;
      all.forEach(function (option) {
        var match = !region || option.getAttribute("data-region") === region;
        option.hidden = !match;
        option.disabled = !match;
        if (!match && option.selected) { citySelect.value = ""; }
      });
    }
    regionSelect.addEventListener("change", filter);
    filter();
  });

  // Confirm destructive actions (forms marked data-confirm).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) e.preventDefault();
    });
  });
})();
