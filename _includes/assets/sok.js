/* global document, window, URLSearchParams */
// Starts Pagefind's own search interface on /sok/ and runs the search in ?q= (the header's search box
// sends readers here). Without JavaScript the plain form and a link to the site map remain.
import { SOK_INSTALLNINGAR } from "/assets/sok-installningar.js";

const holder = document.querySelector("[data-sok]");
if (holder && window.PagefindUI) {
  const ui = document.createElement("div");
  ui.id = "sok-ui";
  holder.replaceChildren(ui);
  const pagefind = new window.PagefindUI({ element: "#sok-ui", ...SOK_INSTALLNINGAR });
  // Archived editions stay out of results until the reader picks one in the "utgåva" filter.
  if (typeof pagefind.triggerFilters === "function") pagefind.triggerFilters({ utgåva: ["Gällande"] });
  const q = new URLSearchParams(window.location.search).get("q");
  if (q && q.trim()) pagefind.triggerSearch(q.trim());
  const input = ui.querySelector("input");
  if (input) {
    input.setAttribute("name", "q");
    // Pagefind's input is named only by its title attribute; give it a real accessible name.
    input.setAttribute("aria-label", holder.dataset.etikett || "Sökord");
    if (!q) input.focus();
  }
}
