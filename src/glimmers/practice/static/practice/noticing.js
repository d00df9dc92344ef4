// The noticing practice: one sense at a time, a calm timer, an optional breath pacer. Our own small script;
// without it the page is a list of prompts and "I'm done". Screen readers hear the start, each new prompt and
// the end through one polite status line — never each second. With prefers-reduced-motion nothing moves
// (practice.css): the bar stays still and the pacer only changes its word.
(function () {
  "use strict";

  function noticing(root) {
    var steps = Array.prototype.slice.call(root.querySelectorAll(".noticing-step"));
    var controls = document.querySelector("[data-noticing-controls]");
    var status = document.getElementById("noticing-status");
    var spent = document.querySelector("[data-noticing-spent]");
    if (!steps.length || !controls || !status) return;
    var start = controls.querySelector("[data-noticing-start]");
    var skip = controls.querySelector("[data-noticing-skip]");
    var fill = controls.querySelector(".timer-fill");
    var pacer = document.querySelector("[data-pacer]");
    var began = 0;
    var current = -1;
    var timer = 0;
    controls.hidden = false;

    function say(text) { status.textContent = text; }

    function label(step) {
      return step.querySelector(".noticing-sense").textContent + ": " + step.querySelector(".noticing-prompt").textContent;
    }

    function show(index) {
      window.clearTimeout(timer);
      current = index;
      steps.forEach(function (step, at) { step.hidden = at !== index; });
      if (index >= steps.length) {
        steps.forEach(function (step) { step.hidden = true; });
        controls.classList.remove("running");
        controls.classList.add("finished");
        skip.hidden = true;
        say("That's the end of the practice. Stay as long as you like, then choose “I'm done”.");
        return;
      }
      var seconds = Number(steps[index].dataset.seconds) || 30;
      controls.classList.remove("running", "finished");
      void fill.offsetWidth; // let the bar start again from empty
      fill.style.animationDuration = seconds + "s";
      controls.classList.add("running");
      say((index === 0 ? "Noticing begins. " : "Next. ") + label(steps[index]));
      timer = window.setTimeout(function () { show(index + 1); }, seconds * 1000);
    }

    start.addEventListener("click", function () {
      began = Date.now();
      start.hidden = true;
      skip.hidden = false;
      if (pacer) pacer.hidden = false;
      show(0);
      skip.focus();
    });
    skip.addEventListener("click", function () { show(current + 1); });
    if (spent && spent.form) {
      spent.form.addEventListener("submit", function () {
        if (began) spent.value = String(Math.round((Date.now() - began) / 1000));
      });
    }
  }

  // The breath pacer: in for 4 seconds, out for 6 (a longer out-breath), as a growing and shrinking circle,
  // and a word that changes. Hidden from screen readers; "Stop the pacer" takes it away.
  function breathing(pacer) {
    var word = pacer.querySelector(".breath-word");
    var stop = pacer.querySelector("[data-pacer-stop]");
    var inhale = true;
    var timer = 0;
    function turn() {
      word.textContent = inhale ? "Breathe in" : "Breathe out";
      timer = window.setTimeout(function () { inhale = !inhale; turn(); }, inhale ? 4000 : 6000);
    }
    turn();
    if (stop) {
      stop.addEventListener("click", function () {
        window.clearTimeout(timer);
        pacer.remove();
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-noticing]").forEach(noticing);
    document.querySelectorAll("[data-pacer]").forEach(breathing);
  });
})();
