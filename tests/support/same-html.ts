import { Parser } from "htmlparser2";

/**
 * An HTML page as a list of tokens (start tags with their attributes sorted, text, end tags), with every
 * occurrence of `from` in attribute values and text replaced by `to`, and `basePath` taken off the start of
 * root-relative attribute values (one without it is marked as outside). Two builds of the same content for
 * different site addresses give equal lists when they differ only in their addresses, however the HTML was
 * serialised (attribute order, `attr` versus `attr=""`, character references).
 */
export function htmlTokens(html: string, replacements: [from: string, to: string][] = [], basePath = "/"): string[] {
  const swap = (text: string): string => replacements.reduce((t, [from, to]) => t.split(from).join(to), text);
  // Root-relative addresses ("/fc-handbok/sok/") lose the base path ("/sok/"); one that forgot it ("/sok/")
  // is marked, so that it differs from the other build's "/sok/".
  const unbased = (value: string): string => {
    if (basePath === "/" || !value.startsWith("/") || value.startsWith("//")) return value;
    return value.startsWith(basePath) ? value.slice(basePath.length - 1) : `${value} (utanför ${basePath})`;
  };
  const tokens: string[] = [];
  let text = "";
  const flush = (): void => {
    if (text.trim()) tokens.push(`#text ${swap(text.replace(/\s+/g, " ").trim())}`);
    text = "";
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        flush();
        const attrs = Object.entries(attributes)
          .map(([key, value]) => `${key}=${JSON.stringify(swap(unbased(value)))}`)
          .sort();
        tokens.push(`<${name} ${attrs.join(" ")}>`);
      },
      ontext(data) {
        text += data;
      },
      onclosetag(name) {
        flush();
        tokens.push(`</${name}>`);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return tokens;
}

/** The first token where two lists differ, with a little context, or undefined when they are equal. */
export function firstDifference(a: string[], b: string[]): string | undefined {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return `token ${i}: ${(a[i] ?? "(slut)").slice(0, 200)}\n   mot: ${(b[i] ?? "(slut)").slice(0, 200)}`;
  }
  return undefined;
}
