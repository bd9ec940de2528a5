/**
 * Size limits for a content root's files. The largest real file is about 12 kB, so these leave ample room
 * while keeping every check's time and memory small even for a hostile pull request (docs/sakerhet.md).
 */

/** Largest source file (Markdown or YAML) that is read at all: 1 MiB. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Longest text value in a YAML file or front matter, in characters. */
export const MAX_FIELD_CHARS = 20_000;
