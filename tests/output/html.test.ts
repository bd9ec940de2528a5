import { beforeAll, describe, expect, it } from "vitest";
import { siteOrSkip } from "../support/browser.ts";
import { brokenReferences, formatBroken, siteFacts } from "../support/html.ts";
import { htmlFiles, sitemapPaths, urlPathOf } from "../support/pages.ts";
import { BASE_PATH_SITE, builtSites } from "../support/site.ts";
import { checkHtmlFolders, formatHtmlErrors, type HtmlError } from "../support/vnu.ts";

// The base-path build is the example county's HTML with other URLs; checking it again would only cost time.
const checkedByVnu = builtSites().filter((site) => site.outDir && site.name !== BASE_PATH_SITE);
let vnuErrors = new Map<string, HtmlError[]>();
beforeAll(async () => {
  // One Java process checks every site's HTML. No timeout: the checker always ends, and a busy machine must
  // not fail a correct site.
  if (checkedByVnu.length > 0) vnuErrors = await checkHtmlFolders(checkedByVnu.map((site) => site.outDir!));
}, 0);

describe.each(builtSites())("$label", (site) => {
  it("has zero errors from the W3C Nu HTML checker", (context) => {
    const { outDir } = siteOrSkip(site, context);
    context.skip(site.name === BASE_PATH_SITE, "samma HTML som exempellänet, bara med andra adresser");

    const errors = vnuErrors.get(outDir);
    if (!errors) throw new Error(`HTML-kontrollen kördes inte på ${outDir}`);

    expect(errors.length, formatHtmlErrors(errors)).toBe(0);
  });

  it("has no broken internal links, assets or #anchors", (context) => {
    const { outDir } = siteOrSkip(site, context);

    const broken = brokenReferences(outDir, site.basePath);

    expect(broken.length, formatBroken(broken)).toBe(0);
  });

  it("lists every HTML page in sitemap.xml and nothing that does not exist", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const listed = sitemapPaths(outDir, site.basePath);
    context.skip(listed === undefined, "webbplatsen har ingen sitemap.xml ännu (site-grenen lägger till den)");

    const pages = htmlFiles(outDir)
      .map(urlPathOf)
      .filter((path) => path !== "/404.html");
    const missing = pages.filter((path) => !listed?.includes(path));
    const extra = (listed ?? []).filter((path) => !pages.includes(path));

    expect(missing, `sidor som saknas i sitemap.xml:\n${missing.join("\n")}`).toEqual([]);
    expect(extra, `adresser i sitemap.xml utan sida:\n${extra.join("\n")}`).toEqual([]);
  });

  it("runs no inline script on any page", (context) => {
    const { outDir } = siteOrSkip(site, context);

    const inline = [...siteFacts(outDir).values()].flatMap((page) => page.inlineScripts.map((code) => `${page.path}: <script>${code}…`));

    expect(inline, `inline-skript (flytta dem till en fil under /assets/):\n${inline.join("\n")}`).toEqual([]);
  });

  it("sets a Content-Security-Policy without 'unsafe-inline' scripts on every page", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const facts = [...siteFacts(outDir).values()];
    context.skip(
      facts.every((page) => page.csp.length === 0),
      'ingen sida har någon Content-Security-Policy ännu: väntar på site-grenens layout (<meta http-equiv="Content-Security-Policy">)',
    );

    const problems: string[] = [];
    for (const page of facts) {
      if (page.csp.length === 0) {
        problems.push(`${page.path}: saknar <meta http-equiv="Content-Security-Policy">`);
        continue;
      }
      for (const policy of page.csp) {
        const directives = new Map(
          policy
            .split(";")
            .map((d) => d.trim().split(/\s+/))
            .filter((parts) => parts[0])
            .map((parts) => [parts[0]?.toLowerCase() ?? "", parts.slice(1)]),
        );
        const scriptSrc = directives.get("script-src") ?? directives.get("default-src");
        if (!scriptSrc) problems.push(`${page.path}: policyn saknar script-src och default-src: ${policy}`);
        else if (scriptSrc.includes("'unsafe-inline'")) problems.push(`${page.path}: script-src tillåter 'unsafe-inline': ${policy}`);
      }
    }

    expect(problems, problems.join("\n")).toEqual([]);
  });
});
