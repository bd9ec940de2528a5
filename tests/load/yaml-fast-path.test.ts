import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateRoot } from "../../scripts/bench/generate.ts";
import { needsFullParser, parseYaml, positionOf } from "../../scripts/load/yaml.ts";

// parseYaml reads plain files with js-yaml for speed; these tests pin that the data is exactly what the
// YAML 1.2 parser gives, and that positions still point at the right line.
const PROJECT = resolve(import.meta.dirname, "../..");
const full = (text: string): unknown => parse(text, { version: "1.2", schema: "core" }) as unknown;

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const abs = join(dir, entry);
    if (statSync(abs).isDirectory()) out.push(...yamlFiles(abs));
    else if (entry.endsWith(".yaml")) out.push(abs);
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), "fc-yaml-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the fast YAML path gives the same data as the YAML 1.2 parser", () => {
  const synthetic = generateRoot(join(work, "rot"), { centres: 12, years: 4, editions: 1, pages: 6, seed: 1 }).dir;
  const roots = [join(PROJECT, "data"), join(PROJECT, "examples/exempellan/data"), join(PROJECT, "tests/fixtures/minimal/data"), synthetic];
  const files = roots.flatMap((dir) => yamlFiles(dir));

  it.each(files.map((f) => [f.replace(`${PROJECT}/`, "").replace(`${work}/`, ""), f]))("reads %s identically", (_, file) => {
    const text = readFileSync(file, "utf8");

    const result = parseYaml(text);

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toEqual(full(text));
  });

  it.each([
    ["a Norwegian-style no", "svar: no\nja: yes\npå: on\n"],
    ["dates that stay text", "datum: 2021-11-31\nannat: 2024-01-24\n"],
    ["numbers in every YAML 1.2 spelling", "a: 012\nb: +12\nc: 0o14\nd: 0x1F\ne: 1e3\nf: .5\ng: 1.\nh: -4.0\n"],
    ["nulls and booleans", "a: ~\nb: Null\nc:\nd: TRUE\ne: False\n"],
    ["quoted and folded text", "a: 'it''s'\nb: \"rad\\nny\"\nc: >-\n  en\n  text\nd: |\n  rad ett\n  rad två\n"],
    ["flow collections", "a: [1, två, { x: 3 }]\nb: {}\nc: []\n"],
    ["a comment-only file", "# bara en kommentar\n"],
  ])("reads %s identically", (_, text) => {
    const result = parseYaml(text);

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toEqual(full(text) ?? null);
  });
});

describe("the fast YAML path still refuses what the full parser refuses", () => {
  it.each([
    ["a duplicate key", "id: a\nid: b\n", "dubblett"],
    ["an alias bomb", 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: &e [*d,*d]\nf: &f [*e,*e]\ng: [*f,*f]\n', "yaml"],
    ["a prototype key", "__proto__: { x: 1 }\n", "nyckel"],
    ["a tab as indent", "a:\n\tb: 1\n", "yaml"],
    ["an unclosed quote", 'a: "öppen\n', "yaml"],
  ])("refuses %s", (_, text, rule) => {
    const result = parseYaml(text);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.rule).toBe(rule);
  });

  it("points at the right line for a value read the fast way", () => {
    const result = parseYaml("# kommentar\nid: a\nlista:\n  - { år: 2024, värde: 3 }\n  - { år: 2025, värde: 4 }\n");

    expect(result.ok).toBe(true);
    if (result.ok) expect(positionOf(result.source, ["lista", 1, "värde"])).toEqual({ line: 5, col: 24 });
  });
});

describe("the split test for the full parser", () => {
  // The single pattern it replaced (docs/validation-speed.md §8): the three parts must pick the same texts.
  const ONE_PATTERN = /[&*!%\t]|__proto__|constructor|prototype|\b0b[01]|[0-9]_|_[0-9]|\.(?:inf|nan)\b/i;
  const samples = [
    "id: a\n",
    "namn: BVC & BMM\n",
    "a: *x\n",
    "a: !tag x\n",
    "%YAML 1.2\n",
    "a:\n\tb: 1\n",
    "__PROTO__: 1\n",
    "__proto__: 1\n",
    "Constructor: 1\n",
    "x: PROTOTYPE\n",
    "a: 0b101\n",
    "a: 0B1\n",
    "a: x0b1\n",
    "a: 1_000\n",
    "a: _1\n",
    "a: a_b\n",
    "a: snake_case\n",
    "a: .inf\n",
    "a: -.INF\n",
    "a: .NaN\n",
    "a: .nanny\n",
    "a: x.inf\n",
    "ledningens_stöd: 4.7\n",
    "",
  ];
  const files = [join(PROJECT, "data"), join(PROJECT, "examples/exempellan/data"), join(PROJECT, "tests")].flatMap((dir) => yamlFiles(dir));

  it.each(samples.map((s) => [JSON.stringify(s), s]))("agrees with the one pattern on %s", (_, text) => {
    expect(needsFullParser(text)).toBe(ONE_PATTERN.test(text));
  });

  it("agrees with the one pattern on every YAML file of the project", () => {
    const disagree = files.filter((f) => {
      const text = readFileSync(f, "utf8");
      return needsFullParser(text) !== ONE_PATTERN.test(text);
    });

    expect(disagree).toEqual([]);
  });
});
