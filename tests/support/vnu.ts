import { spawn } from "node:child_process";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import vnuJar from "vnu-jar";

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/** One error from the Nu HTML checker. */
export interface HtmlError {
  file: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
}

/** A readable report: each distinct message with its count and first files, then every error as file:line:column. */
export function formatHtmlErrors(errors: HtmlError[]): string {
  const groups = new Map<string, HtmlError[]>();
  for (const e of errors) groups.set(e.message, [...(groups.get(e.message) ?? []), e]);
  const summary = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(
      ([message, list]) =>
        `  ${list.length} st.: ${message}\n      t.ex. ${list
          .slice(0, 3)
          .map((e) => `${e.file}:${e.line ?? "?"}`)
          .join(", ")}`,
    );
  const all = errors.map((e) => `  ${e.file}:${e.line ?? "?"}:${e.column ?? "?"}: ${e.message}`);
  return `${errors.length} fel från Nu HTML-kontrollen.\nSammanfattning:\n${summary.join("\n")}\nAlla:\n${all.join("\n")}`;
}

/**
 * Runs the W3C Nu HTML checker once over several output folders and returns each folder's errors. One Java
 * process for all of them: starting the checker and warming up its JIT costs more than checking a small site,
 * so a test file that checks several sites should ask for them together. Needs Java; the checker itself comes
 * from the vnu-jar package.
 */
export function checkHtmlFolders(outDirs: string[]): Promise<Map<string, HtmlError[]>> {
  return new Promise((done, fail) => {
    const child = spawn("java", ["-Xss4m", "-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", ...outDirs], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => fail(new Error(`Kunde inte starta java för HTML-kontrollen (installera Java 17): ${error.message}`)));
    child.on("close", () => {
      const json = (stderr.trim() || stdout.trim()).split("\n").find((line) => line.startsWith("{"));
      if (!json) {
        fail(new Error(`HTML-kontrollen gav inget JSON-svar:\n${stderr}${stdout}`));
        return;
      }
      const { messages } = JSON.parse(json) as { messages: VnuMessage[] };
      const byFolder = new Map<string, HtmlError[]>(outDirs.map((dir) => [dir, []]));
      for (const m of messages.filter((m) => m.type === "error" || m.subType === "fatal")) {
        const path = m.url?.startsWith("file:") ? fileURLToPath(m.url) : undefined;
        // The deepest folder that holds the file (folders may nest); messages without a file go to every folder.
        const owner = path
          ? outDirs.filter((dir) => !relative(dir, path).startsWith("..")).sort((a, b) => b.length - a.length)[0]
          : undefined;
        for (const dir of owner ? [owner] : outDirs) {
          byFolder.get(dir)?.push({
            file: path ? relative(dir, path) : (m.url ?? "?"),
            line: m.lastLine,
            column: m.firstColumn,
            message: m.message,
          });
        }
      }
      done(byFolder);
    });
  });
}
