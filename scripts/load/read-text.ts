import { readFileSync } from "node:fs";

export type TextResult = { ok: true; text: string } | { ok: false; reason: "tom" | "inte-utf8" | "oläsbar"; detail?: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a source file as strict UTF-8. Coordinators save files from many editors; a Latin-1 file
 * would otherwise turn "Spånga" into mojibake silently, so invalid bytes are an error, not a guess.
 */
export function readText(absPath: string): TextResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (error) {
    return { ok: false, reason: "oläsbar", detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: "inte-utf8" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return { ok: false, reason: "tom" };
  return { ok: true, text };
}
