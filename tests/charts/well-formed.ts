/**
 * A test helper: checks that markup opens and closes its elements in order, so a broken template
 * fails a test instead of a validator run much later. Not a parser: enough for our own output.
 */
export function unbalancedTags(markup: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const match of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = "", selfClosing] = match;
    if (selfClosing === "/") continue;
    if (closing !== "/") stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
  }
  return [...problems, ...stack.map((name) => `<${name}> is never closed`)];
}
