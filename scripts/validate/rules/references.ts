import { closest } from "../closest.ts";
import type { ParsedSource } from "../parse-sources.ts";
import type { RuleContext } from "./context.ts";

/** Reports a reference to an id that does not exist, suggesting the nearest one. */
export function checkRef(
  ctx: RuleContext,
  file: ParsedSource,
  path: (string | number)[],
  value: string,
  known: Set<string>,
  what: string,
  where: string,
): void {
  if (known.has(value)) return;
  const meant = closest(value, [...known]);
  const hint = meant ? ` Menade du ”${meant}”?` : known.size > 0 && known.size <= 16 ? ` Finns: ${[...known].join(", ")}.` : "";
  ctx.reporter.at(file, path, "referens", `${what} ”${value}” finns inte i ${where}.${hint}`);
}

/** Every goal, indicator, source, municipality, period and page that a file names must exist. */
export function checkReferences(ctx: RuleContext): void {
  const sources = new Set(ctx.kallor?.data.källor.map((k) => k.id) ?? []);
  const sourceWhere = "data/kallor.yaml";
  const refSource = (file: ParsedSource, path: (string | number)[], id: string | undefined): void => {
    if (id !== undefined && ctx.kallor) checkRef(ctx, file, path, id, sources, "Källan", sourceWhere);
  };
  const refSources = (file: ParsedSource, path: (string | number)[], ids: string[] | undefined): void =>
    ids?.forEach((id, i) => refSource(file, [...path, i], id));

  const municipalities = new Set(ctx.lan?.data.kommuner.map((k) => k.id) ?? []);
  if (ctx.lan && !ctx.perioder.some((p) => p.data.id === ctx.lan?.data.aktuell_period)) {
    checkRef(
      ctx,
      ctx.lan.file,
      ["aktuell_period"],
      ctx.lan.data.aktuell_period,
      new Set(ctx.perioder.map((p) => p.data.id)),
      "Målperioden",
      "data/mal/",
    );
  }
  for (const { file, data } of ctx.perioder) refSources(file, ["källor"], data.källor);

  for (const { file, data } of ctx.centres) {
    if (ctx.lan) checkRef(ctx, file, ["kommun"], data.kommun, municipalities, "Kommunen", "data/lan.yaml");
    refSources(file, ["källor"], data.källor);
    data.förbättringsarbeten?.forEach((w, i) => refSource(file, ["förbättringsarbeten", i, "källa"], w.källa));
  }

  // Pages that exist but failed their own checks still count: their file already has a message, and a
  // second one here would only send the reader to the wrong file.
  const pages = new Set([...ctx.sidor.map((s) => s.data.id), ...(ctx.brokenPageIds ?? [])]);
  if (ctx.lasvagar) {
    ctx.lasvagar.data.läsvägar.forEach((path, pi) =>
      path.sidor.forEach((id, si) =>
        checkRef(ctx, ctx.lasvagar!.file, ["läsvägar", pi, "sidor", si], id, pages, "Sidan", "content/ (inget front matter-id)"),
      ),
    );
  }
  if (ctx.ordlista) {
    const terms = new Set(ctx.ordlista.data.termer.map((t) => t.id));
    ctx.ordlista.data.termer.forEach((t, ti) => {
      refSource(ctx.ordlista!.file, ["termer", ti, "källa"], t.källa);
      t.se_även?.forEach((id, si) => checkRef(ctx, ctx.ordlista!.file, ["termer", ti, "se_även", si], id, terms, "Termen", "ordlistan"));
    });
  }
  if (ctx.process) {
    refSources(ctx.process.file, ["källor"], ctx.process.data.källor);
    ctx.process.data.steg.forEach((s, si) => refSource(ctx.process!.file, ["steg", si, "källa"], s.källa));
  }
  for (const { file, data } of ctx.sidor) {
    refSources(file, ["källor"], data.källor);
    // In-text citations [källa: id] must name a known source too; they sit in the body, not the front matter.
    const lines = (file.body ?? "").split("\n");
    lines.forEach((line, li) => {
      for (const match of line.matchAll(/\[källa:\s*([^\],\s]+)/g)) {
        const id = match[1] ?? "";
        if (ctx.kallor && !sources.has(id)) {
          const meant = closest(id, [...sources]);
          ctx.reporter.file(
            file.rel,
            "referens",
            `hänvisningen [källa: ${id}] pekar på en källa som inte finns i ${sourceWhere}.${meant ? ` Menade du ”${meant}”?` : ""}`,
            (file.bodyLine ?? 1) + li,
            (match.index ?? 0) + 1,
          );
        }
      }
    });
  }
}
