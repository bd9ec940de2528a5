import { relative, resolve, sep } from "node:path";
import type { EleventyConfig } from "../site/eleventy-plugin.ts";
import type { Handbok } from "../model/types.ts";
import { projectDir } from "../paths.ts";
import { schemaLevels } from "./schema-docs.ts";

export interface SamordnarePluginOptions {
  rootDir: string;
  model: () => Handbok;
}

/** The URL of the coordinators' how-to page. */
export const UPDATE_PAGE_URL = "/samordnare/uppdatera/";

const TEMPLATE = `<article class="samordnare">
<h1>Så uppdaterar du er familjecentrals uppgifter</h1>
<p class="ingress">Varje familjecentral har en egen fil med sina uppgifter. Som samordnare ändrar du filen direkt i
webbläsaren på GitHub. Ändringen kontrolleras automatiskt och publiceras när den har godkänts.</p>

<h2 id="steg-for-steg">Steg för steg på GitHub</h2>
<ol>
<li><strong>Öppna filen.</strong> Gå till {% if repo %}<a href="{{ repo.mapp }}">mappen med familjecentralernas filer</a>{% else %}mappen <code>{{ mapp }}</code> i handbokens arkiv på GitHub{% endif %}
och klicka på er fil, till exempel <code>fittja.yaml</code>. Filnamnet är familjecentralens id.</li>
<li><strong>Klicka på pennan</strong> (Edit this file) uppe till höger. Har du inte skrivrätt skapar GitHub en egen kopia åt dig; det är som det ska.</li>
<li><strong>Ändra.</strong> Skriv på samma sätt som raderna runt omkring: samma indrag med mellanslag (aldrig tabb), ett kolon efter varje fältnamn.
Rader som börjar med <code>#</code> är förklaringar. Fältens betydelse står i tabellerna nedan.</li>
<li><strong>Föreslå ändringen.</strong> Klicka på <em>Commit changes…</em>, skriv kort vad du har ändrat (till exempel ”Mätvärden 2025 för Fittja”)
och välj <em>Create a new branch … and start a pull request</em>. Klicka på <em>Propose changes</em>.</li>
<li><strong>Skapa pull requesten.</strong> På nästa sida klickar du på <em>Create pull request</em>. Utvecklingsledaren får då ett meddelande.</li>
<li><strong>Läs kontrollens besked.</strong> Efter någon minut visas en kontroll längst ned i pull requesten. En grön bock betyder att filen är rätt.
Ett rött kryss betyder att något behöver rättas: klicka på <em>Details</em>. Under fliken <em>Files changed</em> står varje fel vid den rad det gäller,
på svenska, med fältet och hur du rättar det. Hela listan finns också i kontrollens sammanfattning (Summary).</li>
<li><strong>Se vad ändringen gör.</strong> Kontrollen skriver också en kommentar i pull requesten som sammanfattar vad ändringen gör med uppgifterna:
nya mätvärden, ändrade statusar, inlämnad årsberättelse och enkäter. Stämmer sammanfattningen med det du ville göra är du klar.</li>
<li><strong>Rätta vid behov.</strong> Öppna filen igen från pull requestens flik <em>Files changed</em> (de tre prickarna, <em>Edit file</em>) och spara på samma gren.
Kontrollen körs då igen.</li>
</ol>
<p>När utvecklingsledaren har godkänt och slagit ihop ändringen byggs handboken om och de nya uppgifterna syns på webbplatsen.</p>

<h2 id="nytt-ar">Ett nytt uppföljningsår</h2>
<p>Lägg till en ny post under <code>uppföljning</code> med samma indrag som föregående år. Den som arbetar lokalt kan låta verktyget skriva posten,
med förklaringar och länets mål för perioden: <code>npm run nytt-ar -- --id fittja --ar 2026</code>. En ny familjecentral läggs till med
<code>npm run ny-familjecentral -- --id … --namn "…" --kommun …</code>.</p>

<h2 id="falten">Vad fälten betyder</h2>
<p>Tabellerna är hämtade direkt ur filformatets beskrivning (<code>schemas/familjecentral.schema.json</code>), så de stämmer alltid med det som kontrolleras.
Samma texter visas när du håller muspekaren över ett fält i en editor med YAML-stöd.</p>
{% for niva in nivaer %}
<section class="falt" aria-labelledby="falt-{{ loop.index }}">
<h3 id="falt-{{ loop.index }}">{% if niva.path %}<code>{{ niva.path }}</code> – {{ niva.title }}{% else %}Filens översta nivå{% endif %}</h3>
{% if niva.description %}<p>{{ niva.description }}</p>{% endif %}
<div class="tabell">
<table>
<caption>Fält {% if niva.path %}under {{ niva.path }}{% else %}på översta nivån{% endif %}</caption>
<thead><tr><th scope="col">Fält</th><th scope="col">Betydelse</th><th scope="col">Värde</th><th scope="col">Krävs</th></tr></thead>
<tbody>
{% for f in niva.fields %}<tr><th scope="row"><code>{{ f.key }}</code><br>{{ f.title }}</th><td>{{ f.description }}</td><td>{{ f.type }}{% if f["values"] %}: {% for v in f["values"] %}<code>{{ v }}</code>{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}</td><td>{% if f.required %}Ja{% else %}Nej{% endif %}</td></tr>
{% endfor %}</tbody>
</table>
</div>
</section>
{% endfor %}
</article>
`;

/** Registers the coordinators' page, its field tables generated from the schema at build time. */
export function samordnarePlugin(eleventyConfig: EleventyConfig, options: SamordnarePluginOptions): void {
  const prefix = relative(projectDir, resolve(options.rootDir)).split(sep).join("/");
  const mapp = `${prefix && !prefix.startsWith("..") ? `${prefix}/` : ""}data/familjecentraler`;
  const lan = options.model().län;
  const repo = lan.källkod ? { mapp: `${lan.källkod.replace(/\/$/, "")}/tree/${lan.gren ?? "main"}/${mapp}` } : undefined;
  eleventyConfig.addTemplate("samordnare-uppdatera.njk", TEMPLATE, {
    layout: "layouts/bas.njk",
    permalink: UPDATE_PAGE_URL,
    titel: "Så uppdaterar du er familjecentrals uppgifter",
    beskrivning: "För samordnare: hur du ändrar familjecentralens uppgifter i handboken, fält för fält.",
    nivaer: schemaLevels("familjecentral"),
    mapp,
    repo,
  });
}
