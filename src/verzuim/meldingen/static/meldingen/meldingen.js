// Meldingen pages (a static file: the CSP allows no inline script). Without JavaScript every
// form still works; this only helps.
//
// Melding form (R-ME-1) with the keuzehulp (R-VZ-4) beside it:
// - the keuzehulp is loaded into the aside by htmx; after each answered step focus moves to
//   the new question or outcome (not on the initial load: the form keeps the focus);
// - an outcome with a verzuimsoort is offered for the form; "Overnemen" copies the
//   verzuimsoort and the first verzuimdag (into Begindatum);
// - the keuzehulp's answers travel in the form (hidden "keuzehulp"), so a failed submit
//   shows the keuzehulp where it was.
// Detail page:
// - the afsluitreden only shows when "Afgesloten" is chosen (R-CW-11);
// - forwarding (R-RT-5): a search box filters the 342 gemeenten, and a gemeente other than
//   the BRP woongemeente gets a warning that a toelichting is needed.
(function () {
  "use strict";

  // --- keuzehulp beside the melding form -------------------------------------------------
  function uitkomst() {
    return document.querySelector("#keuzehulp [data-verzuimsoort]");
  }

  function toonVoorstel() {
    var voorstel = document.getElementById("keuzehulp-voorstel");
    var select = document.getElementById("id_verzuimsoort");
    if (!voorstel || !select) { return; }
    var u = uitkomst();
    var soort = u ? u.getAttribute("data-verzuimsoort") : "";
    var optie = soort ? select.querySelector('option[value="' + soort + '"]') : null;
    voorstel.hidden = !optie;
    if (optie) {
      var dag = u.getAttribute("data-eerste-verzuimdag") || "";
      voorstel.querySelector("[data-voorstel-label]").textContent = optie.textContent;
      voorstel.querySelector("[data-voorstel-datum]").textContent = dag;
      voorstel.dataset.soort = soort;
      voorstel.dataset.begindatum = dag;
    }
  }

  function bewaarKeuzehulp() {
    var veld = document.getElementById("id_keuzehulp");
    var hulp = document.getElementById("keuzehulp");
    if (!veld || !hulp) { return; }
    var staat = new URLSearchParams();
    hulp.querySelectorAll("input[type=hidden]").forEach(function (i) {
      if (i.name !== "csrfmiddlewaretoken") { staat.append(i.name, i.value); }
    });
    veld.value = staat.toString();
  }

  document.addEventListener("htmx:afterSettle", function (e) {
    var bron = e.detail && e.detail.requestConfig && e.detail.requestConfig.elt;
    if (bron && bron.id !== "keuzehulp-lader" && bron.closest && bron.closest("#keuzehulp, form")) {
      var kop = document.querySelector("#keuzehulp [data-keuzehulp-focus]");
      if (kop) { kop.focus(); }
    }
    toonVoorstel();
    bewaarKeuzehulp();
  });

  document.addEventListener("click", function (e) {
    var knop = e.target.closest && e.target.closest("[data-voorstel-overnemen]");
    if (!knop) { return; }
    var voorstel = document.getElementById("keuzehulp-voorstel");
    var select = document.getElementById("id_verzuimsoort");
    select.value = voorstel.dataset.soort;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    var begin = document.getElementById("id_begindatum");
    if (begin && voorstel.dataset.begindatum) { begin.value = voorstel.dataset.begindatum; }
    select.focus();
  });

  // --- status form: the afsluitreden only with "Afgesloten" ------------------------------
  function statusformulier(form) {
    var status = form.querySelector("select[name$=status]");
    var reden = form.querySelector("select[name$=reden]");
    if (!status || !reden) { return; }
    var veld = reden.closest(".vr-veld");
    function bij() {
      var afsluiten = status.value === "afgesloten";
      veld.hidden = !afsluiten && !veld.classList.contains("utrecht-form-field--invalid");
    }
    status.addEventListener("change", bij);
    bij();
  }

  // --- forwarding: search among the gemeenten, warn off the BRP woongemeente -------------
  function zoeklijst(select) {
    var opties = Array.prototype.slice.call(select.options).map(function (o) {
      return { waarde: o.value, tekst: o.textContent };
    });
    var id = select.id + "_zoek";
    var veld = select.closest(".vr-veld");
    var zoek = document.createElement("div");
    zoek.className = "vr-zoeklijst";
    zoek.innerHTML =
      '<label class="utrecht-form-label" for="' + id + '">Zoek een gemeente</label>' +
      '<input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="' + id +
      '" autocomplete="off" aria-describedby="' + id + '_aantal">' +
      '<p class="vr-klein" id="' + id + '_aantal" aria-live="polite"></p>';
    veld.querySelector(".utrecht-form-field__input").insertAdjacentElement("beforebegin", zoek);
    var invoer = zoek.querySelector("input");
    var aantal = zoek.querySelector("p");
    function filter() {
      var term = invoer.value.trim().toLowerCase();
      var gekozen = select.value;
      var passend = opties.filter(function (o) {
        return !o.waarde || o.waarde === gekozen || o.tekst.toLowerCase().indexOf(term) !== -1;
      });
      select.replaceChildren.apply(select, passend.map(function (o) {
        var el = new Option(o.tekst, o.waarde);
        el.selected = o.waarde === gekozen;
        return el;
      }));
      var n = passend.filter(function (o) { return o.waarde && o.waarde !== gekozen; }).length;
      aantal.textContent = term ? (n === 1 ? "1 gemeente gevonden" : n + " gemeenten gevonden") : "";
    }
    invoer.addEventListener("input", filter);
    invoer.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); select.focus(); }
    });
  }

  function woongemeenteWaarschuwing(select) {
    var woont = select.getAttribute("data-woongemeente");
    var naam = select.getAttribute("data-woongemeente-naam");
    if (!woont) { return; }
    var melding = document.createElement("p");
    melding.className = "vr-waarschuwing";
    melding.id = select.id + "_waarschuwing";
    melding.setAttribute("role", "status");
    melding.hidden = true;
    select.closest(".vr-veld").appendChild(melding);
    function bij() {
      var anders = select.value && select.value !== woont;
      melding.hidden = !anders;
      melding.textContent = anders
        ? "Let op: " + naam + " is de woongemeente volgens de BRP. Vul in de toelichting in " +
          "waarom u naar deze gemeente doorstuurt."
        : "";
    }
    select.addEventListener("change", bij);
    bij();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-statusformulier]").forEach(statusformulier);
    document.querySelectorAll("select[data-zoeklijst]").forEach(function (select) {
      zoeklijst(select);
      woongemeenteWaarschuwing(select);
    });
  });
})();
