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

const TABLES = `{% for niva in nivaer %}
<section class="falt" aria-labelledby="{{ prefix }}-{{ loop.index }}">
<h3 id="{{ prefix }}-{{ loop.index }}">{% if niva.path %}<code>{{ niva.path }}</code> – {{ niva.title }}{% else %}Filens översta nivå{% endif %}</h3>
{% if niva.description %}<p>{{ niva.description }}</p>{% endif %}
<div class="tabell">
<table>
<caption>Fält {% if niva.path %}under {{ niva.path }}{% else %}på översta nivån{% endif %} ({{ fil }})</caption>
<thead><tr><th scope="col">Fält</th><th scope="col">Betydelse</th><th scope="col">Värde</th><th scope="col">Krävs</th></tr></thead>
<tbody>
{% for f in niva.fields %}<tr><th scope="row"><code>{{ f.key }}</code><br>{{ f.title }}</th><td>{{ f.description }}</td><td>{{ f.type }}{% if f["values"] %}: {% for v in f["values"] %}<code>{{ v }}</code>{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}</td><td>{% if f.required %}Ja{% else %}Nej{% endif %}</td></tr>
{% endfor %}</tbody>
</table>
</div>
</section>
{% endfor %}`;

const TEMPLATE = `<article class="samordnare">
<h1>Så uppdaterar du er familjecentrals uppgifter</h1>
<p class="ingress">Varje familjecentral har två slags filer i handbokens arkiv. Familjecentralens fil har fakta och era förbättringsarbeten
och ändras sällan. Varje år lämnar ni en ny uppföljningsfil med årsberättelse, enkäter, länsmål och årets mätvärden. Den filen skapar du enklast
med formuläret på er familjecentrals sida.</p>

<h2 id="formularet">Den årliga uppföljningen: fyll i formuläret</h2>
<ol>
<li><strong>Öppna formuläret.</strong> Gå till er familjecentrals sida under <a href="/familjecentraler/">Familjecentraler</a> och klicka på
<em>Rapportera uppföljningen för {{ ar }}</em>. Formuläret visar de länsmål och förbättringsarbeten som gäller er, med enhet och tillåtna värden.</li>
<li><strong>Fyll i det ni har.</strong> Lämna tomt det ni inte har mätt. Decimalkomma går bra. Formuläret kontrollerar värdena medan du skriver,
med samma meddelanden som den automatiska kontrollen i arkivet. Det du skriver sparas i din webbläsare tills du tömmer formuläret.</li>
<li><strong>Skapa filen.</strong> Klicka på <em>Skapa filen</em>. Finns det fel visas de överst och vid varje fält.</li>
<li><strong>Skicka som ändringsförslag.</strong> Länken öppnar arkivets sida för en ny fil, med filen och mappen ifyllda. Klicka på <em>Commit changes…</em>,
välj <em>Create a new branch … and start a pull request</em> och klicka på <em>Propose changes</em> och sedan <em>Create pull request</em>.
Har du inte skrivrätt skapar GitHub en egen kopia åt dig; det är som det ska. Går länken inte att använda kan du i stället ladda ner filen och ladda upp den
till mappen som formuläret anger (<em>Add file</em>, <em>Upload files</em>), eller kopiera texten till en ny fil.</li>
<li><strong>Läs kontrollens besked.</strong> Efter någon minut visas en kontroll längst ned i pull requesten. En grön bock betyder att filen är rätt.
Ett rött kryss betyder att något behöver rättas: klicka på <em>Details</em>; varje fel står på svenska med fil, rad och fält.</li>
<li><strong>Se vad rapporten ändrar.</strong> Kontrollen skriver en kommentar som sammanfattar den nya filen: familjecentral, år, värden och vilken status
varje mål får. Stämmer den med det du ville rapportera är du klar.</li>
</ol>
<p>När utvecklingsledaren har godkänt och slagit ihop ändringen byggs handboken om och de nya uppgifterna syns på webbplatsen.</p>
{% if sidor.length %}
<details class="rapportlankar">
<summary>Formulären för alla familjecentraler</summary>
<ul>
{% for s in sidor %}<li><a href="/familjecentraler/{{ s.id }}/rapportera/">{{ s.namn }}</a></li>
{% endfor %}</ul>
</details>
{% endif %}

<h2 id="for-hand">Att skriva filerna för hand</h2>
<p>Du kan också ändra filerna direkt i arkivet, till exempel för att rätta en äldre uppföljning eller ändra ett förbättringsarbete.</p>
<ol>
<li><strong>Öppna filen.</strong> Uppföljningen för ett år ligger i {% if repo %}<a href="{{ repo.uppfoljning }}">mappen för uppföljningarna</a>{% else %}mappen <code>{{ uppfoljningsmapp }}</code>{% endif %},
i en mapp per år, till exempel <code>{{ ar }}/fittja.yaml</code>. Familjecentralens egen fil ligger i {% if repo %}<a href="{{ repo.mapp }}">mappen med familjecentralernas filer</a>{% else %}mappen <code>{{ mapp }}</code>{% endif %}.
Filnamnet är familjecentralens id.</li>
<li><strong>Klicka på pennan</strong> (Edit this file) uppe till höger, eller på <em>Add file</em> för en ny årsfil.</li>
<li><strong>Ändra.</strong> Skriv på samma sätt som raderna runt omkring: samma indrag med mellanslag (aldrig tabb), ett kolon efter varje fältnamn och punkt
som decimaltecken. Rader som börjar med <code>#</code> är förklaringar. Fältens betydelse står i tabellerna nedan.</li>
<li><strong>Föreslå ändringen</strong> med <em>Commit changes…</em> och <em>Propose changes</em>, och skapa pull requesten som ovan.</li>
</ol>
<p>Den som arbetar lokalt kan låta verktyget skapa årets filer med förklaringar, länets mål och varje indikators id, namn och enhet:
<code>npm run nytt-ar -- --ar {{ ar }}</code> (lägg till <code>--id fittja</code> för en enda familjecentral). En ny familjecentral läggs till med
<code>npm run ny-familjecentral -- --id … --namn "…" --kommun …</code>.</p>

<h2 id="arsfilen">Årsfilen: <code>data/uppfoljning/&lt;år&gt;/&lt;id&gt;.yaml</code></h2>
<p>Tabellerna är hämtade direkt ur filformatets beskrivning (<code>schemas/uppfoljning.schema.json</code>), så de stämmer alltid med det som kontrolleras.
Samma texter visas när du håller muspekaren över ett fält i en editor med YAML-stöd. Året före en målperiod är periodens basår: värden då blir
familjecentralens utgångsläge för perioden.</p>
{% set nivaer = arsnivaer %}{% set prefix = "ar" %}{% set fil = "årsfilen" %}${TABLES}

<h2 id="falten">Familjecentralens fil: <code>data/familjecentraler/&lt;id&gt;.yaml</code></h2>
<p>Tabellerna är hämtade ur <code>schemas/familjecentral.schema.json</code>.</p>
{% set nivaer = fcnivaer %}{% set prefix = "falt" %}{% set fil = "familjecentralens fil" %}${TABLES}
</article>
`;

/** Registers the coordinators' page, its field tables generated from the schema at build time. */
export function samordnarePlugin(eleventyConfig: EleventyConfig, options: SamordnarePluginOptions): void {
  const prefix = relative(projectDir, resolve(options.rootDir)).split(sep).join("/");
  const mapp = `${prefix && !prefix.startsWith("..") ? `${prefix}/` : ""}data/familjecentraler`;
  const lan = options.model().län;
  const uppfoljningsmapp = `${prefix && !prefix.startsWith("..") ? `${prefix}/` : ""}data/uppfoljning`;
  const tree = lan.källkod ? `${lan.källkod.replace(/\/$/, "")}/tree/${lan.gren ?? "main"}` : undefined;
  const repo = tree ? { mapp: `${tree}/${mapp}`, uppfoljning: `${tree}/${uppfoljningsmapp}` } : undefined;
  eleventyConfig.addTemplate("samordnare-uppdatera.njk", TEMPLATE, {
    layout: "layouts/bas.njk",
    permalink: UPDATE_PAGE_URL,
    titel: "Så uppdaterar du er familjecentrals uppgifter",
    beskrivning: "För samordnare: hur du rapporterar årets uppföljning och ändrar familjecentralens uppgifter i handboken.",
    fcnivaer: schemaLevels("familjecentral"),
    arsnivaer: schemaLevels("uppfoljning"),
    ar: lan.uppföljningsår,
    // Computed for each build, not when the config loads: the dev server rebuilds with a new model.
    eleventyComputed: { sidor: () => options.model().familjecentraler.map((c) => ({ id: c.id, namn: c.namn })) },
    mapp,
    uppfoljningsmapp,
    repo,
  });
}
