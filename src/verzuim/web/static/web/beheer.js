// Beheer (Django's admin) accessibility repairs, issue 13 §10; checked by axe in
// tests/browser/test_toegankelijkheid.py. No inline script: the CSP allows only files.
//
// - select2 (autocomplete fields) names its combobox only by the selected value, so an empty
//   field has no name (axe aria-input-field-name): name it by the field's label as well.
// - SelectFilter2 (two-list widget) puts aria-label on a plain span (axe
//   aria-prohibited-attr): make the search icon an image with that label.
// - Tabular inlines have empty header cells (axe empty-table-header) for the columns
//   without a heading: make those cells plain cells.
// Widgets are built after the document loads (jQuery ready, added inline rows), so the
// repairs run again on every change of the document.
"use strict";

(function () {
  function labelId(select) {
    const label = select.id && document.querySelector(`label[for="${CSS.escape(select.id)}"]`);
    if (!label) return null;
    if (!label.id) label.id = `${select.id}-label`;
    return label.id;
  }

  function herstel() {
    for (const keuze of document.querySelectorAll(".select2-selection[role=combobox]")) {
      const container = keuze.closest(".select2-container");
      const select = container && container.previousElementSibling;
      const id = select && select.tagName === "SELECT" ? labelId(select) : null;
      const genoemd = keuze.getAttribute("aria-labelledby") || "";
      if (id && !genoemd.split(" ").includes(id)) {
        keuze.setAttribute("aria-labelledby", `${id} ${genoemd}`.trim());
      }
      // The shown value is a (read-only) textbox of its own: the same label names it.
      const waarde = keuze.querySelector(".select2-selection__rendered[role=textbox]");
      if (id && waarde) waarde.setAttribute("aria-labelledby", id);
    }
    for (const icoon of document.querySelectorAll("span.search-label-icon[aria-label]:not([role])")) {
      icoon.setAttribute("role", "img");
    }
    for (const kop of document.querySelectorAll(".tabular thead th")) {
      if (kop.textContent.trim() === "" && !kop.querySelector("img, svg, input")) {
        const cel = document.createElement("td");
        cel.className = kop.className;
        kop.replaceWith(cel);
      }
    }
  }

  let gepland = false;
  new MutationObserver(() => {
    if (gepland) return;
    gepland = true;
    queueMicrotask(() => {
      gepland = false;
      herstel();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", herstel);
})();
