/** Wraps a Swedish explanation into YAML comment lines of at most `width` characters at `indent`. */
export function commentLines(text: string, indent = "", width = 110): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && indent.length + 2 + line.length + 1 + word.length > width) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
  return lines;
}

/** A YAML scalar written safely: plain when unambiguous, otherwise double-quoted JSON style. */
export function yamlScalar(value: string): string {
  return /^[\p{L}0-9][\p{L}0-9 .,()–-]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^\d/.test(value)
    ? value
    : JSON.stringify(value);
}
