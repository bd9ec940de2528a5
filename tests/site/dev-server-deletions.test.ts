import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevServerProcess } from "../../scripts/bench/dev-server.ts";

// Files deleted, renamed and added while the dev server runs (docs/dev-server.md §5), on a copy of the
// bundled county at the repository root, with the server run inside the copy and writing to its _site/,
// the way `npm start` runs in the repository. After each change the output must be what a fresh build of the same folder
// writes: no page of a vanished file left behind, and navigation and the search index without it.
const PROJECT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "fc-dev-deletions-"));
const root = join(work, "lan");
const out = join(root, "_site");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
let server: DevServerProcess;

const section = join(root, "content/vagledning/uppfoljning");
const newPage = join(section, "ny-rutin.md");
const renamedPage = join(section, "rutin-for-arkivering.md");
const page = (url: string): string => join(out, url, "index.html");
const html = (url: string): string => readFileSync(page(url), "utf8");
/** What the last complete rebuild printed: a whole one, or the second part of a centre's (docs/dev-server.md §2). */
const REBUILT = /^Uppdaterade \d+ (sidor \(hela webbplatsen\)|sammanfattande sidor)/gm;
const rebuilds = (): number => server.log.match(REBUILT)?.length ?? 0;
const indexed = (): number[] => [...server.log.matchAll(/^Sökindex klart: (\d+) sidor/gm)].map((m) => Number(m[1]));

/**
 * Makes a change and waits, however long a busy machine takes, until the output shows it (`done`), the
 * rebuild that wrote it is finished and the search index after it is written (with `pages` pages, when
 * given). A rename reaches the server as two events, which may be two rebuilds; polling for the final
 * state, not for a number of rebuilds, waits for both.
 */
async function change(what: string, act: () => void, done: () => boolean, pages?: number): Promise<void> {
  const before = { rebuilds: rebuilds(), log: server.log.length };
  act();
  await server.until(what, () => {
    const log = server.log;
    // Invalid data renders nothing (docs/dev-server.md §1): the output would never change.
    if (log.includes("Rätta felen ovan", before.log)) throw new Error(log.slice(before.log));
    return (
      rebuilds() > before.rebuilds &&
      done() &&
      log.lastIndexOf("Sökindex klart") > log.lastIndexOf("Uppdaterade ") &&
      (pages === undefined || indexed().at(-1) === pages)
    );
  });
}

const PAGE = `---
id: ny-rutin
titel: Ny rutin för arkivering
sammanfattning: Hur familjecentralen sparar och gallrar sina anteckningar från samverkansmöten.
målgrupper: [samordnare]
källor: [kalmar-2023]
granskad: 2026-10-15
nästa_granskning: 2028-10-15
ordning: 90
---

Familjecentralen sparar anteckningarna från samverkansmötena i två år och gallrar dem sedan.
`;

beforeAll(async () => {
  for (const dir of ["content", "data"]) cpSync(join(PROJECT, dir), join(root, dir), { recursive: true });
  // A page whose source went while no server ran: the server starts from an empty output folder, so it is
  // not served (the last test compares the whole folder with a fresh build).
  mkdirSync(join(out, "vagledning", "borttagen-medan-servern-stod"), { recursive: true });
  writeFileSync(join(out, "vagledning", "borttagen-medan-servern-stod", "index.html"), "<!doctype html><title>Gammal</title>\n");
  server = await DevServerProcess.start(root, out, undefined, root);
  await server.ready(root);
}, 0);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}, 0);

describe("the dev server on the bundled county, when files come and go", () => {
  const NEW = "vagledning/uppfoljning/ny-rutin";
  const RENAMED = "vagledning/uppfoljning/rutin-for-arkivering";
  const yearFile = join(root, "data/uppfoljning/2025/bro.yaml");
  const drafts = (): string[] =>
    readdirSync(join(out, "familjecentraler"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(page(`familjecentraler/${d.name}/arsberattelse/2025`)))
      .map((d) => d.name);

  it("adds a new guidance page to the site, its section and search", { timeout: 0 }, async () => {
    const pages = indexed().at(-1)! + 1;
    await change(
      "en ny sida",
      () => writeFileSync(newPage, PAGE),
      () => existsSync(page(NEW)),
      pages,
    );
    expect(html(NEW)).toContain("Ny rutin för arkivering");
    expect(html("vagledning/uppfoljning")).toContain(`href="/${NEW}/"`);
  });

  it("moves a renamed guidance page: the old address is gone from the output and from navigation", { timeout: 0 }, async () => {
    const pages = indexed().at(-1)!;
    const moved = (): boolean => !existsSync(page(NEW)) && existsSync(page(RENAMED));
    await change("att sidan bytte namn", () => renameSync(newPage, renamedPage), moved, pages);
    expect(existsSync(join(out, NEW))).toBe(false);
    expect(html(RENAMED)).toContain("Ny rutin för arkivering");
    expect(html("vagledning/uppfoljning")).not.toContain(`href="/${NEW}/"`);
    expect(html("vagledning/uppfoljning")).toContain(`href="/${RENAMED}/"`);
  });

  it("removes a deleted guidance page from the output, navigation and search", { timeout: 0 }, async () => {
    const pages = indexed().at(-1)! - 1;
    await change(
      "att sidan togs bort",
      () => rmSync(renamedPage),
      () => !existsSync(page(RENAMED)),
      pages,
    );
    expect(html("vagledning/uppfoljning")).not.toContain(`/${RENAMED}/`);
    expect(html("webbplatskarta")).not.toContain(`/${RENAMED}/`);
  });

  it("adds a follow-up year when a centre's first file for it appears", { timeout: 0 }, async () => {
    // 2025 is before the county's follow-up year, so no centre has a draft for it yet.
    expect(drafts()).toEqual([]);
    const text =
      "# yaml-language-server: $schema=../../../schemas/uppfoljning.schema.json\nfamiljecentral: bro\når: 2025\nårsberättelse: { inlämnad: null }\n";
    await change(
      "en ny uppföljningsfil",
      () => {
        mkdirSync(dirname(yearFile), { recursive: true });
        writeFileSync(yearFile, text);
      },
      () => drafts().length > 1,
    );
    expect(drafts()).toContain("bro");
  });

  it("removes every page of a follow-up year whose last file was deleted", { timeout: 0 }, async () => {
    await change(
      "att uppföljningsfilen togs bort",
      () => rmSync(yearFile),
      () => drafts().length === 0,
    );
    expect(existsSync(join(out, "familjecentraler/bro/arsberattelse/2025"))).toBe(false);
    expect(html("familjecentraler/bro")).not.toContain("/arsberattelse/2025/");
  });

  it("removes a deleted centre's pages and downloads, and lists it nowhere", { timeout: 0 }, async () => {
    expect(existsSync(page("familjecentraler/varby"))).toBe(true);
    const gone = (): boolean => readdirSync(join(out, "familjecentraler")).every((f) => !f.startsWith("varby"));
    await change("att en familjecentral togs bort", () => rmSync(join(root, "data/familjecentraler/varby.yaml")), gone);
    expect(html("familjecentraler")).not.toContain("/familjecentraler/varby/");
  });

  it("leaves the same files as a fresh build of the changed folder", { timeout: 0 }, () => {
    const full = join(work, "full");
    const build = spawnSync(process.execPath, [tsxCli, join(PROJECT, "scripts/cli/build.ts"), "--root", root, "--out", full], {
      cwd: PROJECT,
      encoding: "utf8",
    });
    expect(build.status, build.stderr).toBe(0);
    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => !f.startsWith("pagefind") && statSync(join(dir, f)).isFile())
        .sort();
    expect(files(out)).toEqual(files(full));
    const differing = files(full).filter((f) => !readFileSync(join(full, f)).equals(readFileSync(join(out, f))));
    expect(differing).toEqual([]);
  });
});
