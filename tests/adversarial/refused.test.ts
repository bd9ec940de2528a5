import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { runCliBatch } from "../support/cli-batch.ts";
import { run, sandbox, STACK_TRACE, type Sandbox } from "./support.ts";

// Adversarial content roots that validation must refuse (docs/sakerhet.md). Each case is one copy of
// examples/exempellan with one hostile change, run through `npm run build`, which validates first and must
// stop there: exit 1, a Swedish message at file:line, no stack trace, no site, no temp folder, nothing
// written outside the output (payloads that would run write into the sandbox, which is then checked).

const CENTRE = "data/familjecentraler/angsby.yaml";
const PAGE = "content/om/index.md";
/** A Nunjucks payload that writes a file if it ever runs. */
const njkPayload = (dir: string): string =>
  `{{ range.constructor("return global.process.getBuiltinModule('fs').writeFileSync('${dir}/pwned-njk', 'x')")() }}\n`;
const jsPayload = (dir: string, name: string): string =>
  `require("fs").writeFileSync(${JSON.stringify(`${dir}/pwned-${name}`)}, "x"); module.exports = {};\n`;

interface Case {
  name: string;
  setup: (s: Sandbox) => void;
  /** The line the report must contain, as `file:line:col severity rule …`. */
  message: RegExp;
}

const CASES: Case[] = [
  // Code execution and raw HTML
  {
    name: "content/x.njk with a range.constructor payload",
    setup: (s) => s.write("content/x.njk", njkPayload(s.dir)),
    message: /^content\/x\.njk:1:1 fel filtyp filtypen ”\.njk” hör inte hemma under content\//m,
  },
  {
    name: "content/…/vagledning.11tydata.js",
    setup: (s) => s.write("content/vagledning/vagledning.11tydata.js", jsPayload(s.dir, "js")),
    message: /^content\/vagledning\/vagledning\.11tydata\.js:1:1 fel filtyp .*”\.js”/m,
  },
  {
    name: "content/…/vagledning.11tydata.cjs",
    setup: (s) => s.write("content/vagledning/vagledning.11tydata.cjs", jsPayload(s.dir, "cjs")),
    message: /^content\/vagledning\/vagledning\.11tydata\.cjs:1:1 fel filtyp/m,
  },
  {
    name: "content/index.11tydata.mjs",
    setup: (s) =>
      s.write(
        "content/index.11tydata.mjs",
        `import fs from "fs"; fs.writeFileSync(${JSON.stringify(`${s.dir}/pwned-mjs`)}, "x"); export default {};\n`,
      ),
    message: /^content\/index\.11tydata\.mjs:1:1 fel filtyp/m,
  },
  {
    name: "content/…/index.11tydata.json",
    setup: (s) => s.write("content/om/index.11tydata.json", '{ "permalink": "../../pwned.html" }\n'),
    message: /^content\/om\/index\.11tydata\.json:1:1 fel filtyp/m,
  },
  {
    name: "content/y.11ty.cjs (JavaScript template)",
    setup: (s) => s.write("content/y.11ty.cjs", `module.exports = () => { ${jsPayload(s.dir, "11ty")} return ""; };\n`),
    message: /^content\/y\.11ty\.cjs:1:1 fel filtyp/m,
  },
  {
    name: "content/x.html with an inline <script>",
    setup: (s) => s.write("content/x.html", "<script>alert('PAYLOAD-HTML')</script>\n"),
    message: /^content\/x\.html:1:1 fel filtyp filtypen ”\.html”/m,
  },
  {
    name: "content/_data/x.cjs (global data folder)",
    setup: (s) => {
      mkdirSync(`${s.root}/content/_data`);
      s.write("content/_data/x.cjs", jsPayload(s.dir, "data"));
    },
    message: /^content\/_data\/x\.cjs:1:1 fel filtyp/m,
  },
  {
    name: "a symlink to a file outside the root",
    setup: (s) => {
      writeFileSync(`${s.dir}/outside.md`, "---\nid: ute\n---\nPAYLOAD-OUTSIDE\n");
      symlinkSync(`${s.dir}/outside.md`, `${s.root}/content/ute.md`);
    },
    message: /^content\/ute\.md:1:1 fel symlänk sökvägen är en symbolisk länk/m,
  },
  { name: "a symlink content/a → ..", setup: (s) => symlinkSync("..", `${s.root}/content/a`), message: /^content\/a:1:1 fel symlänk/m },
  {
    name: "a symlink loop",
    setup: (s) => {
      symlinkSync("loop-b", `${s.root}/content/loop-a`);
      symlinkSync("loop-a", `${s.root}/content/loop-b`);
    },
    message: /^content\/loop-a:1:1 fel symlänk/m,
  },
  {
    name: "data/ itself a symlink to another folder",
    setup: (s) => {
      execFileSync("mv", [`${s.root}/data`, `${s.dir}/data-real`]);
      symlinkSync(`${s.dir}/data-real`, `${s.root}/data`);
    },
    message: /^data:1:1 fel symlänk/m,
  },
  {
    name: "a centre file ending in .yml",
    setup: (s) => execFileSync("mv", [`${s.root}/${CENTRE}`, `${s.root}/data/familjecentraler/angsby.yml`]),
    message: /^data\/familjecentraler\/angsby\.yml:1:1 fel filtyp filändelsen ”\.yml” läses inte.*angsby\.yaml/m,
  },
  {
    name: "a centre file ending in .YAML",
    setup: (s) => execFileSync("mv", [`${s.root}/${CENTRE}`, `${s.root}/data/familjecentraler/angsby.YAML`]),
    message: /^data\/familjecentraler\/angsby\.YAML:1:1 fel filtyp/m,
  },
  {
    name: "a centre file without an extension",
    setup: (s) => execFileSync("mv", [`${s.root}/${CENTRE}`, `${s.root}/data/familjecentraler/angsby`]),
    message: /^data\/familjecentraler\/angsby:1:1 fel filtyp filen saknar filändelse/m,
  },
  {
    name: "a named pipe in content/ (reading it would hang)",
    setup: (s) => execFileSync("mkfifo", [`${s.root}/content/ror.md`]),
    message: /^content\/ror\.md:1:1 fel filtyp sökvägen är varken en vanlig fil/m,
  },
  {
    name: "a hidden file in content/",
    setup: (s) => s.write("content/.eleventy.js", jsPayload(s.dir, "hidden")),
    message: /^content\/\.eleventy\.js:1:1 fel filtyp dolda filer/m,
  },
  {
    name: "a template inside a frozen edition",
    setup: (s) => s.write("utgavor/2022/content/x.njk", njkPayload(s.dir)),
    message: /^utgavor\/2022\/content\/x\.njk:1:1 fel filtyp/m,
  },
  {
    name: "a stray file in an edition folder",
    setup: (s) => s.write("utgavor/2022/anteckning.txt", "x\n"),
    message: /^utgavor\/2022\/anteckning\.txt:1:1 fel filtyp filen hör inte till formatet för utgåvor/m,
  },
  {
    name: "front matter that tries to steer the build (permalink, layout)",
    setup: (s) => s.replace(PAGE, "id: om\n", "id: om\npermalink: ../../pwned.html\nlayout: ../../root/content/x.njk\n"),
    message: /^content\/om\/index\.md:3:1 fel okänt-fält permalink/m,
  },
  {
    name: "JavaScript front matter",
    setup: (s) =>
      s.write(PAGE, `---js\n{ id: "om", titel: require("fs").writeFileSync(${JSON.stringify(`${s.dir}/pwned-fm`)}, "x") }\n---\nText\n`),
    message: /^content\/om\/index\.md:1:4 fel front-matter front matter av typen ”js”/m,
  },
  // Denial of service
  {
    name: "a 20 MB single-line namn",
    setup: (s) => s.replace(CENTRE, "namn: Familjecentralen Ängsby", `namn: ${"A".repeat(20 * 1024 * 1024)}`),
    message: /^data\/familjecentraler\/angsby\.yaml:1:1 fel storlek filen är 20,0 MB\. En fil får vara högst 1,0 MB/m,
  },
  {
    name: "a 900 kB single-line namn (under the file cap)",
    setup: (s) => s.replace(CENTRE, "namn: Familjecentralen Ängsby", `namn: ${"A".repeat(900_000)}`),
    message: /^data\/familjecentraler\/angsby\.yaml:4:1 fel storlek raden är 900006 tecken lång/m,
  },
  {
    name: "a 25,000-character namn in a block scalar",
    setup: (s) => s.replace(CENTRE, "namn: Familjecentralen Ängsby", `namn: >\n${"  Ängsby ängsby ängsby\n".repeat(1100)}`),
    message: /^data\/familjecentraler\/angsby\.yaml:4:7 fel storlek namn: texten är \d+ tecken lång/m,
  },
  {
    name: "a 1 MB line of [ in a centre file",
    setup: (s) => s.replace(CENTRE, "namn: Familjecentralen Ängsby", `namn: ${"[".repeat(1_000_000)}`),
    message: /^data\/familjecentraler\/angsby\.yaml:4:1 fel storlek/m,
  },
  {
    name: "deeply nested flow lists over many lines",
    setup: (s) => s.replace(CENTRE, "namn: Familjecentralen Ängsby", `namn: ${"[\n".repeat(20_000)}`),
    message: /^data\/familjecentraler\/angsby\.yaml:\d+:\d+ fel /m,
  },
  // Privacy
  {
    name: "anna.andersson73@gmail.com in a free-text field",
    setup: (s) => s.replace(CENTRE, "mål: Fler föräldrar känner till", "mål: Mejla anna.andersson73@gmail.com. Fler föräldrar känner till"),
    message:
      /^data\/familjecentraler\/angsby\.yaml:15:10 fel personuppgift förbättringsarbeten\[1\]\.mål: anna\.andersson73@gmail\.com är en adress hos en allmän e-posttjänst/m,
  },
  // Output correctness: measurements
  {
    name: "a measurement after uppföljningsår",
    setup: (s) => s.replace(CENTRE, "    mätningar: []", "    mätningar: [{ år: 2026, värde: 50 }]"),
    message:
      /^data\/familjecentraler\/angsby\.yaml:\d+:\d+ fel framtida-år förbättringsarbeten\[1\]\.mätningar\[1\]\.år: mätningen gäller 2026, men länets uppföljningsår är 2025/m,
  },
  {
    name: "two measurements for one year",
    setup: (s) => s.replace(CENTRE, "    mätningar: []", "    mätningar: [{ år: 2025, värde: 50 }, { år: 2025, värde: 55 }]"),
    message:
      /^data\/familjecentraler\/angsby\.yaml:\d+:\d+ fel dubblett förbättringsarbeten\[1\]\.mätningar\[2\]\.år: det finns redan en mätning för 2025/m,
  },
  // Output correctness: misleading YAML messages
  {
    name: "an unclosed [",
    setup: (s) => s.replace(CENTRE, "öppen förskola, socialtjänst]", "öppen förskola, socialtjänst"),
    message: /^data\/familjecentraler\/angsby\.yaml:8:15 fel yaml listan som börjar med \[ på rad 8 stängs aldrig/m,
  },
  {
    name: "2021-11-31 (one message, not two)",
    setup: (s) => s.replace(CENTRE, "utgångsläge: { värde: 40, år: 2024 }", "utgångsläge: { värde: 40, år: 2024, datum: 2021-11-31 }"),
    message: /^data\/familjecentraler\/angsby\.yaml:17:\d+ fel datum .*2021-11-31 är inget riktigt datum/m,
  },
  {
    name: "a front-matter error (no follow-on error in lasvagar.yaml)",
    setup: (s) => s.replace("content/vagledning/uppdrag/index.md", "titel: ", "titel: ["),
    message: /^content\/vagledning\/uppdrag\/index\.md:3:8 fel yaml listan som börjar med \[ på rad 3 stängs aldrig/m,
  },
  {
    name: "a decimal comma in a flow mapping",
    setup: (s) => s.replace(CENTRE, "utgångsläge: { värde: 40, år: 2024 }", "utgångsläge: { värde: 12,5, år: 2024 }"),
    message: /^data\/familjecentraler\/angsby\.yaml:17:18 fel decimalkomma .*skriv talet med decimalpunkt, 12\.5\./m,
  },
  {
    name: "three-space indentation",
    setup: (s) => s.replace(CENTRE, "    mål: Fler föräldrar", "   mål: Fler föräldrar"),
    message: /^data\/familjecentraler\/angsby\.yaml:15:1 fel yaml raden har 3 mellanslag indrag/m,
  },
];

interface Outcome {
  box: Sandbox;
  code: number | null;
  output: string;
}

const boxes: Sandbox[] = [];
afterAll(() => {
  for (const box of boxes) box.remove();
});

/** What the refusal must look like, whether the CLI ran in a process of its own or in the batch. */
function expectRefused({ box, code, output }: Outcome, message: RegExp): void {
  expect(code, output).toBe(1);
  expect(output).toMatch(message);
  expect(output).toMatch(/Bygget avbröts: rätta felen ovan\. Ingen webbplats skrevs\./);
  expect(output).not.toMatch(STACK_TRACE);
  expect(output).not.toMatch(/lasvagar\.yaml/);
  // Nothing built, nothing left behind, nothing written by a payload.
  expect(box.strays().filter((e) => !["outside.md", "data-real"].includes(e))).toEqual([]);
  expect(existsSync(box.out)).toBe(false);
}

function prepared(setup: Case["setup"]): Sandbox {
  const box = sandbox();
  boxes.push(box);
  setup(box);
  return box;
}

// Every case runs scripts/cli/build.ts, but all in one Node process (tests/support/cli-batch.ts): a process
// per case spent ~3 s of CPU each on starting Node and tsx alone. The cases below prove the same refusal in a
// real `npm run build` process of its own.
const outcomes = new Map<Case, Outcome>();
beforeAll(async () => {
  const boxesByCase = CASES.map((c) => prepared(c.setup));
  const results = await runCliBatch(boxesByCase.map((box) => ({ name: "build", args: ["--root", box.root, "--out", box.out] })));
  CASES.forEach((c, i) => outcomes.set(c, { box: boxesByCase[i]!, code: results[i]?.code ?? null, output: results[i]?.output ?? "" }));
  // No timeout: a busy two-core machine must not fail a correct but slow run (each case is bounded by the
  // validator's own limits, and the batch process ends when the last case does).
}, 0);

describe("a hostile content root is refused before anything is built", () => {
  it.each(CASES)("$name", (c) => {
    const outcome = outcomes.get(c);
    if (!outcome) throw new Error("fallet kördes inte");
    expectRefused(outcome, c.message);
  });
});

/** Cases also run as a real process: a payload, a symlink escape and the 20 MB file that must not be read whole. */
const SPAWNED = CASES.filter((c) =>
  ["content/x.njk with a range.constructor payload", "a symlink to a file outside the root", "a 20 MB single-line namn"].includes(c.name),
);

describe.concurrent("the same refusals from a real `npm run build` process", () => {
  it.each(SPAWNED)(
    "$name",
    async (c) => {
      const box = prepared(c.setup);
      const result = await run("build", ["--root", box.root, "--out", box.out]);
      expectRefused({ box, code: result.code, output: result.output }, c.message);
    },
    300_000,
  );
});
