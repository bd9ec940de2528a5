import type { RuleContext } from "./context.ts";

/** Every Mermaid diagram needs an accessible title and description (WCAG 1.1.1). */
export function checkDiagrams(ctx: RuleContext): void {
  for (const file of ctx.all) {
    if (!file.body) continue;
    const lines = file.body.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*(```|~~~)\s*mermaid\s*$/.test(lines[i] ?? "")) continue;
      const start = i;
      const block: string[] = [];
      for (i++; i < lines.length && !/^\s*(```|~~~)\s*$/.test(lines[i] ?? ""); i++) block.push(lines[i] ?? "");
      const line = (file.bodyLine ?? 1) + start;
      if (!block.some((l) => /^\s*accTitle\s*:\s*\S/.test(l))) {
        ctx.reporter.file(
          file.rel,
          "diagram",
          "diagrammet saknar titel. Lägg till en rad accTitle: <kort titel> i mermaid-blocket.",
          line,
          1,
        );
      }
      if (!block.some((l) => /^\s*accDescr\s*(:\s*\S|\{)/.test(l))) {
        ctx.reporter.file(
          file.rel,
          "diagram",
          "diagrammet saknar beskrivning. Lägg till en rad accDescr: <en eller två meningar om vad diagrammet visar> i mermaid-blocket.",
          line,
          1,
        );
      }
    }
  }
}
