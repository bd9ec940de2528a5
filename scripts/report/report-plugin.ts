import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Handbok } from "../model/types.ts";
import type { EleventyConfig } from "../site/eleventy-plugin.ts";
import { reportFormBundle } from "./bundle.ts";
import { formPages } from "./form-model.ts";
import { reportFormHtml } from "./form-page.ts";
import { directPages } from "../site/direct-pages.ts";

export interface ReportPluginOptions {
  model: () => Handbok;
}

/** Where the form's script is served; pages link it root-absolute so a base path plugin can rewrite it. */
export const REPORT_SCRIPT = "/assets/rapportera.js";

/** The report form page of every centre, /familjecentraler/<id>/rapportera/, and its browser module. */
export function reportPlugin(eleventyConfig: EleventyConfig, options: ReportPluginOptions): void {
  // One form per centre, written outside Eleventy with the other per-centre pages (docs/decisions.md §12).
  // The dev server's first rebuild part asks for some centres' forms only (docs/dev-server.md §2).
  directPages(eleventyConfig).add((centres) =>
    formPages(options.model(), centres).map((rs) => ({
      url: `/familjecentraler/${rs.centre.id}/rapportera/`,
      titel: `Rapportera uppföljningen ${rs.year} – ${rs.centre.namn}`,
      beskrivning: "Formulär för samordnarens årliga uppföljning: årsberättelse, enkäter, länsmål och förbättringsarbeten.",
      // A form with the coordinator's own draft has nothing to find in search.
      sokbar: false,
      // Linked from its centre's page; the site map lists centres, not one form per centre.
      webbplatskarta: false,
      // A dev-server rebuild after one centre's file changed writes only that centre's form (dev-scope.ts).
      centre: rs.centre.id,
      stilar: ["/assets/rapport.css"],
      skript: [REPORT_SCRIPT],
      body: () => reportFormHtml(rs),
    })),
  );
  eleventyConfig.on("eleventy.after", async (event: { directories?: { output?: string }; dir?: { output?: string } }) => {
    const out = event.directories?.output ?? event.dir?.output;
    if (!out) return;
    const file = join(out, REPORT_SCRIPT);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, await reportFormBundle());
  });
}
