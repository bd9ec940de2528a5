import { join } from "node:path";
import { readText } from "../load/read-text.ts";
import { parseFrontMatter } from "../load/front-matter.ts";
import type { Sida } from "../model/types.ts";
import { bodyFingerprint, wholeGuidanceUrl, type ArkivSida, type Utgava } from "./model.ts";

/** A page in a change list. */
export interface SidLank {
  id: string;
  titel: string;
  url?: string;
  /** Set when the page moved: the path it had before. */
  flyttadFrån?: string;
}

/** What changed between two versions of the guidance, by stable page id. */
export interface Andringar {
  tillagda: SidLank[];
  borttagna: SidLank[];
  ändrade: SidLank[];
}

/** An edition as the site shows it. */
export interface UtgavaVy {
  id: string;
  titel: string;
  beslutad: string;
  beslutat_av: string;
  nästa_granskning?: string;
  föregående?: { id: string; titel: string; url: string };
  url: string;
  antalSidor: number;
  /** The edition's "Hela vägledningen", when it has guidance pages. */
  helaUrl?: string;
  errata: { datum: string; fil: string; beskrivning: string }[];
  ändringar: Andringar;
}

/** One entry in a page's edition switcher. */
export interface Version {
  etikett: string;
  url: string;
  /** Edition id, or undefined for the current (gällande) guidance. */
  utgava?: string;
}

export interface SidVy {
  versioner: Version[];
  /** Compared with the newest archived edition: is the page new or changed since then? */
  sedan?: { utgava: string; titel: string; läge: "ny" | "ändrad"; url?: string };
}

export interface UtgavorVy {
  /** Newest first. */
  lista: UtgavaVy[];
  /** Changes in the current guidance since the newest edition. */
  gällandeÄndringar?: Andringar;
  nyaste?: UtgavaVy;
  /** Per stable page id. */
  sidor: Record<string, SidVy>;
}

interface Comparable {
  id: string;
  titel: string;
  url: string;
  path: string;
  fingerprint: string;
}

/** Pages added, removed and changed from `before` to `after`, matched by front matter id, not path. */
export function compareVersions(before: Comparable[], after: Comparable[]): Andringar {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  const byTitle = (a: SidLank, b: SidLank): number => a.titel.localeCompare(b.titel, "sv");
  const tillagda = after.filter((p) => !old.has(p.id)).map((p) => ({ id: p.id, titel: p.titel, url: p.url }));
  const borttagna = before.filter((p) => !now.has(p.id)).map((p) => ({ id: p.id, titel: p.titel, url: p.url }));
  const ändrade: SidLank[] = [];
  for (const p of after) {
    const o = old.get(p.id);
    if (!o) continue;
    if (o.fingerprint !== p.fingerprint || o.titel !== p.titel || o.path !== p.path)
      ändrade.push({ id: p.id, titel: p.titel, url: p.url, ...(o.path !== p.path ? { flyttadFrån: o.path } : {}) });
  }
  return { tillagda: tillagda.sort(byTitle), borttagna: borttagna.sort(byTitle), ändrade: ändrade.sort(byTitle) };
}

const archived = (p: ArkivSida): Comparable => ({ id: p.id, titel: p.titel, url: p.url, path: p.sökväg, fingerprint: p.innehåll });

/** The current pages with their body fingerprints, read from their files. */
export function currentComparables(rootDir: string, sidor: Sida[]): Comparable[] {
  return sidor.map((s) => {
    const read = readText(join(rootDir, s.fil));
    const fm = read.ok ? parseFrontMatter(read.text) : undefined;
    const body = fm?.ok ? fm.body : "";
    return { id: s.id, titel: s.titel, url: s.url, path: s.url, fingerprint: bodyFingerprint(body) };
  });
}

/** Everything the templates need about editions, computed once per build. */
export function editionsView(rootDir: string, editions: Utgava[], sidor: Sida[]): UtgavorVy {
  const current = currentComparables(rootDir, sidor);
  const byId = new Map(editions.map((e) => [e.id, e]));
  const lista: UtgavaVy[] = editions.map((e, i) => {
    const hela = wholeGuidanceUrl(e);
    const prev = (e.föregående ? byId.get(e.föregående) : undefined) ?? editions[i - 1];
    return {
      id: e.id,
      titel: e.titel,
      beslutad: e.beslutad,
      beslutat_av: e.beslutat_av,
      ...(e.nästa_granskning ? { nästa_granskning: e.nästa_granskning } : {}),
      ...(prev ? { föregående: { id: prev.id, titel: prev.titel, url: `/utgava/${prev.id}/` } } : {}),
      url: `/utgava/${e.id}/`,
      antalSidor: e.sidor.length,
      ...(hela ? { helaUrl: hela } : {}),
      errata: (e.errata ?? []).map(({ datum, fil, beskrivning }) => ({ datum, fil, beskrivning })),
      ändringar: compareVersions(prev ? prev.sidor.map(archived) : [], e.sidor.map(archived)),
    };
  });
  const newest = editions.at(-1);
  const nyaste = lista.at(-1);
  const sidorVy: Record<string, SidVy> = {};
  const ids = new Set([...current.map((p) => p.id), ...editions.flatMap((e) => e.sidor.map((p) => p.id))]);
  for (const id of ids) {
    const now = current.find((p) => p.id === id);
    const versioner: Version[] = [];
    if (now) versioner.push({ etikett: "Gällande", url: now.url });
    for (const e of [...editions].reverse()) {
      const page = e.sidor.find((p) => p.id === id);
      if (page) versioner.push({ etikett: e.titel, url: page.url, utgava: e.id });
    }
    const vy: SidVy = { versioner };
    if (now && newest) {
      const then = newest.sidor.find((p) => p.id === id);
      if (!then) vy.sedan = { utgava: newest.id, titel: newest.titel, läge: "ny" };
      else if (then.innehåll !== now.fingerprint || then.titel !== now.titel)
        vy.sedan = { utgava: newest.id, titel: newest.titel, läge: "ändrad", url: then.url };
    }
    sidorVy[id] = vy;
  }
  return {
    lista: [...lista].reverse(),
    ...(newest ? { gällandeÄndringar: compareVersions(newest.sidor.map(archived), current) } : {}),
    ...(nyaste ? { nyaste } : {}),
    sidor: sidorVy,
  };
}
