// Sift web UI: clicking a signal, quotation, cue, gap or repair highlights
// its span (byte offsets of the original text) in the article.
"use strict";
(function () {
  var motion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  function pieces(spec) {
    return spec.split(",").map(function (p) {
      var se = p.split("-");
      return [parseInt(se[0], 10), parseInt(se[1], 10)];
    }).filter(function (p) { return !isNaN(p[0]) && !isNaN(p[1]); });
  }
  function show(spec) {
    var body = document.getElementById("body");
    if (!body) { return; }
    body.querySelectorAll(".flash").forEach(function (el) { el.classList.remove("flash"); });
    var spans = pieces(spec), first = null;
    body.querySelectorAll("[data-s]").forEach(function (el) {
      var s = parseInt(el.dataset.s, 10), e = parseInt(el.dataset.e, 10);
      for (var i = 0; i < spans.length; i++) {
        if (s < spans[i][1] && e > spans[i][0]) {
          el.classList.add("flash");
          if (!first) { first = el; }
          break;
        }
      }
    });
    if (first) { first.scrollIntoView({ behavior: motion, block: "center" }); }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest("[data-spans]");
    if (t) { show(t.dataset.spans); return; }
    var q = ev.target.closest("#body [data-q]");
    if (q) {
      var row = document.getElementById("q" + q.dataset.q);
      if (row) {
        document.querySelectorAll(".qrow.flash").forEach(function (el) { el.classList.remove("flash"); });
        row.classList.add("flash");
        row.scrollIntoView({ behavior: motion, block: "center" });
      }
    }
  });
})();
