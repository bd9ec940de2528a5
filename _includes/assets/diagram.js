/* global document, window, IntersectionObserver, URL */
// Draws every Mermaid diagram on the page from its source in the <details> under it. The figure
// already has a title and a description in text, so a reader without JavaScript misses nothing.
//
// Mermaid weighs close to 900 KiB, so it is fetched only when a diagram comes near the screen: the
// page's text is read first, and a reader who never scrolls to the diagram never downloads it.
//
// Readable size (scripts/site/README.md, "Diagrams"): the drawing is shown no smaller than MIN_TEXT_PX per CSS pixel of
// text. A left-to-right flow too wide for the column is drawn again top-down; a drawing that is still
// too wide keeps its full size and scrolls sideways inside its own labelled, focusable box.

/** Font size Mermaid draws with, in the SVG's own units. */
const FONT_PX = 16;
/** The smallest text a reader has to read in a diagram, in CSS px. */
const MIN_TEXT_PX = 12;

let mermaidPromise;
function loadMermaid() {
  // Relative to this script, so the site works under any base path.
  mermaidPromise ??= import(new URL("./mermaid/mermaid.esm.min.mjs", import.meta.url).href).then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: "neutral",
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
      themeVariables: { fontSize: `${FONT_PX}px` },
      // Sizing is done here (fit below), not by Mermaid's max-width, which shrinks text without limit.
      flowchart: { useMaxWidth: false },
    });
    return mermaid;
  });
  return mermaidPromise;
}

/** The drawing's width in its own units (Mermaid sets a viewBox on every diagram). */
function naturalWidth(svg) {
  const box = svg.viewBox && svg.viewBox.baseVal;
  return box && box.width > 0 ? box.width : svg.getBoundingClientRect().width;
}

/** Turns a left-to-right flowchart into a top-down one; other sources come back unchanged. */
function topDown(source) {
  return source.replace(/^(\s*(?:flowchart|graph)\s+)(LR|RL)\b/m, "$1TD");
}

async function render(mermaid, figure, source, attempt) {
  const target = figure.querySelector(".diagram__bild");
  const { svg } = await mermaid.render(`${figure.id}-svg-${attempt}`, source);
  target.innerHTML = svg;
  const drawing = target.querySelector("svg");
  if (!drawing) return { target, drawing: null };
  // One image with a name and a description (Mermaid writes <title>/<desc> from accTitle/accDescr).
  drawing.setAttribute("role", "img");
  const title = drawing.querySelector("title");
  const desc = drawing.querySelector("desc");
  if (title?.id) drawing.setAttribute("aria-labelledby", title.id);
  if (desc?.id) drawing.setAttribute("aria-describedby", desc.id);
  drawing.removeAttribute("aria-roledescription");
  drawing.removeAttribute("style");
  return { target, drawing };
}

/** Sizes the drawing to the column; returns false when that would make its text smaller than MIN_TEXT_PX. */
function fits(target, drawing) {
  const natural = naturalWidth(drawing);
  const column = target.clientWidth;
  const width = Math.min(natural, column);
  drawing.setAttribute("width", String(Math.round(width)));
  drawing.removeAttribute("height");
  drawing.style.width = `${width}px`;
  drawing.style.maxWidth = "none";
  drawing.style.height = "auto";
  return (FONT_PX * width) / natural >= MIN_TEXT_PX;
}

/** Full size, scrolling sideways inside the figure; a keyboard user can scroll it too. */
function fullSize(target, drawing) {
  const natural = naturalWidth(drawing);
  drawing.setAttribute("width", String(Math.round(natural)));
  drawing.style.width = `${natural}px`;
  target.classList.add("diagram__bild--rulla");
  target.setAttribute("tabindex", "0");
  target.setAttribute("role", "region");
  target.setAttribute("aria-label", target.dataset.rullaEtikett || "Diagram");
  if (!target.previousElementSibling?.classList.contains("diagram__tips")) {
    const hint = document.createElement("p");
    hint.className = "diagram__tips";
    hint.textContent = target.dataset.rullaTips || "";
    target.before(hint);
  }
  // Flowcharts grow from the middle: start there rather than at an empty left edge.
  target.scrollLeft = (target.scrollWidth - target.clientWidth) / 2;
}

async function draw(figure) {
  const sourceBlock = figure.querySelector(".mermaid-kallkod");
  const target = figure.querySelector(".diagram__bild");
  if (!sourceBlock || !target) return;
  const original = (sourceBlock.textContent ?? "").trim();
  try {
    const mermaid = await loadMermaid();
    let { drawing } = await render(mermaid, figure, original, 1);
    if (!drawing || fits(target, drawing)) return;
    const turned = topDown(original);
    if (turned !== original) {
      ({ drawing } = await render(mermaid, figure, turned, 2));
      if (!drawing || fits(target, drawing)) return;
    }
    fullSize(target, drawing);
  } catch {
    // Leave the text description and the source; an unreadable diagram must not hide them.
    target.replaceChildren();
  } finally {
    figure.dataset.ritad = "true";
  }
}

const figures = Array.from(document.querySelectorAll("figure.diagram--mermaid"));
// One diagram at a time: Mermaid keeps shared state while it lays out a drawing.
let queue = Promise.resolve();
const start = (figure) => {
  queue = queue.then(() => draw(figure));
};
if ("IntersectionObserver" in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        start(entry.target);
      }
    },
    { rootMargin: "50% 0px" },
  );
  figures.forEach((figure) => observer.observe(figure));
} else {
  figures.forEach(start);
}
