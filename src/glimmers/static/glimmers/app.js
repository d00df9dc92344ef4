// Glimmers' own small script. Everything works without it; it only smooths the way.
// No inline handlers anywhere (the Content-Security-Policy forbids them): listeners live here.
(function () {
  "use strict";

  // A time-zone picker that nobody has touched starts at the zone this device is in.
  function detectTimeZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return;
    }
    document.querySelectorAll("select[data-detect-time-zone]").forEach(function (select) {
      if (select.value !== "UTC" || !zone) return;
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
      if (option) select.value = zone;
    });
  }

  // In the capture box Enter keeps the glimmer and Shift+Enter starts a new line. Delegated from the
  // document so it keeps working after htmx swaps the form in again.
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    if (!box.matches || !box.matches("textarea[data-enter-submits]")) return;
    event.preventDefault();
    if (box.form) box.form.requestSubmit();
  });

  document.addEventListener("DOMContentLoaded", detectTimeZone);
})();
