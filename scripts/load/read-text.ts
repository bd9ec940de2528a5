import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { MAX_FILE_BYTES } from "./limits.ts";

export type TextResult =
  | { ok: true; text: string }
  | { ok: false; reason: "tom" | "inte-utf8" | "oläsbar" | "symlänk" | "inte-fil" | "för-stor"; detail?: string; bytes?: number };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** O_NOFOLLOW makes open() fail on a symbolic link instead of reading whatever it points at. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** Reads at most `limit + 1` bytes, so a huge file is refused without being loaded into memory. */
function readBounded(
  absPath: string,
  limit: number,
): { bytes: Buffer } | { reason: "symlänk" | "inte-fil" | "för-stor" | "oläsbar"; detail?: string; size?: number } {
  let fd: number;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return code === "ELOOP" ? { reason: "symlänk" } : { reason: "oläsbar", detail: code };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { reason: "inte-fil" };
    if (stat.size > limit) return { reason: "för-stor", size: stat.size };
    // Sized by the file, not by the limit: a validation run reads thousands of small files, and a
    // limit-sized buffer per file (1 MiB, zero-filled) cost seconds. One spare byte shows whether the file
    // grew after fstat; then the buffer grows, never past limit + 1, so the limit still holds.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      if (n === 0 || length > limit) break;
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
    }
    if (length > limit) return { reason: "för-stor", size: length };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { reason: "oläsbar", detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a source file as strict UTF-8. Coordinators save files from many editors; a Latin-1 file
 * would otherwise turn "Spånga" into mojibake silently, so invalid bytes are an error, not a guess.
 * A content root is untrusted (docs/sakerhet.md): links, pipes and files over the size limit are refused.
 */
export function readText(absPath: string, limit = MAX_FILE_BYTES): TextResult {
  const read = readBounded(absPath, limit);
  if (!("bytes" in read)) return { ok: false, reason: read.reason, detail: read.detail, bytes: read.size };
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    return { ok: false, reason: "inte-utf8" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return { ok: false, reason: "tom" };
  return { ok: true, text };
}
