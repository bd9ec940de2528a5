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
  extract?: string;
}

/**
 * Runs the W3C Nu HTML checker once over a whole output folder and returns its errors as readable lines
 * (`file:line:column: message`). Needs Java; the checker itself comes from the vnu-jar package.
 */
export function checkHtml(outDir: string): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn("java", ["-Xss4m", "-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", outDir], {
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
      done(
        messages
          .filter((m) => m.type === "error" || m.subType === "fatal")
          .map((m) => {
            const file = m.url?.startsWith("file:") ? relative(outDir, fileURLToPath(m.url)) : (m.url ?? "?");
            return `${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ""}`;
          }),
      );
    });
  });
}
