/* global document, window, location */
// Before printing: the page's real address and today's date on the paper, and links as full addresses
// (utskrift.css prefixes them with --webbplats). The build writes the configured address when it knows
// one; the address the reader actually opened is always the right one, so it wins here.
const MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

window.addEventListener("beforeprint", () => {
  document.documentElement.style.setProperty("--webbplats", JSON.stringify(location.origin));
  for (const el of document.querySelectorAll("[data-utskrift-adress]")) el.textContent = location.href;
  const d = new Date();
  for (const el of document.querySelectorAll("[data-utskrift-datum]")) {
    el.textContent = ` · Utskriven ${d.getDate()} ${MANADER[d.getMonth()]} ${d.getFullYear()}`;
  }
});
