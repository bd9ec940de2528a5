import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevServerProcess } from "../../scripts/bench/dev-server.ts";

// The dev server's partial rebuild (docs/dev-server.md) on a copy of the example county: one centre's file
// changes, and that centre's pages and the pages that sum up all centres change with it, while pages that
// do not show the centre are not written again. An invalid edit keeps the last valid site. Deleted files
// take their pages with them (docs/dev-server.md §5); tests/site/dev-server-deletions.test.ts has the
// bundled county's guidance pages and centres.
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
  // Served, first search index written (it would compete with the rebuilds below), watcher live.
  await server.ready(root);
}, 0);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}, 0);

describe("the dev server after one centre's file changes", () => {
  it("re-renders that centre's pages and the county pages, and leaves other pages alone", { timeout: 0 }, async () => {
    const rebuiltBefore = server.count(REBUILT);
    const untouched = ["familjecentraler/backdalen", "vagledning"].map((url) => ({ url, mtime: mtime(url) }));
    const report = "familjecentraler/angsby/rapportera";
    const reportBefore = mtime(report);
    // Time stamps must be able to differ.
    await new Promise((done) => setTimeout(done, 50));

    await edit((t) => t.replace("namn: Familjecentralen Ängsby", "namn: Familjecentralen Ängsby äng"), AGGREGATES, 1);

    // First the centre's own pages, then, as a rebuild of its own, the pages that sum up centres.
    const lines = server.log.split("\n").filter((l) => l.startsWith(REBUILT));
    expect(lines.slice(rebuiltBefore)).toEqual([
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
    await server.printed("Sökindex klart", 3);
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
    await server.printed("Sökindex klart", 5);
  });

  it("follows a deleted follow-up year file: the centre's draft for the year shows no report", { timeout: 0 }, async () => {
    // Every centre has a draft for each of the county's follow-up years (progress/model.ts), so the page
    // stays and shows the year as not reported, as in a fresh build (compared below). A deletion is a
    // whole rebuild (docs/dev-server.md §5); tests/site/dev-server-deletions.test.ts has a year that vanishes.
    const draft = "familjecentraler/angsby/arsberattelse/2025";
    const before = { draft: html(draft), rebuilds: server.count("(hela webbplatsen)") };
    rmSync(join(root, "data/uppfoljning/2025/angsby.yaml"));
    await server.printed("(hela webbplatsen)", before.rebuilds + 1);
    expect(html(draft)).not.toBe(before.draft);
    await server.printed("Sökindex klart", 6);
  });

  it("reports the year files of a deleted centre and keeps the last valid site until it is back", { timeout: 0 }, async () => {
    const file = join(root, "data/familjecentraler/backdalen.yaml");
    const text = readFileSync(file, "utf8");
    const before = server.log.length;
    const invalid = server.count("webbplatsen visar de senaste giltiga uppgifterna");
    const pageBefore = mtime("familjecentraler/backdalen");
    rmSync(file);
    await server.printed("webbplatsen visar de senaste giltiga uppgifterna", invalid + 1);

    const printed = server.log.slice(before);
    expect(printed).toMatch(
      /data\/uppfoljning\/2022\/backdalen\.yaml:\d+:\d+ fel referens familjecentral: Familjecentralen ”backdalen” finns inte i data\/familjecentraler\//,
    );
    expect(printed).not.toMatch(/\n\s+at /);
    expect(printed).not.toContain(REBUILT);
    expect(mtime("familjecentraler/backdalen")).toBe(pageBefore);
    const served = await fetch(`http://127.0.0.1:${server.port}/familjecentraler/backdalen/`);
    expect(served.status).toBe(200);

    // Back again: the site the server shows is the one it showed before the file went.
    const rebuilt = server.count(AGGREGATES) + server.count("(hela webbplatsen)");
    writeFileSync(file, text);
    await server.until(
      "ombyggnaden efter att filen kom tillbaka",
      () => server.count(AGGREGATES) + server.count("(hela webbplatsen)") > rebuilt,
    );
    expect(html("familjecentraler")).toContain("/familjecentraler/backdalen/");
    await server.printed("Sökindex klart", 7);
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
    const filesIn = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => !f.startsWith("pagefind") && statSync(join(dir, f)).isFile())
        .sort();
    const files = filesIn(full);
    expect(files.length).toBeGreaterThan(100);
    // No page of a deleted file is left behind either (docs/dev-server.md §5).
    expect(filesIn(out)).toEqual(files);
    const differing = files.filter((f) => !readFileSync(join(full, f)).equals(readFileSync(join(out, f))));
    expect(differing).toEqual([]);
  });
});
