import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Handbok } from "../../scripts/model/types.ts";
import { centreDerivedBasis, countyBasis } from "../../scripts/progress/model.ts";
import { ownViews, progressViews } from "../../scripts/progress/views.ts";
import { formPages } from "../../scripts/report/form-model.ts";
import { validateRoot } from "../../scripts/validate/index.ts";

// The dev server's first rebuild part writes one centre's pages from views of that centre only
// (docs/dev-server.md §2): they must be the views a whole build makes for it.
const EXAMPLE = resolve(import.meta.dirname, "../../examples/exempellan");
const result = validateRoot(EXAMPLE);
if (!result.model) throw new Error("the example county should validate");
const example: Handbok = result.model;

describe("one centre's views", () => {
  const all = progressViews(example);
  const ids = example.familjecentraler.map((c) => c.id);

  it.each(ids)("equal the whole build's centre page and drafts for %s", (id) => {
    const own = ownViews(example, new Set([id]));
    expect(own.centrePages).toEqual(all.centrePages.filter((p) => p.cp.centre.id === id));
    expect(own.reportPages).toEqual(all.reportPages.filter((r) => r.cp.centre.id === id));
    expect(own.model.centres).toEqual(all.model.centres.filter((cp) => cp.centre.id === id));
    expect(own.model.nowYear).toBe(all.model.nowYear);
    expect(formPages(example, new Set([id]))).toEqual(formPages(example).filter((f) => f.centre.id === id));
  });

  it("keeps several centres in the whole build's order", () => {
    const some = new Set(ids.slice(0, 3));
    expect(ownViews(example, some).centrePages.map((p) => p.cp.centre.id)).toEqual(
      all.centrePages.filter((p) => some.has(p.cp.centre.id)).map((p) => p.cp.centre.id),
    );
  });

  it("tells a survey score that moves the county's average apart from other edits", () => {
    const basis = centreDerivedBasis(countyBasis(example));
    const edit = (change: (c: Handbok["familjecentraler"][number]) => Handbok["familjecentraler"][number]): Handbok => ({
      ...example,
      familjecentraler: example.familjecentraler.map((c, i) => (i === 0 ? change(c) : c)),
    });
    const renamed = edit((c) => ({ ...c, namn: `${c.namn} (ändrad)` }));
    expect(centreDerivedBasis(countyBasis(renamed))).toBe(basis);
    const rescored = edit((c) => ({
      ...c,
      uppföljning: c.uppföljning?.map((e) =>
        e.samverkansenkät ? { ...e, samverkansenkät: { ...e.samverkansenkät, faktorer: { ...e.samverkansenkät.faktorer, tid: 1 } } } : e,
      ),
    }));
    expect(example.familjecentraler[0]?.uppföljning?.some((e) => e.samverkansenkät)).toBe(true);
    expect(centreDerivedBasis(countyBasis(rescored))).not.toBe(basis);
  });
});
