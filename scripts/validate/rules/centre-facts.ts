import { OKAND, type Familjecentral } from "../../model/types.ts";
import type { RuleContext } from "./context.ts";

/**
 * The handbook's own definitions (content/vagledning/uppdrag/index.md, after FFFF's national
 * guidance; docs/kallor-och-tolkningar.md): a familjecentral has all four base operations; a
 * familjecentralsliknande verksamhet has a barnavårdscentral and at least one municipal operation
 * (öppen förskola or socialtjänst).
 */
const FOUR = ["barnmorskemottagning", "barnavårdscentral", "öppen förskola", "socialtjänst"] as const;
const MUNICIPAL = ["öppen förskola", "socialtjänst"] as const;

/** Why `typ` contradicts the listed operations, or undefined when they agree or either is unknown. */
export function typContradiction(centre: Pick<Familjecentral, "typ" | "verksamheter" | "samlokalisering">): string | undefined {
  const { typ, verksamheter } = centre;
  if (typ === OKAND || verksamheter === OKAND) return undefined;
  const has = (v: string): boolean => verksamheter.includes(v);
  if (typ === "familjecentral") {
    const missing = FOUR.filter((v) => !has(v));
    if (missing.length > 0)
      return `typ: familjecentral kräver alla fyra basverksamheter, men ${missing.join(" och ")} saknas i verksamheter. Lägg till ${missing.length === 1 ? "den" : "dem"}, skriv typ: familjecentralsliknande, eller skriv okänd där källan inte säger något.`;
    return undefined;
  }
  if (!has("barnavårdscentral") || !MUNICIPAL.some(has))
    return `typ: familjecentralsliknande kräver barnavårdscentral och minst en kommunal verksamhet (öppen förskola eller socialtjänst), men verksamheter är [${verksamheter.join(", ")}]. Rätta listan, eller skriv okänd där källan inte säger något.`;
  if (FOUR.every(has) && centre.samlokalisering === "helt")
    return "typ: alla fyra basverksamheter i samma lokaler (samlokalisering: helt) är en familjecentral. Skriv typ: familjecentral, eller rätta verksamheter eller samlokalisering.";
  return undefined;
}

/**
 * A centre's facts must agree with each other, and every interpretation mark must belong to a field the
 * file has (a reason for a value that is not there would be shown nowhere).
 */
export function checkCentreFacts(ctx: RuleContext): void {
  for (const { file, data } of ctx.centres) {
    const contradiction = typContradiction(data);
    if (contradiction) ctx.reporter.at(file, ["typ"], "typ-verksamheter", contradiction);
    const own = data as unknown as Record<string, unknown>;
    for (const key of Object.keys(data.tolkningar ?? {}))
      if (own[key] === undefined)
        ctx.reporter.at(
          file,
          ["tolkningar", key],
          "tolkning",
          `tolkningen gäller fältet ”${key}”, som inte finns i filen. Ta bort den eller lägg till fältet.`,
          {
            at: "key",
          },
        );
    data.förbättringsarbeten?.forEach((w, wi) => {
      const work = w as unknown as Record<string, unknown>;
      for (const key of Object.keys(w.tolkningar ?? {}))
        if (work[key] === undefined)
          ctx.reporter.at(
            file,
            ["förbättringsarbeten", wi, "tolkningar", key],
            "tolkning",
            `tolkningen gäller fältet ”${key}”, som inte finns i förbättringsarbetet. Ta bort den eller lägg till fältet.`,
            { at: "key" },
          );
    });
  }
}
