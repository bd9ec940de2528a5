import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectDir } from "../../scripts/paths.ts";
import { recoverOutput } from "../../scripts/cli/output-swap.ts";
import { describeBuildError } from "../../scripts/site/build-errors.ts";
import { findPersonalEmails, findPersonnummer } from "../../scripts/validate/rules/privacy.ts";
import { filesContaining, listFiles, run, runBypass, sandbox, STACK_TRACE, type Sandbox } from "./support.ts";

// Adversarial inputs that must build (escaping, hostile free text, long lines, warnings), Eleventy's own
// defences with validation bypassed, and interrupted builds. Builds are few and grouped: one root carries
// all the inputs that should build.

const boxes: Sandbox[] = [];
afterAll(() => {
  for (const box of boxes) box.remove();
});

/** A process id that no longer exists: a child that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ["-e", ""]).pid ?? 999_999;

const XSS = `<img src=x onerror=alert(1)>`;
const SPECIAL = `Barn & Familj <b>"fet"</b> 'citat'`;
const SPECIAL_HTML = `Barn &amp; Familj &lt;b&gt;&quot;fet&quot;&lt;/b&gt; &#39;citat&#39;`;
const CENTRE = "data/familjecentraler/angsby.yaml";

describe.concurrent("adversarial roots that build", () => {
  it("escapes every name and title once, publishes no hostile text raw, survives long lines and cleans up stale folders", async () => {
    const box = sandbox();
    boxes.push(box);
    box.replace(CENTRE, "namn: Familjecentralen Ängsby", `namn: "${SPECIAL.replace(/"/g, '\\"')} centralen"`);
    box.replace(
      CENTRE,
      "mål: Fler föräldrar känner till att de kan få råd av socialtjänsten på familjecentralen.",
      `mål: '${XSS} Fler föräldrar känner till rådgivningen.'`,
    );
    box.replace("data/lasvagar.yaml", "titel: Ny samordnare", `titel: "${SPECIAL.replace(/"/g, '\\"')} samordnare"`);
    box.replace(
      "data/lasvagar.yaml",
      "inledning: Börja med uppdraget, läs sedan om roller, uppföljning och förbättringsarbete.",
      `inledning: '${XSS} Börja med uppdraget.'`,
    );
    box.replace("data/mal/2024-2025.yaml", "namn: Stöd som är lätt att nå", `namn: "${SPECIAL.replace(/"/g, '\\"')} stöd"`);
    box.replace("content/om/index.md", "titel: Om exemplet", `titel: "${SPECIAL.replace(/"/g, '\\"')} om"`);
    box.replace(
      "content/om/index.md",
      "sammanfattning: Vad Exempellänet är, varför det finns och hur det är uppbyggt.",
      `sammanfattning: '${XSS} Vad Exempellänet är.'`,
    );
    // Long Markdown lines that once made validation and rendering hang, and hostile text in the body.
    writeFileSync(
      join(box.root, "content/om/index.md"),
      readFileSync(join(box.root, "content/om/index.md"), "utf8") +
        `\n${XSS} <script>alert(2)</script> [länk](javascript:alert(3))\n\n${"[".repeat(150_000)}\n\n${"x".repeat(200_000)}\n\n${"*a".repeat(50_000)}\n\n${" ".repeat(100_000)}x\n`,
    );
    // A target on the wrong side of the baseline is a warning: the build goes on.
    box.replace(CENTRE, "målvärde: { värde: 70, år: 2026 }", "målvärde: { värde: 30, år: 2026 }");
    // An old site, and the leftovers of a build that died.
    mkdirSync(box.out);
    writeFileSync(join(box.out, "gammal.txt"), "förra bygget");
    const stale = `${box.out}.tmp-${deadPid()}`;
    mkdirSync(stale);
    writeFileSync(join(stale, "halv.html"), "x".repeat(1000));

    const result = await run("build", ["--root", box.root, "--out", box.out]);

    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(result.output).toMatch(
      /^data\/familjecentraler\/angsby\.yaml:\d+:\d+ varning riktning .*målvärdet 30 är lägre än utgångsläget 40/m,
    );
    expect(result.output).toMatch(/Tog bort out\.tmp-\d+, som ett avbrutet bygge lämnade kvar\./);
    expect(box.strays()).toEqual([]);
    expect(existsSync(join(box.out, "gammal.txt"))).toBe(false);
    // Names and titles: escaped exactly once wherever they appear.
    const html = listFiles(box.out).filter((f) => f.endsWith(".html"));
    const centre = readFileSync(join(box.out, "familjecentraler/angsby/index.html"), "utf8");
    expect(centre).toMatch(new RegExp(`<title>${SPECIAL_HTML.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} centralen`));
    expect(filesContaining(box.out, "&amp;amp;")).toEqual([]);
    expect(filesContaining(box.out, "&amp;lt;")).toEqual([]);
    expect(filesContaining(box.out, "&amp;quot;")).toEqual([]);
    expect(filesContaining(box.out, "&amp;#39;")).toEqual([]);
    for (const page of ["ny/samordnare/index.html", "om/index.html", "familjecentraler/angsby/arsberattelse/2024/index.html"])
      expect(readFileSync(join(box.out, page), "utf8"), page).toContain(SPECIAL_HTML);
    expect(html.length).toBeGreaterThan(50);
    // Hostile text is never markup: not in HTML, SVG or XML, in JSON only with `<` written as \u003c, and in
    // CSV/Pagefind only as escaped data.
    const markup = (f: string): boolean => /\.(html|svg|xml)$|_headers$/.test(f);
    for (const payload of [XSS, "<script>alert(2)", 'href="javascript:', "<b>"])
      expect(filesContaining(box.out, payload, markup), payload).toEqual([]);
    for (const f of filesContaining(box.out, XSS)) expect(f, `${f} holds the payload as data only`).toMatch(/\.(csv|pf_fragment)$/);
    const json = readFileSync(join(box.out, "familjecentraler/angsby.json"), "utf8");
    expect(JSON.stringify(JSON.parse(json))).toContain(XSS.slice(0, 4));
  }, 900_000);

  it("Eleventy runs and publishes nothing from a content root even with validation bypassed", async () => {
    const box = sandbox();
    boxes.push(box);
    const payload = mkdtempSync(join(tmpdir(), "fc-payload-"));
    const content = join(payload, "content");
    mkdirSync(join(content, "vagledning/uppdrag"), { recursive: true });
    mkdirSync(join(content, "om"), { recursive: true });
    mkdirSync(join(content, "_data-ej-anvand"), { recursive: true });
    const write = (rel: string, text: string): void => writeFileSync(join(content, rel), text);
    const pw = (name: string): string => JSON.stringify(join(box.dir, `pwned-${name}`));
    write(
      "x.njk",
      `{{ range.constructor("return global.process.getBuiltinModule('fs').writeFileSync(${pw("njk").replace(/"/g, "'")}, 'x')")() }}PAYLOAD-NJK\n`,
    );
    write("x.liquid", "PAYLOAD-LIQUID {{ 'x' | append: 'y' }}\n");
    write("x.html", "<script>alert('PAYLOAD-HTML')</script>\n");
    write("y.11ty.cjs", `module.exports = () => { require("fs").writeFileSync(${pw("11ty")}, "x"); return "PAYLOAD-11TY"; };\n`);
    write(
      "vagledning/vagledning.11tydata.cjs",
      `require("fs").writeFileSync(${pw("cjs")}, "x"); module.exports = { titel: "PAYLOAD-DATA" };\n`,
    );
    write("vagledning/vagledning.11tydata.js", `require("fs").writeFileSync(${pw("js")}, "x"); module.exports = {};\n`);
    write("index.11tydata.mjs", `import fs from "fs"; fs.writeFileSync(${pw("mjs")}, "x"); export default {};\n`);
    write("vagledning/uppdrag/index.11tydata.json", `{ "permalink": "../../pwned.html" }\n`);
    write("vagledning/vagledning.json", `{ "permalink": "../../pwned-dir.html" }\n`);
    write("_data-ej-anvand/x.cjs", `require("fs").writeFileSync(${pw("global")}, "x"); module.exports = {};\n`);
    const om = readFileSync(join(box.root, "content/om/index.md"), "utf8");
    write(
      "om/index.md",
      om.replace(
        "id: om\n",
        `id: om\npermalink: ../../pwned-permalink.html\nlayout: ../../../../../..${box.root}/content/x.njk\neleventyComputed: { titel: "{{ 7 * 7 }}PAYLOAD-COMPUTED" }\n`,
      ),
    );
    const result = await runBypass(box.root, payload, box.out);
    rmSync(payload, { recursive: true, force: true });

    expect(result.code, result.output).toBe(0);
    expect(box.strays()).toEqual([]);
    for (const needle of ["PAYLOAD", "alert(", "49PAYLOAD"]) expect(filesContaining(box.out, needle), needle).toEqual([]);
    expect(existsSync(join(box.out, "x/index.html"))).toBe(false);
    expect(existsSync(join(box.out, "om/index.html"))).toBe(true);
  }, 900_000);

  it("a page that is a link to a file outside the root stops Eleventy itself", async () => {
    const box = sandbox();
    boxes.push(box);
    const payload = mkdtempSync(join(tmpdir(), "fc-payload-"));
    mkdirSync(join(payload, "content"));
    writeFileSync(join(box.dir, "outside.md"), "---\nid: ute\n---\nPAYLOAD-OUTSIDE\n");
    symlinkSync(join(box.dir, "outside.md"), join(payload, "content/ute.md"));
    const result = await runBypass(box.root, payload, box.out);
    rmSync(payload, { recursive: true, force: true });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain("content/ute.md: filen är en symbolisk länk eller ligger utanför innehållsroten");
    expect(filesContaining(box.out, "PAYLOAD-OUTSIDE")).toEqual([]);
  }, 900_000);

  it("SIGTERM stops the build, removes its temporary folder and leaves the old site", async () => {
    const box = sandbox();
    boxes.push(box);
    mkdirSync(box.out);
    writeFileSync(join(box.out, "gammal.txt"), "förra bygget");
    let pid = 0;
    const watcher = setInterval(() => {
      if (pid && existsSync(`${box.out}.tmp-${pid}`)) {
        clearInterval(watcher);
        process.kill(pid, "SIGTERM");
      }
    }, 100);

    const result = await run("build", ["--root", box.root, "--out", box.out], (p) => (pid = p));
    clearInterval(watcher);

    expect(result.code, result.output).toBe(143);
    expect(result.output).toMatch(/build: avbröts \(SIGTERM\)\. Den tidigare webbplatsen i .* finns kvar oförändrad\./);
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(readFileSync(join(box.out, "gammal.txt"), "utf8")).toBe("förra bygget");
    expect(box.strays()).toEqual([]);
  }, 900_000);
});

describe("output swap and build errors", () => {
  it("restores the old site when a build was killed between the two renames, and removes dead builds' folders", () => {
    const dir = mkdtempSync(join(tmpdir(), "fc-swap-"));
    const out = join(dir, "_site");
    const pid = deadPid();
    mkdirSync(`${out}.old-${pid}`);
    writeFileSync(`${out}.old-${pid}/index.html`, "gamla sajten");
    mkdirSync(`${out}.tmp-${pid}`);
    mkdirSync(`${out}.tmp-${process.ppid}`); // a live process: left alone

    const notes = recoverOutput(out);

    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("gamla sajten");
    expect(existsSync(`${out}.tmp-${pid}`)).toBe(false);
    expect(existsSync(`${out}.tmp-${process.ppid}`)).toBe(true);
    expect(notes[0]).toMatch(/^Återställde den förra webbplatsen/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("names a Nunjucks error's template and real line in Swedish", () => {
    const inner = new Error(
      `(./_includes/layouts/bas.njk)\n  Template render error: (${projectDir}/_includes/partials/sidfot.njk) [Line 3, Column 62]\n  unexpected token: }}`,
    );
    const outer = Object.assign(new Error('Having trouble writing to "/x/index.html" from "./content/index.md"'), { originalError: inner });

    expect(describeBuildError(outer, projectDir)).toBe(
      "_includes/partials/sidfot.njk:3:62 fel mall mallen kunde inte byggas på rad 3 (Nunjucks: ”unexpected token: }}”). Rätta mallen på den raden, till exempel ett ofullständigt {{ … }} eller {% … %}, och bygg igen.",
    );
  });

  it("measures the privacy check on a 1 MB single-line field (a benchmark figure, not a timed assertion)", () => {
    const line = `${"anna.andersson73@gmail.com 19811218-9876 ".repeat(12_000)}${"a".repeat(1 << 19)}`.slice(0, 1 << 20);
    const before = process.cpuUsage();
    const emails = findPersonalEmails(line).length;
    const numbers = findPersonnummer(line).length;
    const used = process.cpuUsage(before);
    process.stdout.write(
      `Integritetskontrollen på 1 MB (en rad): ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${emails} adresser, ${numbers} personnummer.\n`,
    );
    expect(emails).toBeGreaterThan(10_000);
  });
});
