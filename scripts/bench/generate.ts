import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative, sep } from "node:path";
import { Document, isMap, isScalar, isSeq, stringify, visit } from "yaml";
import { projectDir } from "../paths.ts";
import { Prng } from "./prng.ts";
import { FAKTORER } from "../model/types.ts";

/** The size of a synthetic handbook. */
export interface Scale {
  centres: number;
  /** Years of follow-up per centre, ending in the county's current follow-up year. */
  years: number;
  /** Editions of the guidance, counting the current one (the others are frozen under utgavor/). */
  editions: number;
  /** Guidance pages per edition. */
  pages: number;
  seed: number;
}

export const DEFAULT_SCALE: Scale = { centres: 400, years: 10, editions: 3, pages: 60, seed: 20261123 };

/** What was generated, so the benchmark can pick pages and files to measure. */
export interface GeneratedRoot {
  dir: string;
  centreIds: string[];
  /** Root-relative path of a centre file the rebuild benchmark edits. */
  centreFile: string;
  /** URL path of a guidance page without a diagram. */
  plainPage: string;
  /** Archived editions actually written (0 when this checkout cannot build editions). */
  archivedEditions: number;
  files: number;
}

/** The last year of follow-up; periods are two years and end on an odd year. */
const LAST_YEAR = 2025;

const KOMMUN_PARTS = ["Ek", "Björk", "Lind", "Gran", "Al", "Asp", "Rönn", "Hassel", "Sälg", "Vide", "Ljung", "Tall", "Lönn", "Hag"];
const KOMMUN_ENDS = ["dala", "vik", "by", "köping", "hamn", "berga", "torp", "sund", "näs", "ås", "holm", "fors", "å", "mo", "lunda"];
const PLACE_ENDS = ["backen", "gården", "ängen", "dalen", "höjden", "torget", "strand", "centrum", "parken", "hagen", "viken", "udden"];
const VERKSAMHETER = ["barnmorskemottagning", "barnavårdscentral", "öppen förskola", "socialtjänst"] as const;
const SOURCES = ["qrc-2021", "nyhet-2021", "rydberg-2021", "ffff-vagledning", "kalmar-2023"];
const AUDIENCES = ["alla", "bmm", "bvc", "öf", "socialtjänst", "samordnare", "styrgrupp"];

// Words for text that reads like guidance: a vocabulary of a few hundred words gives Pagefind an
// index of realistic size (one-word-repeated filler would make the index unrealistically small).
const SUBJECTS = [
  "Familjecentralen",
  "Samordnaren",
  "Barnmorskan",
  "Sjuksköterskan på BVC",
  "Förskolläraren på öppna förskolan",
  "Socialsekreteraren",
  "Styrgruppen",
  "Utvecklingsledaren",
  "Varje verksamhet",
  "Kommunen",
  "Regionen",
  "Personalen",
  "Föräldern",
  "Föräldrarna",
  "Den som väntar barn",
  "Medarbetarna",
  "Ledningsgruppen",
  "Biblioteket",
];
const VERBS = [
  "planerar",
  "följer upp",
  "beskriver",
  "erbjuder",
  "samordnar",
  "utvecklar",
  "dokumenterar",
  "redovisar",
  "stärker",
  "prioriterar",
  "diskuterar",
  "granskar",
  "förbättrar",
  "främjar",
  "välkomnar",
  "informerar om",
  "ansvarar för",
  "bjuder in till",
];
const OBJECTS = [
  "föräldragrupper för förstagångsföräldrar",
  "det gemensamma hälsofrämjande arbetet",
  "besöksenkäten vartannat år",
  "samverkansenkäten bland medarbetarna",
  "årsberättelsen till utvecklingsledarna",
  "öppna aktiviteter för barn och vuxna",
  "språkstärkande aktiviteter med biblioteket",
  "stödet till familjer i utsatta situationer",
  "tidiga insatser för barnets hälsa",
  "rutiner för överlämning mellan verksamheterna",
  "gemensam kompetensutveckling",
  "lokala mål för kommande år",
  "föräldrarnas inflytande över verksamheten",
  "hembesök tillsammans med socialtjänsten",
  "information på flera språk",
  "mötesplatser för nyanlända familjer",
  "kunskap om barnets rättigheter",
  "uppföljningen av länsgemensamma mål",
];
const TAILS = [
  "under barnets första år",
  "i nära samarbete med socialtjänsten",
  "enligt den nationella vägledningen",
  "så att fler familjer nås",
  "med stöd av styrgruppen",
  "varje termin",
  "i alla kommuner i länet",
  "utifrån familjens egna behov",
  "på ett likvärdigt sätt",
  "tillsammans med föräldrarna",
  "när behovet uppstår",
  "inom ramen för uppdraget",
];
const HEADINGS = [
  "Syfte",
  "Bakgrund",
  "Så går det till",
  "Ansvar och roller",
  "Samverkan mellan verksamheterna",
  "Föräldrarnas delaktighet",
  "Uppföljning",
  "Dokumentation",
  "Tidsplan",
  "Vanliga frågor",
  "Att tänka på",
  "Stöd och material",
];
const TOPICS = [
  "Uppdraget",
  "Målgrupper",
  "Föräldraskapsstöd",
  "Hälsofrämjande arbete",
  "Öppna förskolan",
  "Barnhälsovården",
  "Mödrahälsovården",
  "Socialtjänstens förebyggande arbete",
  "Styrgruppens arbete",
  "Samordnarens roll",
  "Besöksenkäten",
  "Samverkansenkäten",
  "Årsberättelsen",
  "Länsgemensamma mål",
  "Förbättringsarbete",
  "Språkstöd",
  "Hembesök",
  "Nyanlända familjer",
  "Lokaler och tillgänglighet",
  "Kompetensutveckling",
];
const SECTIONS = ["uppdrag", "samverkan", "uppfoljning", "stod", "styrning", "metoder"];

const slug = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(r: Prng): string {
  const s = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}`;
  return `${capital(s)}.`;
}

function paragraph(r: Prng, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(sentence(r));
  if (r.chance(0.4)) parts.push(`Det framgår av underlaget [källa: ${r.pick(SOURCES)}].`);
  return parts.join(" ");
}

function mermaid(r: Prng, n: number): string {
  const steps = r.some(["Planera", "Genomföra", "Följa upp", "Analysera", "Åtgärda", "Rapportera"], 4);
  const nodes = steps.map((s, i) => `${String.fromCharCode(65 + i)}[${s}]`).join(" --> ");
  return ["```mermaid", "flowchart LR", `  accTitle: Arbetsgång ${n}`, `  accDescr: ${steps.join(", sedan ")}.`, `  ${nodes}`, "```"].join(
    "\n",
  );
}

/** A guidance page of realistic length: 5–7 sections of 2–3 paragraphs, lists, a callout, citations. */
function pageBody(r: Prng, withDiagram: boolean, n: number): string {
  const out: string[] = [paragraph(r, 4)];
  const sections = r.some(HEADINGS, r.int(5, 7));
  sections.forEach((h, i) => {
    out.push(`## ${h}`);
    for (let p = 0; p < r.int(2, 3); p++) out.push(paragraph(r, r.int(3, 5)));
    if (i === 1) out.push(Array.from({ length: r.int(3, 5) }, () => `- ${sentence(r)}`).join("\n"));
    if (i === 2) out.push(`::: ${r.pick(["tips", "viktigt", "förslag"])}\n${paragraph(r, 2)}\n:::`);
    if (i === 3) out.push(`### ${r.pick(HEADINGS)} i praktiken`, paragraph(r, 3));
    if (i === 1 && withDiagram) out.push(mermaid(r, n));
  });
  return `${out.join("\n\n")}\n`;
}

interface PageSpec {
  id: string;
  rel: string;
  titel: string;
  diagram: boolean;
}

function pageSpecs(count: number): PageSpec[] {
  const specs: PageSpec[] = [{ id: "start", rel: "content/index.md", titel: "Handbok för familjecentraler", diagram: false }];
  for (let i = 1; i < count; i++) {
    const topic = TOPICS[(i - 1) % TOPICS.length] ?? "Sida";
    const round = Math.floor((i - 1) / TOPICS.length);
    const titel = round === 0 ? topic : `${topic} del ${round + 1}`;
    const id = slug(titel);
    const section = SECTIONS[i % SECTIONS.length] ?? "vagledning";
    // Every tenth page has a Mermaid diagram; page 1 never does, so it can be the page-weight sample.
    specs.push({ id, rel: `content/vagledning/${section}/${id}/index.md`, titel, diagram: i % 10 === 5 });
  }
  return specs;
}

function pageFile(r: Prng, spec: PageSpec, n: number, granskad: string, edition: number): string {
  const front = {
    id: spec.id,
    titel: spec.titel,
    sammanfattning: `${spec.titel}: ${sentence(r).toLowerCase()}`,
    målgrupper: r.some(AUDIENCES, r.int(1, 2)),
    källor: r.some(SOURCES, r.int(1, 2)),
    granskad,
    nästa_granskning: `${Number(granskad.slice(0, 4)) + 2}${granskad.slice(4)}`,
    ordning: n * 10,
    ändringar: [{ datum: granskad, beskrivning: edition === 0 ? "Första versionen." : "Texten är omarbetad." }],
  };
  return `---\n${stringify(front, { version: "1.2", lineWidth: 0 })}---\n\n${pageBody(r, spec.diagram, n)}`;
}

const schemaLine = (fileAbs: string, schema: string): string => {
  const rel = relative(dirname(fileAbs), join(projectDir, "schemas", schema))
    .split(sep)
    .join("/");
  return `# yaml-language-server: $schema=${rel}\n`;
};

/** YAML as people write it: short maps and lists of scalars on one line, `{ värde: 20, år: 2020 }`. */
function humanYaml(data: unknown): string {
  const doc = new Document(data, { version: "1.2" });
  visit(doc, {
    Map: (_, node) => {
      if (node.items.length <= 3 && node.items.every((p) => isScalar(p.value))) node.flow = true;
    },
    Seq: (_, node) => {
      if (node.items.every((i) => isScalar(i) || (isMap(i) && i.flow))) node.flow = true;
      if (isSeq(node) && node.items.some((i) => isMap(i) && i.items.length > 2)) node.flow = false;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function writeYaml(abs: string, schema: string, data: unknown): void {
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, schemaLine(abs, schema) + humanYaml(data));
}

function writeText(abs: string, text: string): void {
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

interface Indicator {
  id: string;
  namn: string;
  enhet: "procent" | "antal" | "skala";
  riktning: "öka" | "minska";
  datakälla: string;
  länsmål?: { värde: number };
  utgångsläge?: { värde: number; år: number };
}

interface Goal {
  id: string;
  indikatorer: Indicator[];
}

function goalPeriod(r: Prng, start: number): { data: Record<string, unknown>; goals: Goal[] } {
  const goals: Goal[] = [
    {
      id: "lattillgangligt-stod",
      indikatorer: [
        {
          id: "forstagangsforaldrar-of",
          namn: "Andel förstagångsföräldrar som besökt öppna förskolan",
          enhet: "procent",
          riktning: "öka",
          datakälla: "besöksenkät",
          länsmål: { värde: r.int(50, 60) },
          utgångsläge: { värde: r.int(35, 45), år: start - 1 },
        },
      ],
    },
    {
      id: "foraldragrupper",
      indikatorer: [
        {
          id: "andel-i-foraldragrupp",
          namn: "Andel förstagångsföräldrar som deltagit i föräldragrupp",
          enhet: "procent",
          riktning: "öka",
          datakälla: "nationella indikatorer",
          länsmål: { värde: r.int(35, 45) },
        },
      ],
    },
    {
      id: "snabbt-stod",
      indikatorer: [
        {
          id: "vantetid-forsta-samtal",
          namn: "Genomsnittlig väntetid i dagar till första samtal",
          enhet: "antal",
          riktning: "minska",
          datakälla: "årsberättelse",
          länsmål: { värde: 10 },
        },
      ],
    },
    {
      id: "forutsattningar-for-samverkan",
      indikatorer: [
        {
          id: "samverkan-medel",
          namn: "Medelvärde av samverkansenkätens nio faktorer",
          enhet: "skala",
          riktning: "öka",
          datakälla: "samverkansenkät",
          länsmål: { värde: 4 },
          utgångsläge: { värde: 3.6, år: start - 1 },
        },
      ],
    },
  ];
  const names: Record<string, string> = {
    "lattillgangligt-stod": "Förstagångsföräldrar hittar till öppna förskolan",
    foraldragrupper: "Fler deltar i föräldragrupper",
    "snabbt-stod": "Kortare väntan på första samtal",
    "forutsattningar-for-samverkan": "Goda förutsättningar för samverkan",
  };
  const areas = [
    { id: "tillganglighet", namn: "Stöd som är lätt att nå", goals: goals.slice(0, 2) },
    { id: "tidigt-stod", namn: "Tidigt stöd", goals: goals.slice(2, 3) },
    { id: "samverkan", namn: "En samverkan som håller", goals: goals.slice(3) },
  ];
  const data = {
    id: `${start}-${start + 1}`,
    startår: start,
    slutår: start + 1,
    status: "beslutad",
    beslut: { datum: `${start - 1}-11-16`, beslutat_av: "Länsgemensam styrgrupp" },
    övergripande_mål: "Barn och föräldrar har en god och jämlik hälsa, och familjecentralerna främjar den tillsammans.",
    källor: ["ffff-vagledning", "kalmar-2023"],
    fokusområden: areas.map((a) => ({
      id: a.id,
      namn: a.namn,
      beskrivning: `${a.namn} under perioden ${start}–${start + 1}.`,
      mål: a.goals.map((g) => ({
        id: g.id,
        namn: names[g.id],
        beskrivning: `${names[g.id]} i hela länet.`,
        indikatorer: g.indikatorer,
      })),
    })),
  };
  return { data, goals };
}

function measurement(r: Prng, x: Indicator): number {
  if (x.enhet === "procent") return r.int(20, 70);
  if (x.enhet === "skala") return r.float(2.8, 4.8);
  return r.int(3, 25);
}

/**
 * A centre file and its year files (data/uppfoljning/<år>/<id>.yaml). Every improvement-work value is
 * reported in its year's file, as a coordinator using the report form would; the random draws are made in
 * the same order as when the years lived in the centre file, so a seed gives the same figures as before.
 */
function centreFile(
  r: Prng,
  id: string,
  namn: string,
  kommun: string,
  years: number[],
  periods: Map<number, Goal[]>,
): { centre: unknown; years: Record<string, unknown>[] } {
  const first = years[0] ?? LAST_YEAR;
  const works = Array.from({ length: r.int(1, 3) }, (_, i) => {
    const base = r.pick(years.slice(0, Math.max(1, years.length - 2)));
    const end = base + r.int(2, 3);
    return {
      id: `forbattring-${i + 1}`,
      mål: `${capital(r.pick(OBJECTS))} når fler familjer.`,
      indikator: { namn: `Andel familjer som deltar i ${r.pick(OBJECTS).split(" ")[0]}`, enhet: "procent", riktning: "öka" },
      utgångsläge: { värde: r.int(10, 40), år: base },
      målvärde: { värde: r.int(45, 80), år: end, datum: `${end}-06-30` },
      mätningar: years.filter((y) => y > base && y <= LAST_YEAR).map((y) => ({ år: y, värde: r.int(15, 85) })),
      källa: "qrc-2021",
    };
  });
  const uppföljning = years.map((år) => {
    const surveyYear = (år - first) % 2 === 1;
    const goals = periods.get(år) ?? [];
    const entry: Record<string, unknown> = { familjecentral: id, år };
    entry.årsberättelse = { inlämnad: år < LAST_YEAR || r.chance(0.8) ? `${år + 1}-01-${String(r.int(10, 28)).padStart(2, "0")}` : null };
    if (surveyYear) {
      entry.besöksenkät = { antal_svar: r.int(30, 140) };
      entry.samverkansenkät = {
        antal_svar: r.int(6, 25),
        faktorer: Object.fromEntries(FAKTORER.map((f) => [f, r.float(2.5, 4.9)])),
      };
    }
    entry.länsmål = goals.map((g) => ({
      mål: g.id,
      aktiviteter: [`${capital(r.pick(OBJECTS))} ${r.pick(TAILS)}`],
      mätningar: g.indikatorer.filter(() => r.chance(0.8)).map((x) => ({ indikator: x.id, värde: measurement(r, x) })),
    }));
    const values = works.flatMap((w) => w.mätningar.filter((m) => m.år === år).map((m) => ({ id: w.id, värde: m.värde })));
    if (values.length) entry.förbättringsarbeten = values;
    return entry;
  });
  const typ = r.chance(0.85) ? "familjecentral" : "familjecentralsliknande";
  const samlokalisering = r.pick(["helt", "helt", "delvis", "ej"]);
  const drawn = r.some(VERKSAMHETER, r.int(3, 4));
  const centre = {
    id,
    namn,
    kommun,
    typ,
    samlokalisering,
    // The validator's definitions (scripts/validate/rules/centre-facts.ts): a familjecentral has all four
    // base operations; a familjecentralsliknande verksamhet has a BVC and a municipal one, never all four.
    verksamheter:
      typ === "familjecentral"
        ? [...VERKSAMHETER]
        : ["barnavårdscentral", ...drawn.filter((v) => v === "öppen förskola" || v === "socialtjänst")],
    storlek: r.chance(0.5) ? "stor" : "liten",
    källor: ["kalmar-2023"],
    kontakt: { "e-post": `familjecentralen-${id}@exempel.se` },
    förbättringsarbeten: works.map((w) => ({ ...w, mätningar: [] })),
  };
  return { centre, years: uppföljning };
}

/**
 * Writes a synthetic but valid content root into `dir` (emptied first): a county with enough fictional
 * municipalities, two-year goal periods covering every follow-up year, `centres` centres with improvement
 * work, surveys, annual reports and measurements, `pages` guidance pages and, when this checkout builds
 * editions (scripts/editions/), `editions - 1` frozen editions under utgavor/.
 */
export function generateRoot(dir: string, scale: Scale): GeneratedRoot {
  const r = new Prng(scale.seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let files = 0;
  const example = join(projectDir, "examples/exempellan/data");
  for (const name of ["kallor.yaml", "process.yaml", "ordlista.yaml"]) {
    mkdirSync(join(dir, "data"), { recursive: true });
    copyFileSync(join(example, name), join(dir, "data", name));
    files++;
  }

  const years = Array.from({ length: scale.years }, (_, i) => LAST_YEAR - scale.years + 1 + i);
  const firstYear = years[0] ?? LAST_YEAR;
  // Periods run even–odd years (…, 2024–2025), so the first one may start a year before the first follow-up.
  const firstPeriodStart = firstYear % 2 === 0 ? firstYear : firstYear - 1;
  const periods = new Map<number, Goal[]>();
  let current = "";
  for (let start = firstPeriodStart; start <= LAST_YEAR; start += 2) {
    const { data, goals } = goalPeriod(r, start);
    writeYaml(join(dir, "data/mal", `${start}-${start + 1}.yaml`), "malperiod.schema.json", data);
    files++;
    periods.set(start, goals);
    periods.set(start + 1, goals);
    current = `${start}-${start + 1}`;
  }

  const municipalities = Math.max(3, Math.ceil(scale.centres / 8));
  const kommuner: { id: string; namn: string }[] = [];
  for (let i = 0; kommuner.length < municipalities; i++) {
    const a = KOMMUN_PARTS[i % KOMMUN_PARTS.length] ?? "Ek";
    const b = KOMMUN_ENDS[Math.floor(i / KOMMUN_PARTS.length) % KOMMUN_ENDS.length] ?? "by";
    const round = Math.floor(i / (KOMMUN_PARTS.length * KOMMUN_ENDS.length));
    const namn = `${a}${b}${round ? ` ${round + 1}` : ""}`;
    kommuner.push({ id: slug(namn), namn });
  }
  writeYaml(join(dir, "data/lan.yaml"), "lan.schema.json", {
    id: "syntetiska-lanet",
    namn: "Syntetiska länet",
    fiktivt: true,
    uppföljningsår: LAST_YEAR,
    aktuell_period: current,
    källkod: "https://github.com/fc-handbok/fc-handbok",
    gren: "main",
    // A published county has a site address; without one every page loads the print script that fills the
    // address in, and the bench's budget row for a guidance page would measure a site nobody publishes.
    webbplats: "https://handbok.syntetiska-lanet.exempel.se/",
    kontakt: { namn: "Utvecklingsledarna i Syntetiska länet", "e-post": "familjecentraler@exempel.se" },
    kommuner,
    tidsfrister: { årsberättelse: "01-31" },
  });
  files++;

  const centreIds: string[] = [];
  for (let i = 0; i < scale.centres; i++) {
    const kommun = kommuner[i % kommuner.length] ?? { id: "ekdala", namn: "Ekdala" };
    const place = PLACE_ENDS[Math.floor(i / kommuner.length) % PLACE_ENDS.length] ?? "centrum";
    const round = Math.floor(i / (kommuner.length * PLACE_ENDS.length));
    const namn = `Familjecentralen ${kommun.namn}${place}${round ? ` ${round + 1}` : ""}`;
    const id = slug(namn.replace("Familjecentralen ", ""));
    centreIds.push(id);
    const generated = centreFile(r, id, namn, kommun.id, years, periods);
    writeYaml(join(dir, "data/familjecentraler", `${id}.yaml`), "familjecentral.schema.json", generated.centre);
    files++;
    for (const year of generated.years) {
      writeYaml(join(dir, "data/uppfoljning", String(year.år), `${id}.yaml`), "uppfoljning.schema.json", year);
      files++;
    }
  }

  const specs = pageSpecs(scale.pages);
  const granskad = `${LAST_YEAR}-10-15`;
  specs.forEach((spec, n) => {
    writeText(join(dir, spec.rel), pageFile(r, spec, n, granskad, 0));
    files++;
  });
  writeYaml(join(dir, "data/lasvagar.yaml"), "lasvagar.schema.json", {
    läsvägar: [
      {
        id: "samordnare",
        titel: "Ny samordnare",
        målgrupp: "samordnare",
        inledning: "Börja med uppdraget och läs sedan om uppföljning.",
        sidor: specs.slice(1, 6).map((s) => s.id),
      },
    ],
  });
  files++;

  // Frozen editions: only when this checkout knows the format, else validation would not check them.
  const canArchive = existsSync(join(projectDir, "scripts/editions/model.ts"));
  const archived = canArchive ? Math.max(0, scale.editions - 1) : 0;
  let previous: string | undefined;
  for (let e = 0; e < archived; e++) {
    const year = LAST_YEAR - 2 * (archived - e);
    const id = `${year}-1`;
    const editionDir = join(dir, "utgavor", id);
    const kontrollsummor: Record<string, string> = {};
    specs.forEach((spec, n) => {
      const text = pageFile(r, spec, n, `${year - 1}-10-15`, e);
      writeText(join(editionDir, spec.rel), text);
      kontrollsummor[spec.rel] = createHash("sha256").update(text).digest("hex");
      files++;
    });
    writeYaml(join(editionDir, "utgava.yaml"), "utgava.schema.json", {
      id,
      titel: `Utgåva ${year}`,
      beslutad: `${year - 1}-11-17`,
      beslutat_av: "Länsgemensam styrgrupp",
      ...(previous ? { föregående: previous } : {}),
      kontrollsummor,
      errata: [],
    });
    files++;
    previous = id;
  }

  return {
    dir,
    centreIds,
    centreFile: `data/familjecentraler/${centreIds[0]}.yaml`,
    plainPage: `/${specs[1]?.rel.replace(/^content\//, "").replace(/index\.md$/, "") ?? ""}`,
    archivedEditions: archived,
    files,
  };
}
