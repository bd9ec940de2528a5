import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { projectDir } from "../../scripts/paths.ts";
import { buildRoot, runCli } from "./build.ts";
import { ensureChromium } from "./chromium.ts";
import type { BuiltSite } from "./site.ts";
import { serveStatic, type StaticServer } from "../../scripts/site/static-server.ts";

const ROOTS: { name: string; label: string; dir: string; mayBeUnfinished: boolean }[] = [
  // FC_TEST_HANDBOOK_ROOT points the handbook checks at another copy (e.g. a branch's content) while developing.
  {
    name: "handbok",
    label: "den medföljande handboken (Stockholms län)",
    dir: resolve(process.env.FC_TEST_HANDBOOK_ROOT || projectDir),
    mayBeUnfinished: true,
  },
  { name: "exempellan", label: "exempellänet", dir: resolve(projectDir, "examples/exempellan"), mayBeUnfinished: false },
  { name: "minimal", label: "minimala testroten", dir: resolve(projectDir, "tests/fixtures/minimal"), mayBeUnfinished: false },
];

/** Builds and serves one root. The bundled handbook is skipped, not failed, while its content does not validate yet. */
async function prepare(root: (typeof ROOTS)[number], workDir: string, servers: StaticServer[]): Promise<BuiltSite> {
  const site: BuiltSite = { name: root.name, label: root.label, rootDir: root.dir };
  if (root.mayBeUnfinished) {
    if (!existsSync(join(root.dir, "content"))) {
      return { ...site, skipReason: `${root.label} har ingen content/-mapp ännu` };
    }
    const validation = await runCli("validate", ["--root", root.dir]);
    if (validation.code !== 0) {
      const head = validation.output.split("\n").slice(0, 12).join("\n");
      return { ...site, skipReason: `${root.label} klarar inte valideringen ännu:\n${head}` };
    }
  }
  const outDir = join(workDir, root.name);
  try {
    await buildRoot(root.dir, outDir);
  } catch (error) {
    return { ...site, error: error instanceof Error ? error.message : String(error) };
  }
  const server = await serveStatic(outDir);
  servers.push(server);
  return { ...site, outDir, url: server.url };
}

/**
 * Vitest global setup: makes sure Chromium is there, builds every content root once into a temporary
 * folder and serves each on its own free port, so that all browser and output test files share them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  const workDir = mkdtempSync(join(tmpdir(), "fc-handbok-test-"));
  const servers: StaticServer[] = [];
  const sites = await Promise.all(ROOTS.map((root) => prepare(root, workDir, servers)));
  for (const site of sites) {
    if (site.skipReason) process.stdout.write(`Hoppar över ${site.label}: ${site.skipReason}\n`);
  }
  project.provide("sites", sites);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
    rmSync(workDir, { recursive: true, force: true });
  };
}
