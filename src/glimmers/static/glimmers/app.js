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

  // --- my ladder (states) ---------------------------------------------------------------------------

  document.addEventListener("htmx:afterSettle", function (event) {
    // After a check-in the control is new: put the focus back where it was, on "Where am I?".
    if (event.target && event.target.id === "checkin") {
      var summary = event.target.querySelector("summary");
      if (summary) summary.focus();
    }
  });

  // "Print my ladder": a button only JavaScript can make work, so it stays hidden without it.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();

// --- the kit: the savour timer -----------------------------------------------------------------------
// A calm bar that fills over the savour length. Screen readers hear it begin and end (the status line),
// never each second; with prefers-reduced-motion the bar stays still (app.css). Without JavaScript the
// timer stays hidden and "I'm done" is all there is. The time spent goes with "I'm done".
(function () {
  "use strict";

  function savourTimer(timer) {
    var seconds = Number(timer.dataset.savourSeconds) || 15;
    var start = timer.querySelector("[data-savour-start]");
    var fill = timer.querySelector(".timer-fill");
    var status = document.getElementById("timer-status");
    var spent = document.querySelector("[data-savour-spent]");
    var began = 0;
    var ending = 0;
    if (!start || !fill || !status) return;
    timer.hidden = false;
    start.addEventListener("click", function () {
      window.clearTimeout(ending);
      timer.classList.remove("running", "finished");
      void fill.offsetWidth; // let the animation start again from empty
      fill.style.animationDuration = seconds + "s";
      timer.classList.add("running");
      began = Date.now();
      start.textContent = "Begin again";
      status.textContent = "Savouring for " + seconds + " seconds. Stay with it.";
      ending = window.setTimeout(function () {
        timer.classList.remove("running");
        timer.classList.add("finished");
        status.textContent = "That's " + seconds + " seconds. Stay as long as you like, then choose “I'm done”.";
      }, seconds * 1000);
    });
    if (spent && spent.form) {
      spent.form.addEventListener("submit", function () {
        if (began) spent.value = String(Math.max(1, Math.round((Date.now() - began) / 1000)));
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-savour-seconds]").forEach(savourTimer);
  });
})();

// --- a new person's welcome: an idea starts the capture box ----------------------------------------------
// Without JavaScript an idea is a link to Today with ?text=…, which starts the box with its words; with it,
// the box on this page is filled in place and given the focus, the cursor at the end, ready to make it theirs.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-idea]") : null;
    var box = document.getElementById("id_text");
    if (!link || !box || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    box.value = link.dataset.idea;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  });
})();

// --- forms: every problem at once, and the focus on them ---------------------------------------------------
// A form that comes back with problems starts with a summary that links to each field. On a page load its
// autofocus takes the focus; after htmx swaps a form in, this does, so the keyboard is never left behind.
(function () {
  "use strict";

  document.addEventListener("htmx:afterSettle", function (event) {
    var summary = event.target && event.target.querySelector ? event.target.querySelector("[data-error-summary]") : null;
    if (summary) summary.focus();
  });
})();
