import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Handbok } from "../model/types.ts";
import type { EleventyConfig } from "../site/eleventy-plugin.ts";
import { reportFormBundle } from "./bundle.ts";
import { type FormPage, formPages } from "./form-model.ts";
import { onlyChangedCentres } from "../site/dev-scope.ts";

export interface ReportPluginOptions {
  model: () => Handbok;
}

/** Where the form's script is served; pages link it root-absolute so a base path plugin can rewrite it. */
export const REPORT_SCRIPT = "/assets/rapportera.js";

/** The report form page of every centre, /familjecentraler/<id>/rapportera/, and its browser module. */
export function reportPlugin(eleventyConfig: EleventyConfig, options: ReportPluginOptions): void {
  eleventyConfig.addGlobalData("rapportsidor", () => formPages(options.model()));
  eleventyConfig.addTemplate("rapport/fc-rapportera.njk", `{% include "sidor/fc-rapportera.njk" %}`, {
    layout: "layouts/bas.njk",
    // A form with the coordinator's own draft has nothing to find in search.
    sokbar: false,
    // Linked from its centre's page; the site map lists centres, not one form per centre.
    webbplatskarta: false,
    // A dev-server rebuild after one centre's file changed renders only that centre's form (dev-scope.ts).
    pagination: {
      data: "rapportsidor",
      size: 1,
      alias: "rs",
      addAllPagesToCollections: true,
      before: onlyChangedCentres((p: FormPage) => p.centre.id),
    },
    permalink: "/familjecentraler/{{ rs.centre.id }}/rapportera/",
    // A function, not a Nunjucks string: a string template escapes the centre's name, and the layout escapes it again.
    eleventyComputed: { titel: (d: { rs: FormPage }) => `Rapportera uppföljningen ${d.rs.year} – ${d.rs.centre.namn}` },
    beskrivning: "Formulär för samordnarens årliga uppföljning: årsberättelse, enkäter, länsmål och förbättringsarbeten.",
    stilar: ["/assets/rapport.css"],
    skript: [REPORT_SCRIPT],
  });
  eleventyConfig.on("eleventy.after", async (event: { directories?: { output?: string }; dir?: { output?: string } }) => {
    const out = event.directories?.output ?? event.dir?.output;
    if (!out) return;
    const file = join(out, REPORT_SCRIPT);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, await reportFormBundle());
  });
}
