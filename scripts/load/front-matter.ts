import matter from "gray-matter";
import { parseYaml, type YamlIssue, type YamlSource } from "./yaml.ts";

export type FrontMatterResult =
  { ok: true; data: unknown; body: string; source: YamlSource; bodyLine: number } | { ok: false; issues: YamlIssue[] };

const refuseScript = (): never => {
  throw new Error("script-front-matter");
};

/**
 * gray-matter with the same YAML 1.2 parser as the data files, and its JavaScript engines
 * (`---js`, `---javascript`) replaced by one that refuses: front matter is data, never code.
 */
export const grayMatterOptions = {
  engines: {
    yaml: (text: string): object => {
      const result = parseYaml(text);
      if (!result.ok) throw new Error("yaml-front-matter");
      const data: unknown = result.data;
      return data !== null && typeof data === "object" ? data : {};
    },
    js: refuseScript,
    javascript: refuseScript,
    coffee: refuseScript,
    json: refuseScript,
  },
};

const FENCE = /^---([^\n]*)\n/;

/** Splits a Markdown file into front matter (with positions) and body. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const opening = FENCE.exec(text);
  if (!opening) {
    return {
      ok: false,
      issues: [
        {
          line: 1,
          col: 1,
          rule: "front-matter",
          message: "sidan saknar uppgifter överst (front matter mellan två rader med ---). Lägg till id, titel och de andra fälten.",
        },
      ],
    };
  }
  const language = (opening[1] ?? "").trim();
  if (language !== "" && language !== "yaml") {
    return {
      ok: false,
      issues: [
        {
          line: 1,
          col: 4,
          rule: "front-matter",
          message: `front matter av typen ”${language}” är inte tillåten. Skriv uppgifterna som YAML och börja med en rad med bara ---.`,
        },
      ],
    };
  }
  const parsed = matter(text, {
    language: "yaml",
    ...grayMatterOptions,
    engines: { ...grayMatterOptions.engines, yaml: (s: string) => ({ __raw: s }) },
  });
  const raw = (parsed.data as { __raw?: string }).__raw ?? "";
  // gray-matter hands over the text right after the opening ---, so its first line is the file's first line.
  const result = parseYaml(raw, 0);
  if (!result.ok) return result;
  const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
  return { ok: true, data: result.data ?? {}, body: parsed.content, source: result.source, bodyLine };
}
