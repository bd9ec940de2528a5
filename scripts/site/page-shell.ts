import { fullAddress, printOriginCss } from "./print-address.ts";
import { absoluteUrl, type SiteAddress } from "./site-address.ts";

// The page shell in TypeScript: the same HTML, byte for byte, that _includes/layouts/bas.njk and its partials
// (adress-huvud, utgava-huvud, sidhuvud, brodsmulor, utskrift, utgava, sidfot) write for a page of the current
// site that is not a guidance page (no `sida`) and not an archived edition's page (no `arkiv`). Pages written
// outside Eleventy (direct-pages.ts, docs/decisions.md §12) use it; a change to bas.njk or one of those
// partials must be made here too (tests/site/page-shell.test.ts renders both and compares them).

/** Nunjucks' autoescape, character for character (its escapeMap), so output matches the Nunjucks layout. */
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };
const NUNJUCKS_SPECIAL = /[&"'<>\\]/;
const NUNJUCKS_SPECIAL_ALL = /[&"'<>\\]/g;
export const escNunjucks = (value: string): string =>
  NUNJUCKS_SPECIAL.test(value) ? value.replace(NUNJUCKS_SPECIAL_ALL, (ch) => ESCAPES[ch] ?? ch) : value;

/** What every page of one build shares: the county, the interface text, the address and the build date. */
export interface ShellSite {
  /** `t.handbok`, `t.hoppa`, … from _includes/strings.json. */
  strings: {
    handbok: string;
    hoppa: string;
    fiktivt: string;
    sok: { etikett: string; knapp: string; lank: string };
    nav: { etikett: string };
    brodsmulor: { etikett: string };
    sidfot: { etikett: string; om: string; tillganglighet: string; kallor: string; ordlista: string; karta: string; kakor: string };
  };
  lan: { namn: string; fiktivt?: boolean };
  csp: string;
  menu: readonly { avsnitt: string; url: string; titel: string }[];
  address: SiteAddress;
  /** The build date as the reader sees it (the `datum` filter of `byggdatum`). */
  builtOn: string;
}

/** One page: its URL (without the base path), title, description, body and what the layout reads. */
export interface ShellPage {
  url: string;
  titel: string;
  beskrivning?: string;
  /** false keeps the page out of search (no data-pagefind-body). */
  sokbar: boolean;
  stilar?: readonly string[];
  skript?: readonly string[];
  /** Ancestors as the breadcrumbs list them (the start page first), not the page itself. */
  crumbs: readonly { url: string; titel: string }[];
  /** The page's own HTML, already escaped where it holds data. */
  content: string;
  /**
   * Whether the content holds a Mermaid diagram (the layout then loads diagram.js); looked up in `content`
   * when not given. A caller that joins `content` from parts says it from a part, because searching the
   * joined string makes V8 copy it whole first (docs/build-speed.md §4).
   */
  mermaid?: boolean;
}

/** The fixed parts of the shell for one build, computed once: only the page's own values vary. */
export function pageShell(site: ShellSite): (page: ShellPage) => string {
  const t = site.strings;
  const handbok = escNunjucks(t.handbok);
  const lanNamn = escNunjucks(site.lan.namn);
  const siteUrl = site.address.url ?? "";
  const origin = printOriginCss(siteUrl);
  const fiktivt = site.lan.fiktivt
    ? `<div class="fiktivt" role="note" data-pagefind-ignore><p><strong>Påhittat exempel.</strong> ${escNunjucks(t.fiktivt)}</p></div>\n`
    : "";
  const head =
    `<!doctype html>\n<html lang="sv"${origin ? ` style="${escNunjucks(origin)}"` : ""}>\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escNunjucks(site.csp)}">\n<meta name="referrer" content="no-referrer">\n<title>`;
  const search =
    `\n<form class="sokruta sidhuvud__sok" action="/sok/" method="get" role="search" aria-label="${escNunjucks(t.sok.etikett)}">` +
    `\n<label for="sidhuvud-sok" class="visuellt-dold">${escNunjucks(t.sok.etikett)}</label>` +
    `\n<input id="sidhuvud-sok" type="search" name="q" autocomplete="off" enterkeyhint="search">` +
    `\n<button type="submit">${escNunjucks(t.sok.knapp)}</button>\n</form>` +
    `\n<a class="sidhuvud__soklank" href="/sok/">${escNunjucks(t.sok.lank)}</a>`;
  const headerStart =
    `<header class="sidhuvud" data-pagefind-ignore>\n${fiktivt}\n<div class="sidhuvud__rad">\n` +
    `<a class="sidhuvud__namn" href="/">${handbok}<span class="sidhuvud__lan">${lanNamn}</span></a>`;
  const printInfo = (url: string): string =>
    `<div class="utskriftsinfo" aria-hidden="true" data-pagefind-ignore>\n<p>${handbok} – ${lanNamn}: <span data-utskrift-adress>` +
    `${escNunjucks(fullAddress(url, siteUrl))}</span></p>\n<p>Gällande vägledning · Webbplatsen byggd ${escNunjucks(site.builtOn)}` +
    `<span data-utskrift-datum></span></p>\n</div>\n`;
  const f = t.sidfot;
  const footer =
    `<footer class="sidfot" data-pagefind-ignore>\n<nav aria-label="${escNunjucks(f.etikett)}">\n<ul>\n` +
    `<li><a href="/om/">${escNunjucks(f.om)}</a></li>\n<li><a href="/tillganglighet/">${escNunjucks(f.tillganglighet)}</a></li>\n` +
    `<li><a href="/kallor/">${escNunjucks(f.kallor)}</a></li>\n<li><a href="/ordlista/">${escNunjucks(f.ordlista)}</a></li>\n` +
    `<li><a href="/webbplatskarta/">${escNunjucks(f.karta)}</a></li>\n</ul>\n</nav>\n` +
    `<p>${handbok} – ${lanNamn}.${site.lan.fiktivt ? ` <strong>Påhittat exempel.</strong> ${escNunjucks(t.fiktivt)}` : ""}</p>\n` +
    `<p>${escNunjucks(f.kakor)}</p>\n</footer>\n`;

  // partials/adress-huvud.njk: only with a known site address (docs/publishing.md).
  const addressHead = (page: ShellPage): string => {
    if (!siteUrl) return "\n";
    const abs = escNunjucks(absoluteUrl(site.address, page.url));
    return (
      `\n<link rel="canonical" href="${abs}">\n<meta property="og:type" content="website">\n<meta property="og:locale" content="sv_SE">` +
      `\n<meta property="og:site_name" content="${handbok} – ${lanNamn}">\n<meta property="og:title" content="${escNunjucks(page.titel || t.handbok)}">` +
      `\n<meta property="og:url" content="${abs}">` +
      (page.beskrivning ? `\n<meta property="og:description" content="${escNunjucks(page.beskrivning)}">` : "") +
      "\n"
    );
  };

  return (page) => {
    const section = page.url.split("/")[1] ?? "";
    const out: string[] = [head];
    if (page.titel && page.url !== "/") out.push(escNunjucks(page.titel), " – ");
    out.push(handbok, " – ", lanNamn, "</title>");
    if (page.beskrivning) out.push(`\n<meta name="description" content="${escNunjucks(page.beskrivning)}">`);
    out.push(`\n<link rel="stylesheet" href="/assets/handbok.css">\n<link rel="stylesheet" href="/assets/utskrift.css" media="print">`);
    for (const stil of page.stilar ?? []) out.push(`\n<link rel="stylesheet" href="${escNunjucks(stil)}">`);
    out.push(`\n<link rel="stylesheet" href="/assets/progress.css">\n<link rel="icon" href="/assets/ikon.svg" type="image/svg+xml">\n`);
    out.push(addressHead(page));
    out.push(`\n\n<meta name="fc-utgava" data-pagefind-filter="utgåva[content]" content="Gällande">\n`);
    if (page.mermaid ?? page.content.includes("diagram--mermaid")) out.push(`\n<script type="module" src="/assets/diagram.js"></script>`);
    if (!siteUrl) out.push(`\n<script type="module" src="/assets/utskrift.js"></script>`);
    for (const skript of page.skript ?? []) out.push(`\n<script type="module" src="${escNunjucks(skript)}"></script>`);
    out.push(`\n</head>\n<body>\n<a class="hoppa" href="#innehall">${escNunjucks(t.hoppa)}</a>\n`, headerStart);
    if (page.url !== "/" && page.url !== "/sok/") out.push(search);
    out.push(`\n</div>\n<nav class="huvudmeny" aria-label="${escNunjucks(t.nav.etikett)}">\n<ul>`);
    for (const item of site.menu) {
      const current = section === item.avsnitt ? ` aria-current="${page.url === item.url ? "page" : "true"}"` : "";
      out.push(`\n<li><a href="${escNunjucks(item.url)}"${current}>${escNunjucks(item.titel)}</a></li>`);
    }
    out.push(`\n</ul>\n</nav>\n</header>\n\n<div class="ram">\n`);
    if (page.crumbs.length) {
      out.push(`\n<nav class="brodsmulor" aria-label="${escNunjucks(t.brodsmulor.etikett)}" data-pagefind-ignore>\n<ol>`);
      for (const c of page.crumbs) out.push(`\n<li><a href="${escNunjucks(c.url)}">${escNunjucks(c.titel)}</a></li>`);
      out.push(`\n<li><span aria-current="page">${escNunjucks(page.titel)}</span></li>\n</ol>\n</nav>`);
    }
    out.push(`\n\n<main id="innehall" tabindex="-1"${page.sokbar ? " data-pagefind-body" : ""}>\n`, printInfo(page.url));
    out.push(`\n\n\n`, page.content, `\n</main>\n</div>\n`, footer, `\n</body>\n</html>\n`);
    return out.join("");
  };
}
