/* global document, window, URL, URLSearchParams, MutationObserver */
// Starts Pagefind's own search interface on /sok/ and runs the search in ?q= (the header's search box
// sends readers here). Without JavaScript the plain form and a link to the site map remain.
// Relative to this file, so the import resolves under any base path (docs/publishing.md).
//
// On a phone the filters (kommun, målgrupp, typ, utgåva) would fill the first screen and push the
// results below it, so they sit behind a "Filtrera" button there; on wider screens they stay open
// beside the results (CSS in handbok.css, "Search page").
import { SOK_INSTALLNINGAR } from "./sok-installningar.js";

const holder = document.querySelector("[data-sok]");
if (holder && window.PagefindUI) {
  const ui = document.createElement("div");
  ui.id = "sok-ui";
  holder.replaceChildren(ui);
  // Pagefind UI finds its bundle from document.currentScript, which a module script does not have; without
  // this it would fetch /pagefind/ at the domain root and find nothing under a base path.
  const bundlePath = new URL("../pagefind/", import.meta.url).pathname;
  const pagefind = new window.PagefindUI({ element: "#sok-ui", bundlePath, ...SOK_INSTALLNINGAR });
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

  // Pagefind draws the filter panel once its filters have loaded; put the toggle in front of it then.
  const addFilterToggle = () => {
    const panel = ui.querySelector(".pagefind-ui__filter-panel");
    if (!panel || panel.previousElementSibling?.classList.contains("sok__filterknapp")) return;
    panel.id = "sok-filter";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sok__filterknapp";
    button.setAttribute("aria-controls", panel.id);
    button.setAttribute("aria-expanded", String(ui.classList.contains("sok--filter-oppna")));
    button.textContent = holder.dataset.filter || "Filtrera";
    button.addEventListener("click", () => {
      const open = !ui.classList.contains("sok--filter-oppna");
      ui.classList.toggle("sok--filter-oppna", open);
      button.setAttribute("aria-expanded", String(open));
    });
    panel.before(button);
  };
  new MutationObserver(addFilterToggle).observe(ui, { childList: true, subtree: true });
  addFilterToggle();
}
