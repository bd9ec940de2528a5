import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Parser } from "htmlparser2";
import { htmlFiles, urlPathOf } from "./pages.ts";

/** One reference from a page to a URL: an href, src or srcset entry. */
export interface Reference {
  page: string;
  tag: string;
  attribute: string;
  value: string;
}

/** What a link checker needs to know about one HTML page. */
export interface PageFacts {
  file: string;
  path: string;
  ids: Set<string>;
  references: Reference[];
  /** Inline scripts that a browser would execute (no src, JavaScript type). */
  inlineScripts: string[];
  /** The content of every `<meta http-equiv="Content-Security-Policy">`. */
  csp: string[];
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
  use: ["href", "xlink:href"],
  image: ["href", "xlink:href"],
};

const EXECUTABLE_SCRIPT_TYPES = new Set(["", "text/javascript", "module", "application/javascript"]);

/** Parses one built page with htmlparser2 and collects its ids, outgoing references, inline scripts and CSP. */
export function pageFacts(outDir: string, file: string): PageFacts {
  const path = urlPathOf(file);
  const facts: PageFacts = { file, path, ids: new Set(), references: [], inlineScripts: [], csp: [] };
  let inlineScript: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = name.toLowerCase();
        if (attribs.id) facts.ids.add(attribs.id);
        if (tag === "a" && attribs.name) facts.ids.add(attribs.name);
        for (const attribute of URL_ATTRIBUTES[tag] ?? []) {
          const value = attribs[attribute];
          if (value === undefined) continue;
          const values = attribute === "srcset" ? value.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "") : [value];
          for (const v of values) if (v) facts.references.push({ page: path, tag, attribute, value: v });
        }
        if (tag === "meta" && attribs["http-equiv"]?.toLowerCase() === "content-security-policy") facts.csp.push(attribs.content ?? "");
        if (tag === "script" && attribs.src === undefined && EXECUTABLE_SCRIPT_TYPES.has((attribs.type ?? "").trim().toLowerCase())) {
          inlineScript = "";
        }
      },
      ontext(text) {
        if (inlineScript !== undefined) inlineScript += text;
      },
      onclosetag(name) {
        if (name.toLowerCase() === "script" && inlineScript !== undefined) {
          facts.inlineScripts.push(inlineScript.trim().slice(0, 80));
          inlineScript = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(readFileSync(join(outDir, file), "utf8"));
  parser.end();
  return facts;
}

/** Facts for every HTML page of a built site, keyed by URL path. */
export function siteFacts(outDir: string): Map<string, PageFacts> {
  return new Map(htmlFiles(outDir).map((file) => [urlPathOf(file), pageFacts(outDir, file)]));
}

/** The file a site-internal URL path resolves to on a static host, or undefined when nothing is there. */
export function resolveTarget(outDir: string, pathname: string): { file: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const full = join(outDir, decoded);
  if (!full.startsWith(outDir)) return undefined;
  if (decoded.endsWith("/")) {
    return existsSync(join(full, "index.html")) ? { file: join(full, "index.html") } : undefined;
  }
  if (!existsSync(full)) return undefined;
  if (statSync(full).isDirectory()) {
    return existsSync(join(full, "index.html")) ? { file: join(full, "index.html") } : undefined;
  }
  return { file: full };
}

const BASE = "http://fc-handbok.invalid";

/** One broken reference: where it is, what it says and what is wrong, in Swedish. */
export interface BrokenReference {
  page: string;
  reference: string;
  problem: string;
}

/**
 * Every broken internal reference in a built site: a target file that does not exist, a #fragment that
 * names no id on its target page, or a javascript: URL. Query strings are ignored; links to other hosts,
 * mailto: and tel: are not followed. A site built for a base path ("/fc-handbok/") must keep every internal
 * reference under that path, since the host serves nothing outside it.
 */
export function brokenReferences(outDir: string, basePath = "/"): BrokenReference[] {
  const facts = siteFacts(outDir);
  const broken: BrokenReference[] = [];
  for (const page of facts.values()) {
    for (const ref of page.references) {
      const report = (problem: string): void => {
        broken.push({ page: page.path, reference: `<${ref.tag} ${ref.attribute}="${ref.value}">`, problem });
      };
      const trimmed = ref.value.trim();
      if (/^javascript:/i.test(trimmed)) {
        report("javascript:-länkar får inte finnas");
        continue;
      }
      let url: URL;
      try {
        url = new URL(trimmed, BASE + basePath + page.path.slice(1));
      } catch {
        report("ogiltig adress");
        continue;
      }
      if (url.origin !== BASE) continue;
      if (!url.pathname.startsWith(basePath)) {
        report(`${url.pathname} ligger utanför bassökvägen ${basePath}`);
        continue;
      }
      const target = resolveTarget(outDir, url.pathname.slice(basePath.length - 1));
      if (!target) {
        report(`${url.pathname} finns inte`);
        continue;
      }
      const fragment = url.hash.slice(1);
      if (!fragment || fragment === "top") continue;
      const targetFacts = facts.get(urlPathOf(relative(outDir, target.file).split(sep).join("/")));
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      if (!targetFacts) report(`${url.pathname} är ingen HTML-sida, så #${id} kan inte finnas`);
      else if (!targetFacts.ids.has(id)) report(`${targetFacts.path} har inget element med id="${id}"`);
    }
  }
  return broken;
}

/** A readable report: one line per kind of problem with its count and first pages, then every reference. */
export function formatBroken(broken: BrokenReference[]): string {
  const groups = new Map<string, BrokenReference[]>();
  for (const b of broken) {
    const key = b.problem.replace(/ har inget element med id=.*$/, " saknar ankare");
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  const summary = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, list]) => `  ${key}: ${list.length} st., t.ex. från ${[...new Set(list.map((b) => b.page))].slice(0, 3).join(", ")}`);
  const all = broken.map((b) => `  ${b.page}: ${b.reference} – ${b.problem}`);
  return `${broken.length} trasiga interna referenser.\nSammanfattning:\n${summary.join("\n")}\nAlla:\n${all.join("\n")}`;
}
