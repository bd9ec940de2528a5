/* global document, window, IntersectionObserver, URL, setTimeout, requestAnimationFrame */
// Draws every Mermaid diagram on the page from its source in the <details> under it. The figure
// already has a title and a description in text, so a reader without JavaScript misses nothing.
//
// Mermaid weighs close to 900 KiB, so it is fetched only when a diagram comes near the screen: the
// page's text is read first, and a reader who never scrolls to the diagram never downloads it.
//
// Main thread (docs/decisions.md §11): on a phone the work is cut into short tasks, so the page keeps
// answering taps and scrolls while a diagram is drawn. Nothing is fetched before the text has been painted;
// then Mermaid's modules are fetched in parallel but evaluated one per task (assets/mermaid/moduler.js
// lists them in dependency order), the layout step runs in a task of its own, the next diagram waits for a
// new task, and a left-to-right flow is drawn top-down at once in a column too narrow for it instead of
// being drawn twice.
//
// Readable size (scripts/site/README.md, "Diagrams"): the drawing is shown no smaller than MIN_TEXT_PX per CSS pixel of
// text. A left-to-right flow too wide for the column is drawn again top-down; a drawing that is still
// too wide keeps its full size and scrolls sideways inside its own labelled, focusable box.

/** Font size Mermaid draws with, in the SVG's own units. */
const FONT_PX = 16;
/** The smallest text a reader has to read in a diagram, in CSS px. */
const MIN_TEXT_PX = 12;
/**
 * Below this column width (CSS px) a left-to-right flowchart is drawn top-down from the start. Such a column
 * holds at most 600 units of drawing at MIN_TEXT_PX; the smallest left-to-right flow in the handbooks (three
 * one-word steps) is 609 units wide, so on a phone held upright the first drawing was always thrown away
 * (docs/decisions.md §11).
 */
const TURN_FIRST_BELOW_PX = 450;

/** Lets the browser run other tasks (input, painting) before the work continues. */
function nextTask() {
  const scheduler = window.scheduler;
  return scheduler && typeof scheduler.yield === "function" ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves once the browser has painted the next frame: the page's text is on screen before Mermaid is fetched. */
function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A URL relative to this script, so the site works under any base path. */
const asset = (path) => new URL(path, import.meta.url).href;

/** Evaluates each module in its own task; `order` has every module after the ones it imports. */
async function importOneByOne(order) {
  // Fetch everything at once (modulepreload fetches and compiles, but does not run), then run one at a time.
  for (const path of order) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = asset(`./mermaid/${path}`);
    document.head.append(link);
  }
  let last;
  for (const path of order) {
    last = await import(asset(`./mermaid/${path}`));
    await nextTask();
  }
  return last;
}

/** Mermaid's dagre layout with a new task before and after it: parsing, layout and finishing the SVG are three tasks. */
function dagreInSteps(dagrePath) {
  return {
    name: "dagre",
    loader: async () => {
      const dagre = await import(asset(`./mermaid/${dagrePath}`));
      return {
        async render(...args) {
          await nextTask();
          await dagre.render(...args);
          await nextTask();
        },
      };
    },
  };
}

let mermaidPromise;
function loadMermaid(flowchart) {
  mermaidPromise ??= (async () => {
    await afterPaint();
    const { MODULER } = await import(asset("./mermaid/moduler.js"));
    const order = flowchart ? [...MODULER.karna.slice(0, -1), ...MODULER.flodesschema, MODULER.karna.at(-1)] : MODULER.karna;
    const { default: mermaid } = await importOneByOne(order);
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: "neutral",
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
      themeVariables: { fontSize: `${FONT_PX}px` },
      // Sizing is done here (fit below), not by Mermaid's max-width, which shrinks text without limit.
      flowchart: { useMaxWidth: false },
    });
    if (MODULER.dagre) mermaid.registerLayoutLoaders([dagreInSteps(MODULER.dagre)]);
    return mermaid;
  })();
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

/** Whether the source is a flowchart (the kind whose modules moduler.js lists). */
function isFlowchart(source) {
  return /^\s*(?:flowchart|graph)\b/m.test(source.replace(/^\s*%%.*$/gm, ""));
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
    const mermaid = await loadMermaid(isFlowchart(original));
    const turned = topDown(original);
    // In a narrow column a left-to-right flow never fits: draw it top-down at once (TURN_FIRST_BELOW_PX).
    const first = turned !== original && target.clientWidth < TURN_FIRST_BELOW_PX ? turned : original;
    let { drawing } = await render(mermaid, figure, first, 1);
    if (!drawing || fits(target, drawing)) return;
    if (first !== turned) {
      await nextTask();
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
// One diagram at a time: Mermaid keeps shared state while it lays out a drawing. Each starts in a new task.
let queue = Promise.resolve();
const start = (figure) => {
  queue = queue.then(nextTask).then(() => draw(figure));
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
