// Keuzehulp: after htmx swaps in the next step, move focus to its heading so screen readers
// announce the new question (or the outcome) and keyboard users continue from there.
document.addEventListener("htmx:afterSettle", function () {
  var kop = document.querySelector("#keuzehulp [data-keuzehulp-focus]");
  if (kop) { kop.focus(); }
});
