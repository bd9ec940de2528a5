import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_SCALE, generateRoot } from "../../scripts/bench/generate.ts";
import type { Handbok } from "../../scripts/model/types.ts";
import { progressViews, type ProgressViews } from "../../scripts/progress/views.ts";
import { annualReportHtml } from "../../scripts/site/pages/annual-report-page.ts";
import { centrePageHtml } from "../../scripts/site/pages/centre-page.ts";
import { compilationHtml } from "../../scripts/site/pages/compilation-page.ts";
import { pageContext, type PageContext } from "../../scripts/site/pages/context.ts";
import { countyKommunHtml, countyPictureHtml } from "../../scripts/site/pages/county-picture.ts";
import { goalPageHtml, goalPartHtml } from "../../scripts/site/pages/goal-page.ts";
import { periodPageHtml } from "../../scripts/site/pages/period-page.ts";
import { validateRoot } from "../../scripts/validate/index.ts";

// No page may grow with the number of centres (docs/decisions.md §10): at the benchmark's default scale
// (400 centres, 10 years, scripts/bench/generate.ts) every progress page stays within 150 KB of HTML. The
// page functions write the article inside <main>; the page shell around it (head, header, menu,
// breadcrumbs, footer) is about 4 KB, and SHELL leaves room for it, so the article may use at most 150 − 12 KB. Deterministic: the
// generator is seeded and sizes are bytes, not time.
const KB = 1024;
const PAGE_LIMIT = 150 * KB;
const SHELL = 12 * KB;

let dir = "";
let views: ProgressViews;
let ctx: PageContext;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "fc-stort-lan-"));
  generateRoot(dir, { ...DEFAULT_SCALE, editions: 1, pages: 5 });
  const result = validateRoot(dir);
  if (!result.model) throw new Error("det genererade länet validerar inte");
  const handbok: Handbok = result.model;
  views = progressViews(handbok);
  ctx = pageContext(handbok, views);
}, 0);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const bytes = (html: string): number => Buffer.byteLength(html, "utf8");

/** Every progress page written by a page function, with its address and article. */
function allPages(): { url: string; html: string }[] {
  return [
    ...views.centrePages.map((p) => ({ url: `/familjecentraler/${p.cp.centre.id}/`, html: centrePageHtml(p, ctx) })),
    ...views.reportPages.map((r) => ({
      url: `/familjecentraler/${r.cp.centre.id}/arsberattelse/${r.year.year}/`,
      html: annualReportHtml(r),
    })),
    ...views.model.periods.map((mp) => ({ url: `/mal/${mp.period.id}/`, html: periodPageHtml(mp) })),
    ...views.goalPages.map((g) => ({ url: `/mal/${g.period.id}/${g.goal.id}/`, html: goalPageHtml(g, ctx) })),
    ...views.goalParts.map((part) => ({ url: part.url, html: goalPartHtml(part) })),
    { url: "/lagesbild/", html: countyPictureHtml(ctx) },
    ...views.countyKommunPages.map((k) => ({ url: k.url, html: countyKommunHtml(ctx, k.kommun) })),
    ...views.compilationPages.map((c) => ({ url: c.url, html: compilationHtml(c, ctx) })),
  ];
}

describe("progress pages of a county with 400 centres and 10 years", () => {
  it(`keeps every page within ${PAGE_LIMIT / KB} KB of HTML`, () => {
    const pages = allPages();
    const over = pages.filter((p) => bytes(p.html) + SHELL > PAGE_LIMIT).map((p) => `${p.url}: ${Math.ceil(bytes(p.html) / KB)} KB`);

    expect(views.model.centres.length).toBe(400);
    expect(pages.length).toBeGreaterThan(4400);
    expect(over).toEqual([]);
  });

  it("splits the county picture, the goal pages and the compilations by municipality", () => {
    expect(views.countySplit).toBe(true);
    expect(views.countyKommunPages.length).toBe(views.kommuner.length);
    expect(views.goalParts.length).toBeGreaterThan(views.goalPages.length);
    expect(views.compilationPages.filter((c) => c.kind === "översikt").length).toBe(views.compilationYears.length);
  });

  it("links every part from the page it was split from, and puts every centre of a year in exactly one part", () => {
    const lagesbild = countyPictureHtml(ctx);
    for (const k of views.countyKommunPages) expect(lagesbild).toContain(`href="${k.url}`);

    for (const overview of views.compilationPages.filter((c) => c.kind === "översikt")) {
      const html = compilationHtml(overview, ctx);
      const parts = overview.children ?? [];
      for (const part of parts) expect(html).toContain(`href="${part.url}"`);
      const centres = parts.flatMap((p) => p.reports.map((r) => r.cp.centre.id));
      expect(new Set(centres).size).toBe(centres.length);
      expect(centres.length).toBe(views.reportPages.filter((r) => r.year.year === overview.year).length);
    }

    for (const goal of views.goalPages) {
      const html = goalPageHtml(goal, ctx);
      const parts = views.goalParts.filter((p) => p.goalPage === goal);
      for (const part of parts) expect(html).toContain(`href="${part.url}#`);
      const kommuner = parts.flatMap((p) => p.kommuner.map((k) => k.id));
      expect(kommuner).toEqual(views.kommuner.map((k) => k.id));
    }
  });
});
