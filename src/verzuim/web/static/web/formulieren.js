// Form behaviour for every page (a static file: the CSP allows no inline script).
// - [data-teller="4000"] on a textarea: a visible character counter below it ("12 van 4000
//   tekens"); over the limit it says how many too many. The server refuses a text that is too
//   long and never cuts it, so there is no HTML maxlength either (it cuts pasted text).
//   Screen readers hear the count when they focus the field (aria-describedby) and, once
//   typing pauses, through a polite live region.
// - [data-focus]: gets the focus when the page loads (an error summary, a confirmation step).
(function () {
  function lengte(tekst) {
    // Count as the server does: characters (not UTF-16 units), a newline as one, without
    // the spaces at the start and end (the form drops those).
    return Array.from(tekst.replace(/\r\n/g, "\n").trim()).length;
  }

  function teller(veld) {
    var max = parseInt(veld.getAttribute("data-teller"), 10);
    var zichtbaar = document.createElement("p");
    zichtbaar.className = "vr-tekenteller";
    zichtbaar.id = veld.id + "_teller";
    var live = document.createElement("p");
    live.className = "vr-visueel-verborgen";
    live.setAttribute("aria-live", "polite");
    veld.insertAdjacentElement("afterend", zichtbaar);
    zichtbaar.insertAdjacentElement("afterend", live);
    var beschreven = (veld.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    beschreven.push(zichtbaar.id);
    veld.setAttribute("aria-describedby", beschreven.join(" "));
    var wacht = null;
    function tekst() {
      var n = lengte(veld.value);
      if (n > max) {
        return (n - max) + (n - max === 1 ? " teken" : " tekens") + " te veel: hoogstens " + max + " tekens.";
      }
      return n + " van " + max + " tekens";
    }
    function bij() {
      var t = tekst();
      zichtbaar.textContent = t;
      zichtbaar.classList.toggle("vr-tekenteller--te-veel", lengte(veld.value) > max);
      clearTimeout(wacht);
      wacht = setTimeout(function () { live.textContent = t; }, 1000);
    }
    veld.addEventListener("input", bij);
    zichtbaar.textContent = tekst();
    zichtbaar.classList.toggle("vr-tekenteller--te-veel", lengte(veld.value) > max);
  }

  function start(root) {
    root.querySelectorAll("textarea[data-teller]").forEach(function (veld) {
      if (!veld.dataset.tellerActief) { veld.dataset.tellerActief = "1"; teller(veld); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    start(document);
    var focus = document.querySelector("[data-focus]");
    if (focus) { focus.focus(); }
  });
  document.addEventListener("htmx:afterSettle", function (e) { start(e.target || document); });
})();
