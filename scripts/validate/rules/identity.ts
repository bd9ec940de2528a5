import { fileId, reportDuplicates, type RuleContext } from "./context.ts";

/** Ids become URLs, so they must match file names and never collide. */
export function checkIdentity(ctx: RuleContext): void {
  for (const { file, data } of [...ctx.centres, ...ctx.perioder]) {
    if (data.id !== fileId(file)) {
      ctx.reporter.at(
        file,
        ["id"],
        "id",
        `id: ”${data.id}” stämmer inte med filens namn. Ändra id till ”${fileId(file)}” eller byt namn på filen till ${data.id}.yaml.`,
      );
    }
  }
  const centreOwners = new Map<string, string>();
  for (const { file, data } of ctx.centres) {
    const other = centreOwners.get(data.id);
    if (other)
      ctx.reporter.at(file, ["id"], "dubblett", `id: ”${data.id}” används redan i ${other}. Varje familjecentral ska ha ett eget id.`);
    else centreOwners.set(data.id, file.rel);
    reportDuplicates(
      ctx,
      file,
      data.förbättringsarbeten ?? [],
      (w) => w.id,
      (i) => ["förbättringsarbeten", i, "id"],
      "Förbättringsarbetet",
    );
  }
  const pageOwners = new Map<string, string>();
  for (const { file, data } of ctx.sidor) {
    const other = pageOwners.get(data.id);
    if (other) ctx.reporter.at(file, ["id"], "dubblett", `id: ”${data.id}” används redan av ${other}. Varje sida ska ha ett eget id.`);
    else pageOwners.set(data.id, file.rel);
  }
  for (const { file, data } of ctx.perioder) {
    if (data.id !== `${data.startår}-${data.slutår}`)
      ctx.reporter.at(file, ["id"], "period", `id: ”${data.id}” ska vara startår-slutår, alltså ”${data.startår}-${data.slutår}”.`);
    if (data.slutår < data.startår)
      ctx.reporter.at(file, ["slutår"], "period", `slutår: ${data.slutår} ligger före startåret ${data.startår}.`);
    if (data.status === "beslutad" && !data.beslut)
      ctx.reporter.at(
        file,
        ["status"],
        "saknas",
        "status: beslutad kräver fältet beslut med datum och beslutat_av. Lägg till det eller ändra status till förslag.",
      );
    reportDuplicates(
      ctx,
      file,
      data.fokusområden,
      (f) => f.id,
      (i) => ["fokusområden", i, "id"],
      "Fokusområdet",
    );
    // Goal and indicator ids are unique in the whole period: follow-up entries refer to them by id alone.
    const goals = data.fokusområden.flatMap((f, fi) =>
      f.mål.map((g, gi) => ({ g, path: ["fokusområden", fi, "mål", gi] as (string | number)[] })),
    );
    reportDuplicates(
      ctx,
      file,
      goals,
      (x) => x.g.id,
      (i) => [...(goals[i]?.path ?? []), "id"],
      "Målet",
    );
    const indicators = goals.flatMap(({ g, path }) => g.indikatorer.map((x, ii) => ({ x, path: [...path, "indikatorer", ii] })));
    reportDuplicates(
      ctx,
      file,
      indicators,
      (i) => i.x.id,
      (i) => [...(indicators[i]?.path ?? []), "id"],
      "Indikatorn",
    );
  }
  if (ctx.lan)
    reportDuplicates(
      ctx,
      ctx.lan.file,
      ctx.lan.data.kommuner,
      (k) => k.id,
      (i) => ["kommuner", i, "id"],
      "Kommunen",
    );
  if (ctx.kallor)
    reportDuplicates(
      ctx,
      ctx.kallor.file,
      ctx.kallor.data.källor,
      (k) => k.id,
      (i) => ["källor", i, "id"],
      "Källan",
    );
  if (ctx.ordlista)
    reportDuplicates(
      ctx,
      ctx.ordlista.file,
      ctx.ordlista.data.termer,
      (k) => k.id,
      (i) => ["termer", i, "id"],
      "Termen",
    );
  if (ctx.lasvagar)
    reportDuplicates(
      ctx,
      ctx.lasvagar.file,
      ctx.lasvagar.data.läsvägar,
      (k) => k.id,
      (i) => ["läsvägar", i, "id"],
      "Läsvägen",
    );
}
