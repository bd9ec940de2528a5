/* global document */
// Draws every Mermaid diagram on the page from its source in the <details> under it. The figure
// already has a title and a description in text, so a reader without JavaScript misses nothing.
// Relative to this file, so the import resolves under any base path (docs/publishing.md).
import mermaid from "./mermaid/mermaid.esm.min.mjs";

mermaid.initialize({
  startOnLoad: false,
  securityLevel: "strict",
  theme: "neutral",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  themeVariables: { fontSize: "16px" },
});

for (const figure of document.querySelectorAll("figure.diagram--mermaid")) {
  const target = figure.querySelector(".diagram__bild");
  const source = figure.querySelector(".mermaid-kallkod");
  if (!target || !source) continue;
  try {
    const { svg } = await mermaid.render(`${figure.id}-svg`, source.textContent ?? "");
    target.innerHTML = svg;
    const drawing = target.querySelector("svg");
    if (drawing) {
      // One image with a name and a description (Mermaid writes <title>/<desc> from accTitle/accDescr).
      drawing.setAttribute("role", "img");
      const title = drawing.querySelector("title");
      const desc = drawing.querySelector("desc");
      if (title?.id) drawing.setAttribute("aria-labelledby", title.id);
      if (desc?.id) drawing.setAttribute("aria-describedby", desc.id);
      drawing.removeAttribute("aria-roledescription");
    }
  } catch {
    // Leave the text description and the source; an unreadable diagram must not hide them.
    target.replaceChildren();
  }
}
