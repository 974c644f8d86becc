// Melding form: when the keuzehulp beside it reaches an outcome with a verzuimsoort
// (R-VZ-4), offer to copy that soort into the form's select.
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
  document.addEventListener("htmx:afterSettle", toonVoorstel);
  document.addEventListener("click", function (e) {
    var knop = e.target.closest("[data-voorstel-overnemen]");
    if (!knop) { return; }
    var select = document.getElementById("id_verzuimsoort");
    select.value = document.getElementById("keuzehulp-voorstel").dataset.soort;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    select.focus();
  });
})();
