// Vigie — progressive enhancement only: every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // "Tout cocher" in the queue.
  for (const all of document.querySelectorAll("input.check-all")) {
    all.addEventListener("change", () => {
      const form = all.closest("form");
      for (const box of form.querySelectorAll("input[name=ids]")) box.checked = all.checked;
    });
  }
  // Filters apply as soon as a list changes.
  const filters = document.getElementById("filtres");
  if (filters) {
    for (const select of filters.querySelectorAll("select")) select.addEventListener("change", () => filters.submit());
  }
});
