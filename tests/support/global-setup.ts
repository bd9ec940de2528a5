import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { projectDir } from "../../scripts/paths.ts";
import { buildRoot, runCli } from "./build.ts";
import { ensureChromium } from "./chromium.ts";
import { BASE_PATH_SITE } from "./site-names.ts";
import type { BuiltSite } from "./site.ts";
import { serveStatic, type StaticServer } from "../../scripts/site/static-server.ts";

interface Root {
  name: string;
  label: string;
  dir: string;
  mayBeUnfinished: boolean;
  /** A site address with a path, given to the build as --webbplats; the site is then served only under that path. */
  webbplats?: string;
}

const ROOTS: Root[] = [
  // FC_TEST_HANDBOOK_ROOT points the handbook checks at another copy (e.g. a branch's content) while developing.
  {
    name: "handbok",
    label: "den medföljande handboken (Stockholms län)",
    dir: resolve(process.env.FC_TEST_HANDBOOK_ROOT || projectDir),
    mayBeUnfinished: true,
  },
  { name: "exempellan", label: "exempellänet", dir: resolve(projectDir, "examples/exempellan"), mayBeUnfinished: false },
  { name: "minimal", label: "minimala testroten", dir: resolve(projectDir, "tests/fixtures/minimal"), mayBeUnfinished: false },
  // Like a GitHub Pages project site: every link, asset, search bundle and diagram must resolve under /fc-handbok/.
  {
    name: BASE_PATH_SITE,
    label: "exempellänet under bassökvägen /fc-handbok/",
    dir: resolve(projectDir, "examples/exempellan"),
    mayBeUnfinished: false,
    webbplats: "https://exempel.github.io/fc-handbok/",
  },
];

/** Builds and serves one root. The bundled handbook is skipped, not failed, while its content does not validate yet. */
async function prepare(root: Root, workDir: string, servers: StaticServer[]): Promise<BuiltSite> {
  const basePath = root.webbplats ? new URL(root.webbplats).pathname : "/";
  const site: BuiltSite = { name: root.name, label: root.label, rootDir: root.dir, basePath };
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
    await buildRoot(root.dir, outDir, root.webbplats ? ["--webbplats", root.webbplats] : []);
  } catch (error) {
    return { ...site, error: error instanceof Error ? error.message : String(error) };
  }
  const server = await serveStatic(outDir, 0, basePath);
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
