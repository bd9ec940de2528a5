import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

import { STATUSES } from "../../scripts/progress/status.ts";
import { siteOrSkip } from "../support/browser.ts";
import { builtSites, readySite } from "../support/site.ts";

// Both sites as tests/support/global-setup.ts built them once for every test file of this run.
const site = (name: string) => {
  const found = builtSites().find((s) => s.name === name);
  if (!found) throw new Error(`global-setup byggde inte ${name}`);
  return found;
};
let out = "";

const read = (rel: string): string => readFileSync(join(out, rel), "utf8");

beforeAll(() => {
  out = readySite(site("exempellan")).outDir;
});

describe("progress pages of the example county", () => {
  it("builds the directory, every centre page, goal page, the county picture and the downloads page", () => {
    const expected = [
      "familjecentraler/index.html",
      "familjecentraler/norrvik/index.html",
      "familjecentraler/norrvik/arsberattelse/2025/index.html",
      "mal/index.html",
      "mal/2024-2025/index.html",
      "mal/2024-2025/foraldragrupper/index.html",
      "mal/2022-2023/foraldragrupper/index.html",
      "lagesbild/index.html",
      "lagesbild/nedladdningar/index.html",
      "lagesbild/sammanstallning/2024/index.html",
    ];

    expect(expected.filter((rel) => !existsSync(join(out, rel)))).toEqual([]);
  });

  it("shows a centre's statuses as text with an icon, a chart with its table, and the Pagefind filters", () => {
    const html = read("familjecentraler/norrvik/index.html");

    expect(html).toContain('data-pagefind-filter="typ:Familjecentral"');
    expect(html).toMatch(/data-pagefind-filter="kommun">Norrvik</);
    expect(html).toMatch(
      /<span class="status status-begransade-framsteg"><svg[^>]*aria-hidden="true"[^>]*>.*?<\/svg> Begränsade framsteg<\/span>/,
    );
    expect(html).toContain('class="chart chart-line"');
    expect(html).toContain('<table class="chart-table"><caption>');
    expect(html).toContain('class="chart chart-profile"');
    expect(html).toContain("kvot i besöksenkäten 100 svar");
    expect(html).toContain('href="/familjecentraler/norrvik.csv"');
  });

  it("says a manual status was set by hand and shows its reason", () => {
    const html = read("familjecentraler/backdalen/index.html");

    expect(html).toContain("(satt manuellt)");
    expect(html).toContain("Ett utkast till rutin finns");
  });

  it("writes numbers and dates the Swedish way", () => {
    const html = read("mal/2024-2025/foraldragrupper/index.html");
    const lagesbild = read("lagesbild/index.html");

    expect(html).toContain("33,5\u00a0%");
    expect(lagesbild).toMatch(/<time datetime="2026-01-31">31 januari 2026<\/time>/);
  });

  it("gives every table a caption and scoped header cells", () => {
    for (const rel of [
      "familjecentraler/index.html",
      "familjecentraler/norrvik/index.html",
      "lagesbild/index.html",
      "mal/2024-2025/foraldragrupper/index.html",
    ]) {
      const html = read(rel);
      const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        expect(table).toMatch(/<caption>/);
        expect(table.match(/<th(?![^>]*scope=)[ >]/g) ?? []).toEqual([]);
      }
    }
  });

  it("lists the centres that need attention and the reporting completeness on the county picture", () => {
    const html = read("lagesbild/index.html");

    expect(html).toContain("Behöver uppmärksamhet");
    expect(html).toContain("Årsberättelsen för 2024 kom in sent");
    expect(html).toMatch(/<strong>10<\/strong> inlämnad i tid/);
  });

  it("writes JSON downloads whose statuses are exactly those of docs/progress-method.md §2, with a, e and the latest value", () => {
    const data = JSON.parse(read("familjecentraler/norrvik.json")) as {
      förbättringsarbeten: {
        status: string;
        a: number | null;
        e: number | null;
        senaste: unknown;
        manuell: boolean;
        skäl: string | null;
      }[];
      länsmål: { status: string }[];
    };
    const county = JSON.parse(read("lagesbild/lansdata.json")) as { familjecentraler: { länsmål: { status: string }[] }[] };

    const work = data.förbättringsarbeten[0];
    expect(work).toMatchObject({ status: "Begränsade framsteg", a: 0.125, senaste: { år: 2025, värde: 11 }, manuell: false, skäl: null });
    expect(work?.e).toBeCloseTo(2 / 3, 10);
    const all = county.familjecentraler.flatMap((c) => c.länsmål.map((g) => g.status));
    expect(all.every((status) => (STATUSES as readonly string[]).includes(status))).toBe(true);
    expect(data.länsmål.length).toBeGreaterThan(0);
  });

  it("writes CSV downloads that Swedish Excel opens: BOM, semicolons, decimal comma and CRLF", () => {
    for (const rel of ["familjecentraler/norrvik.csv", "mal/2024-2025/foraldragrupper.csv", "lagesbild/lansdata.csv"]) {
      const csv = read(rel);
      expect(csv.startsWith("\uFEFFFamiljecentral;")).toBe(true);
      expect(csv.endsWith("\r\n")).toBe(true);
      expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
    }
    expect(read("familjecentraler/norrvik.csv")).toContain(";0,125;0,6666666667;nej;");
  });

  it("makes the annual-report draft say when it is due and list the improvement work", () => {
    const html = read("familjecentraler/norrvik/arsberattelse/2024/index.html");

    expect(html).toContain("Ska lämnas till länets utvecklingsledare senast");
    expect(html).toContain("Förbättringsarbeten");
  });
});

describe("progress pages of the Stockholm handbook", () => {
  it("marks the proposed goal period as not decided", (context) => {
    const stockholm = siteOrSkip(site("handbok"), context).outDir;
    const html = readFileSync(join(stockholm, "mal/2027-2028/index.html"), "utf8");

    expect(html).toContain("Förslag – inte beslutat");
  });

  it("shows the real baseline and target of an improvement work with Underlag saknas and no invented values", (context) => {
    const stockholm = siteOrSkip(site("handbok"), context).outDir;
    const html = readFileSync(join(stockholm, "familjecentraler/spanga-tensta/index.html"), "utf8");

    expect(html).toContain("17,7\u00a0% (2019)");
    expect(html).toContain("30\u00a0% år 2022");
    expect(html).toContain("Underlag saknas");
    expect(html).toContain("ingen ännu");
  });
});
