// Melding form (R-ME-1) with the keuzehulp (R-VZ-4) beside it.
// - After a failed submit, focus goes to the first field with an error.
// - The keuzehulp is loaded into the aside by htmx; after each answered step focus moves to
//   the new question or outcome (not on the initial load: the form keeps the focus).
// - When the keuzehulp reaches an outcome with a verzuimsoort, offer to copy it into the form.
(function () {
  function toonVoorstel() {
    var voorstel = document.getElementById("keuzehulp-voorstel");
    var select = document.getElementById("id_verzuimsoort");
    if (!voorstel || !select) { return; }
    var uitkomst = document.querySelector("#keuzehulp [data-verzuimsoort]");
    var soort = uitkomst ? uitkomst.getAttribute("data-verzuimsoort") : "";
    var optie = soort ? select.querySelector('option[value="' + soort + '"]') : null;
    voorstel.hidden = !optie;
    if (optie) {
      voorstel.querySelector("[data-voorstel-label]").textContent = optie.textContent;
      voorstel.dataset.soort = soort;
    }
  }
  document.addEventListener("htmx:afterSettle", function (e) {
    var bron = e.detail && e.detail.requestConfig && e.detail.requestConfig.elt;
    if (bron && bron.id !== "keuzehulp-lader" && bron.closest && bron.closest("#keuzehulp, form")) {
      var kop = document.querySelector("#keuzehulp [data-keuzehulp-focus]");
      if (kop) { kop.focus(); }
    }
    toonVoorstel();
  });
  document.addEventListener("click", function (e) {
    var knop = e.target.closest("[data-voorstel-overnemen]");
    if (!knop) { return; }
    var select = document.getElementById("id_verzuimsoort");
    select.value = document.getElementById("keuzehulp-voorstel").dataset.soort;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    select.focus();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var fout = document.querySelector("#melding-form [aria-invalid=true]");
    if (fout) { fout.focus(); }
  });
})();
