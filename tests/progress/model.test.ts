import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

import type { Handbok } from "../../scripts/model/types.ts";
import { buildProgressModel, progressModel, type ProgressModel } from "../../scripts/progress/model.ts";
import { STATUSES, type ProgressStatus } from "../../scripts/progress/status.ts";
import { validateRoot } from "../../scripts/validate/index.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/exempellan");
const STOCKHOLM = resolve(import.meta.dirname, "../..");

function load(root: string): Handbok {
  const result = validateRoot(root);
  if (!result.model) throw new Error(`${root} validerar inte`);
  return result.model;
}

const example = load(EXAMPLE);
const model: ProgressModel = progressModel(example);

/** The status named at the start of a comment's text, longest name first ("Ej uppnått" before "Uppnått"). */
function statusIn(text: string): ProgressStatus | undefined {
  return [...STATUSES].sort((a, b) => b.length - a.length).find((status) => text.startsWith(status));
}

interface Intended {
  file: string;
  id: string;
  status: ProgressStatus;
}

/** `# avsedd status 2025: …` comments directly above an improvement work's `- id:` line. */
function intendedWorkStatuses(): Intended[] {
  const dir = join(EXAMPLE, "data/familjecentraler");
  const found: Intended[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    lines.forEach((line, index) => {
      const match = /^\s*# avsedd status \d{4}: (.*)$/.exec(line);
      if (match === null) return;
      const next = lines.slice(index + 1).find((l) => !/^\s*#/.test(l)) ?? "";
      const id = /^\s*- id: ([a-z0-9-]+)/.exec(next)?.[1];
      const status = statusIn(match[1] ?? "");
      if (id !== undefined && status !== undefined) found.push({ file: file.replace(/\.yaml$/, ""), id, status });
    });
  }
  return found;
}

describe("progress model of the example county", () => {
  it("gives every improvement work the status its comment in the data names", () => {
    const intended = intendedWorkStatuses();

    const computed = intended.map(({ file, id }) => ({
      file,
      id,
      status: model.centres.find((c) => c.centre.id === file)?.works.find((w) => w.workId === id)?.result.status,
    }));

    expect(intended.length).toBeGreaterThanOrEqual(12);
    expect(computed).toEqual(intended);
  });

  it("gives every county-goal indicator its commented status", () => {
    // The comments sit in the year files, data/uppfoljning/<år>/<centre>.yaml, beside the values they explain.
    const dir = join(EXAMPLE, "data/uppfoljning");
    const intended: string[] = [];
    const computed: string[] = [];
    const files = readdirSync(dir).flatMap((year) => readdirSync(join(dir, year)).map((f) => join(dir, year, f)));

    for (const path of files.filter((f) => f.endsWith(".yaml"))) {
      const centreId = basename(path).replace(/\.yaml$/, "");
      for (const line of readFileSync(path, "utf8").split("\n")) {
        const match = /# avsedd status ([a-z-]+) (\d{4})–(\d{4}): (.*)$/.exec(line);
        if (match === null) continue;
        const goal = model.centres
          .find((c) => c.centre.id === centreId)
          ?.goals.find((g) => g.indicator.id === match[1] && g.periodId === `${match[2]}-${match[3]}`);
        intended.push(`${centreId}/${match[1]}/${match[2]}: ${statusIn(match[4] ?? "") ?? "?"}`);
        computed.push(`${centreId}/${match[1]}/${match[2]}: ${goal?.result.status ?? "saknas"}`);
      }
    }

    expect(intended.length).toBeGreaterThan(50);
    expect(computed).toEqual(intended);
  });

  it("judges a centre that starts beyond the county target by the target, not as contradictory data", () => {
    const norrvik = model.centres.find((c) => c.centre.id === "norrvik");

    const goal = norrvik?.goals.find((g) => g.periodId === "2024-2025" && g.indicator.id === "samverkan-medel");

    expect(goal?.baseline).toEqual({ year: 2023, value: 4.1 });
    expect(goal?.result.status).toBe("Uppnått");
    expect(goal?.result.inconsistent).toBeUndefined();
  });

  it("reaches all seven statuses across improvement work and county goals", () => {
    const reached = new Set(model.centres.flatMap((c) => [...c.works, ...c.goals].map((g) => g.result.status)));

    expect([...STATUSES].filter((s) => !reached.has(s))).toEqual([]);
  });

  it("takes a county-goal baseline from the centre's own measurement before the period", () => {
    const norrvik = model.centres.find((c) => c.centre.id === "norrvik");

    const goal = norrvik?.goals.find((g) => g.periodId === "2024-2025" && g.indicator.id === "forstagangsforaldrar-of");

    expect(goal?.baseline).toEqual({ year: 2023, value: 55 });
    expect(goal?.baselineSource).toBe("egen mätning");
    expect(goal?.target).toEqual({ year: 2025, value: 55 });
    expect(goal?.result.status).toBe("Uppnått");
  });

  it("falls back on the indicator's county baseline when the centre measured nothing before the period", () => {
    const angsby = model.centres.find((c) => c.centre.id === "angsby");

    const goal = angsby?.goals.find((g) => g.periodId === "2022-2023" && g.indicator.id === "forstagangsforaldrar-of");

    expect(goal?.baseline).toEqual({ year: 2021, value: 40 });
    expect(goal?.baselineSource).toBe("länets utgångsläge");
  });

  it("applies a goal's manual status to its indicators and says it was set by hand", () => {
    const angsby = model.centres.find((c) => c.centre.id === "angsby");

    const goal = angsby?.goals.find((g) => g.goalId === "sprakutveckling");

    expect(goal?.result).toMatchObject({ status: "Begränsade framsteg", manual: true });
    expect(goal?.result.reason).toMatch(/sagostund/i);
  });

  it("keeps a status history per follow-up year within the period", () => {
    const norrvik = model.centres.find((c) => c.centre.id === "norrvik");

    const goal = norrvik?.goals.find((g) => g.periodId === "2024-2025" && g.indicator.id === "andel-i-foraldragrupp");

    expect(goal?.history.map((h) => h.year)).toEqual([2024, 2025]);
    expect(goal?.history.at(-1)?.status).toBe(goal?.result.status);
  });

  it("computes the model once per handbook object", () => {
    expect(progressModel(example)).toBe(model);
  });

  it("puts the current period first", () => {
    expect(model.periods.map((p) => p.period.id)).toEqual(["2024-2025", "2022-2023"]);
    expect(model.periods[0]?.current).toBe(true);
  });

  it("marks the visitor survey missing for a centre without one in a survey year", () => {
    const backdalen = model.centres.find((c) => c.centre.id === "backdalen");

    const year2025 = backdalen?.years.find((y) => y.year === 2025);

    expect(year2025?.visitorSurvey).toEqual({ state: "saknas", quota: 50 });
    expect(year2025?.collaborationSurvey?.done).toBe(false);
  });
});

describe("progress model of the Stockholm handbook", () => {
  const stockholm = buildProgressModel(load(STOCKHOLM));

  it("shows the real baselines and targets of the improvement work with Underlag saknas where nothing is measured", () => {
    const works = stockholm.centres.flatMap((c) => c.works);
    const spanga = works.find((w) => w.centreId === "spanga-tensta" && w.workId === "foraldragrupper");

    expect(works.length).toBeGreaterThan(0);
    expect(spanga?.baseline).toEqual({ year: 2019, value: 17.7 });
    expect(spanga?.target).toEqual({ year: 2022, value: 30 });
    for (const work of works.filter((w) => w.measurements.length === 0 && w.manual === undefined)) {
      expect(work.result.status).toBe("Underlag saknas");
      expect(work.result.missing).toContain("mätning");
    }
  });

  it("gives every centre a row for every county-goal indicator of the period, without invented values", () => {
    const period = stockholm.periods[0];
    const indicatorCount = period?.period.fokusområden.flatMap((f) => f.mål.flatMap((m) => m.indikatorer)).length ?? 0;

    expect(period?.indicators.length).toBe(indicatorCount * stockholm.centres.length);
    expect(period?.indicators.every((g) => g.measurements.length === 0 && g.result.status === "Underlag saknas")).toBe(true);
  });
});
