import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { schemaJson } from "../../scripts/validate/schemas.ts";
import { builtSites, readySite } from "../support/site.ts";

let out = "";
const html = (url: string): string => readFileSync(join(out, url, "index.html"), "utf8");
const switcher = (page: string): string[] =>
  [...(/<nav class="utgava-val"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? "").matchAll(/<a href="([^"]+)"/g)].map((m) => m[1] ?? "");

describe("archived editions on the site (example county)", () => {
  // The example county as tests/support/global-setup.ts built it once for every test file of this run.
  beforeAll(() => {
    const site = builtSites().find((s) => s.name === "exempellan");
    if (!site) throw new Error("global-setup byggde inte exempellänet");
    out = readySite(site).outDir;
  });

  it("builds every archived page under /utgava/<id>/ at its path in that edition", () => {
    expect(html("utgava/2022/vagledning/kvalitetsarbete")).toContain("<h1>Kvalitetsarbete</h1>");
    expect(html("utgava/2024/vagledning/forbattringsarbete")).toContain("<h1>Förbättringsarbete och status</h1>");
  });

  it("shows a banner with the decision and a link to the same page in the current edition", () => {
    const page = html("utgava/2024/vagledning/uppdrag");

    // 2024 is the example county's newest edition: a frozen copy, not "an older version".
    expect(page).toMatch(/class="utgava-banner utgava-banner--senaste"[\s\S]*Fryst utgåva[\s\S]*20 november 2024/);
    expect(html("utgava/2022/vagledning/uppdrag")).toMatch(/class="utgava-banner"[\s\S]*Äldre utgåva/);
    expect(page).toContain('<a href="/vagledning/uppdrag/">Läs sidan i den gällande vägledningen</a>');
  });

  it("names the edition once in an archived page's breadcrumbs, as the crumb of the edition's start page", () => {
    // The page titles carry the edition's name; the trail does not repeat it in every crumb (decisions.md §15).
    const trail = /<nav class="brodsmulor"[\s\S]*?<\/nav>/.exec(html("utgava/2024/vagledning/uppdrag"))?.[0] ?? "";
    const crumbs = [...trail.matchAll(/<li>(?:<a href="([^"]+)">|<span aria-current="page">)([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(crumbs).toEqual([
      ["/", "Start"],
      ["/utgava/", "Utgåvor av vägledningen"],
      ["/utgava/2024/", "Utgåva 2024"],
      [undefined, "Familjecentralens uppdrag"],
    ]);
  });

  it("links a page that no longer exists to the current start page", () => {
    expect(html("utgava/2022/vagledning/samverkansavtal")).toContain('<a href="/">Gå till den gällande vägledningens startsida</a>');
  });

  it("finds the same page across a rename and a move through its stable id", () => {
    const expected = [
      "/vagledning/forbattringsarbete/",
      "/utgava/2024/vagledning/forbattringsarbete/",
      "/utgava/2022/vagledning/kvalitetsarbete/",
    ];

    expect(switcher(html("utgava/2022/vagledning/kvalitetsarbete"))).toEqual(expected);
    expect(switcher(html("vagledning/forbattringsarbete"))).toEqual(expected);
  });

  it("points the canonical link of an archived page at the current page", () => {
    // Absolute, from the county's site address (webbplats: in lan.yaml); the current page names itself.
    expect(html("utgava/2022/vagledning/kvalitetsarbete")).toContain(
      '<link rel="canonical" href="https://handbok.exempel.se/vagledning/forbattringsarbete/">',
    );
    expect(html("vagledning/forbattringsarbete")).toContain(
      '<link rel="canonical" href="https://handbok.exempel.se/vagledning/forbattringsarbete/">',
    );
    expect(html("utgava/2022/vagledning/kvalitetsarbete").match(/rel="canonical"/g)).toHaveLength(1);
  });

  it("tags pages with an edition filter for search, current pages as Gällande", () => {
    expect(html("vagledning/uppdrag")).toContain('<meta name="fc-utgava" data-pagefind-filter="utgåva[content]" content="Gällande">');
    expect(html("utgava/2022/vagledning/uppdrag")).toContain(
      '<meta name="fc-utgava" data-pagefind-filter="utgåva[content]" content="Utgåva 2022">',
    );
  });

  it("says on a current page that it changed since the newest edition", () => {
    expect(html("vagledning/uppdrag")).toContain('Ändrad sedan Utgåva 2024: <a href="/utgava/2024/vagledning/uppdrag/">');
    expect(html("vagledning/roller-och-ansvar")).not.toContain("utgava-sedan");
  });

  it("lists added, removed and changed pages per edition, and all editions on /utgava/", () => {
    const overview = html("utgava/2024");
    const all = html("utgava");

    expect(overview).toMatch(/Nya sidor[\s\S]*Om exemplet/);
    expect(overview).toMatch(/Borttagna sidor[\s\S]*Samverkansavtal \(id samverkansavtal\)/);
    expect(overview).toContain("(flyttad, hette tidigare /vagledning/kvalitetsarbete/)");
    expect(html("utgava/2022")).toContain("Rättade stavningen av barnmorskemottagningen.");
    expect(all).toMatch(/Utgåva 2024[\s\S]*Utgåva 2022/);
    expect(all).toContain("15 november 2026");
  });

  it("keeps internal links inside the archived edition when the target existed there", () => {
    expect(html("utgava/2024")).toContain('href="/utgava/2024/vagledning/uppdrag/"');
  });

  it("shows the page's change history", () => {
    expect(html("vagledning/uppdrag")).toMatch(/Ändringshistorik[\s\S]*16 november 2022/);
  });

  it("builds the coordinators' page with field tables taken from the centre schema", () => {
    const page = html("samordnare/uppdatera");
    const props = schemaJson("familjecentral").properties as Record<string, { description: string }>;

    expect(page).toContain("<h1>Så uppdaterar du er familjecentrals uppgifter</h1>");
    expect(page).toContain("Klicka på pennan");
    for (const [key, field] of Object.entries(props)) {
      expect(page).toContain(`<code>${key}</code>`);
      expect(page).toContain(field.description.replace(/&/g, "&amp;"));
    }
    expect(page).toContain("<code>länsmål[].mätningar[]</code>");
    expect(page).toContain("<code>förbättringsarbeten[].mätningar[]</code>");
    expect(page).toContain('href="https://github.com/fc-handbok/fc-handbok/tree/main/examples/exempellan/data/familjecentraler"');
  });
});
