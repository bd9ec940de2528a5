import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevServerProcess } from "../../scripts/bench/dev-server.ts";

// The dev server's partial rebuild (docs/dev-server.md) on a copy of the example county: one centre's file
// changes, and that centre's pages and the pages that sum up all centres change with it, while pages that
// do not show the centre are not written again. An invalid edit keeps the last valid site.
const PROJECT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "fc-dev-server-"));
const root = join(work, "exempellan");
const out = join(work, "site");
const centreFile = join(root, "data/familjecentraler/angsby.yaml");
const REBUILT = "Uppdaterade ";
const AGGREGATES = "sammanfattande sidor";
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
let server: DevServerProcess;

const html = (url: string): string => readFileSync(join(out, url, "index.html"), "utf8");
const mtime = (url: string): number => statSync(join(out, url, "index.html")).mtimeMs;
const htmlUnder = (dir: string): string[] =>
  readdirSync(join(out, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => readFileSync(join(out, dir, f), "utf8"));

/** Writes the centre file with `edit` applied and waits until the server has finished one more rebuild. */
async function edit(change: (text: string) => string, done: string, times: number): Promise<void> {
  writeFileSync(centreFile, change(readFileSync(centreFile, "utf8")));
  await server.printed(done, times);
}

beforeAll(async () => {
  cpSync(join(PROJECT, "examples/exempellan"), root, { recursive: true });
  server = await DevServerProcess.start(root, out);
  await server.printed("Handboken visas på");
  // The first build's search index is written in the background; wait for it so that it does not
  // compete with the rebuilds below.
  await server.printed("Sökindex klart");
}, 0);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}, 0);

describe("the dev server after one centre's file changes", () => {
  it("re-renders that centre's pages and the county pages, and leaves other pages alone", { timeout: 0 }, async () => {
    expect(server.count(REBUILT)).toBe(1);
    const untouched = ["familjecentraler/backdalen", "vagledning"].map((url) => ({ url, mtime: mtime(url) }));
    const report = "familjecentraler/angsby/rapportera";
    const reportBefore = mtime(report);
    // Time stamps must be able to differ.
    await new Promise((done) => setTimeout(done, 50));

    await edit((t) => t.replace("namn: Familjecentralen Ängsby", "namn: Familjecentralen Ängsby äng"), AGGREGATES, 1);

    // First the centre's own pages, then, as a rebuild of its own, the pages that sum up centres.
    const lines = server.log.split("\n").filter((l) => l.startsWith(REBUILT));
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^Uppdaterade \d+ sidor för angsby på/),
      expect.stringMatching(/^Uppdaterade \d+ sammanfattande sidor för angsby på/),
    ]);
    expect(html("familjecentraler/angsby")).toContain("Familjecentralen Ängsby äng");
    expect(htmlUnder("lagesbild").some((page) => page.includes("Familjecentralen Ängsby äng"))).toBe(true);
    expect(html("familjecentraler")).toContain("Familjecentralen Ängsby äng");
    expect(readFileSync(join(out, "familjecentraler/angsby.json"), "utf8")).toContain("Familjecentralen Ängsby äng");
    expect(mtime(report)).toBeGreaterThan(reportBefore);
    for (const page of untouched) expect(mtime(page.url), page.url).toBe(page.mtime);
    // Search catches up in the background, after the page.
    await server.printed("Sökindex klart", 2);
  });

  it("answers an invalid edit with the Swedish message and keeps serving the last valid site", { timeout: 0 }, async () => {
    const before = server.log.length;
    const pageBefore = mtime("familjecentraler/angsby");
    await edit((t) => t.replace("storlek: liten", "storlek: jättestor"), "webbplatsen visar de senaste giltiga uppgifterna", 1);

    const printed = server.log.slice(before);
    expect(printed).toMatch(/data\/familjecentraler\/angsby\.yaml:\d+:\d+/);
    expect(printed).toContain("storlek");
    expect(printed).not.toMatch(/\n\s+at /);
    // Nothing was rendered from the invalid data, and the last valid page is still served.
    expect(mtime("familjecentraler/angsby")).toBe(pageBefore);
    const served = await fetch(`http://127.0.0.1:${server.port}/familjecentraler/angsby/`);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain("Familjecentralen Ängsby äng");

    // Fixing the file brings the next rebuild back.
    await edit((t) => t.replace("storlek: jättestor", "storlek: stor"), AGGREGATES, 2);
    expect(html("familjecentraler/angsby")).toMatch(/Stor/);
  });

  it("rebuilds every page when an edit changes what other centres' pages show", { timeout: 0 }, async () => {
    // A collaboration survey's scores feed the county average that every centre's profile compares with
    // (docs/dev-server.md §2): only a whole rebuild leaves the other centres' pages right.
    const surveyFile = join(root, "data/uppfoljning/2023/angsby.yaml");
    const other = html("familjecentraler/backdalen");
    const before = server.count("(hela webbplatsen)");
    writeFileSync(surveyFile, readFileSync(surveyFile, "utf8").replace("    tid: 3.8", "    tid: 2.8"));
    await server.printed("(hela webbplatsen)", before + 1);
    expect(html("familjecentraler/backdalen")).not.toBe(other);
    await server.printed("Sökindex klart", 4);
  });

  it("leaves the same site as a full build of the edited files", { timeout: 0 }, () => {
    // Every page a partial rebuild skipped must still be right: a template that shows centre data but is
    // missing from dev-scope.ts's list would differ here.
    const full = join(work, "full");
    const build = spawnSync(process.execPath, [tsxCli, join(PROJECT, "scripts/cli/build.ts"), "--root", root, "--out", full], {
      cwd: PROJECT,
      encoding: "utf8",
    });
    expect(build.status, build.stderr).toBe(0);
    const files = readdirSync(full, { recursive: true, encoding: "utf8" }).filter(
      (f) => !f.startsWith("pagefind") && statSync(join(full, f)).isFile(),
    );
    expect(files.length).toBeGreaterThan(100);
    const differing = files.filter((f) => !readFileSync(join(full, f)).equals(readFileSync(join(out, f))));
    expect(differing).toEqual([]);
  });
});
