import { escNunjucks as e } from "../site/page-shell.ts";
import type { FormPage } from "./form-model.ts";

// The report form page, /familjecentraler/<id>/rapportera/, as HTML: written outside Eleventy with the other
// per-centre pages (scripts/site/direct-pages.ts, docs/decisions.md §12). It was the Nunjucks template
// _includes/sidor/fc-rapportera.njk; the HTML is the same byte for byte, so every value is escaped as Nunjucks
// escaped it (escNunjucks) and the config travels as JSON in an attribute, as Nunjucks' `dump` wrote it.
// The browser module (browser/) reads the field ids, names and data attributes below.

/** One field of a section: a text area for lists, else a one-line input (numeric keyboard for dates and integers). */
function fieldHtml(f: FormPage["sections"][number]["fields"][number]): string {
  const control =
    f.kind === "rader"
      ? `<textarea id="${e(f.id)}" name="${e(f.name)}" rows="3" aria-describedby="${e(f.id)}-hint">${e(f.value)}</textarea>`
      : `<input id="${e(f.id)}" name="${e(f.name)}" type="text" value="${e(f.value)}" aria-describedby="${e(f.id)}-hint" autocomplete="off" spellcheck="false"` +
        `${f.kind === "datum" || f.kind === "heltal" ? ' inputmode="numeric"' : ' inputmode="decimal"'}${f.kind !== "datum" ? ' class="falt-tal"' : ""}>`;
  return (
    `\n<div class="falt">\n<label for="${e(f.id)}">${e(f.label)}</label>\n<p class="falt-hint" id="${e(f.id)}-hint">${e(f.hint)}</p>` +
    `\n<p class="falt-fel" id="${e(f.id)}-fel" hidden><span class="visually-hidden">Fel: </span><span class="falt-fel__text"></span></p>` +
    `\n${control}\n</div>`
  );
}

/**
 * The page's article. It begins with a newline, as the template's output did (its first line only set a
 * variable); the page shell prints it as Eleventy printed the template's content.
 */
export function reportFormHtml(rs: FormPage): string {
  const sections = rs.sections
    .map(
      (s) =>
        `\n<fieldset class="rapport-del" id="del-${e(s.id)}">\n<legend><h2>${e(s.title)}</h2></legend>` +
        `${s.intro ? `<p class="rapport-del__intro">${e(s.intro)}</p>` : ""}${s.fields.map(fieldHtml).join("")}\n</fieldset>`,
    )
    .join("");
  return `\n<article class="rapport">
<h1 id="rapport-rubrik" tabindex="-1">Rapportera uppföljningen ${rs.year}</h1>
<p class="ingress">${e(rs.centre.namn)}. Fyll i det ni har för ${rs.year}. Formuläret skapar filen <code>${e(rs.file)}</code>, som du skickar in som ett ändringsförslag. Utvecklingsledaren granskar och publicerar den.</p>

<div class="rapport-info" data-utan-js>
<h2>Utan JavaScript</h2>
<p>Formuläret behöver JavaScript för att kontrollera värdena och skapa filen. Fälten nedan visar ändå exakt vad som ska rapporteras.
Du kan i stället skriva filen själv: skapa <code>${e(rs.file)}</code> i handbokens arkiv enligt <a href="/samordnare/uppdatera/#arsfilen">beskrivningen av årsfilen</a>,
eller kör <code>npm run nytt-ar -- --id ${e(rs.centre.id)} --ar ${rs.year}</code> för att få en ifylld mall.</p>
</div>

<p>${e(rs.periodText)} Hela formatet beskrivs på sidan <a href="/samordnare/uppdatera/#arsfilen">Så uppdaterar du er familjecentrals uppgifter</a>.</p>

<h2 id="integritet">Det du skriver stannar i webbläsaren</h2>
<p>Det du fyller i sparas bara i den här webbläsaren (i dess lokala lagring), så att ett påbörjat formulär finns kvar om du laddar om sidan.
Inget skickas någonstans förrän du själv klickar på <em>Skicka som ändringsförslag</em>, <em>Ladda ner filen</em> eller <em>Kopiera</em>.
Knappen <em>Töm formuläret</em> tar bort det som sparats.</p>
<p id="aterstallt" class="rapport-notis" hidden>Formuläret är ifyllt med det du skrev senast i den här webbläsaren.</p>

<div id="felsummering" class="felsummering" role="alert" tabindex="-1" aria-labelledby="felsummering-rubrik" hidden>
<h2 id="felsummering-rubrik">Rätta det här innan filen kan skapas</h2>
<ul id="felsummering-lista"></ul>
</div>

<form class="rapportformular" novalidate data-rapport="${e(JSON.stringify(rs.config))}" aria-labelledby="rapport-rubrik">${sections}\n<div class="rapport-knappar" data-med-js hidden>
<button type="submit" class="knapp">Skapa filen</button>
<button type="button" class="knapp knapp--sekundar" id="tom-formular">Töm formuläret</button>
</div>
</form>

<section id="resultat" class="rapport-resultat" aria-labelledby="resultat-rubrik" hidden>
<h2 id="resultat-rubrik" tabindex="-1">Filen är klar</h2>
<p>Filen heter <code>${e(rs.centre.id)}.yaml</code> och ska ligga i mappen <code>${e(rs.repoFolder)}</code> i handbokens arkiv.</p>
<ol class="rapport-val">
<li id="skicka"><a id="skicka-lank" class="knapp" href="#resultat">Skicka som ändringsförslag</a>
<p>Öppnar arkivets sida för en ny fil med filen ifylld. Klicka där på <em>Commit changes…</em>, välj att skapa en ny gren och en pull request och klicka på <em>Propose changes</em>.
Saknar du skrivrätt skapar tjänsten en egen kopia åt dig. Kontrollen körs sedan på nytt och sammanfattar vad rapporten ändrar.</p></li>
<li id="skicka-saknas" hidden><p>Det går inte att skicka filen med en länk: <span class="skal"></span>. Ladda ner eller kopiera den i stället.
<a id="redigera-lank" href="#resultat" hidden>Öppna den befintliga filen i arkivet</a></p></li>
<li><a id="ladda-ner-lank" class="knapp" href="#resultat" download="${e(rs.centre.id)}.yaml">Ladda ner filen</a>
<p>Ladda upp den till mappen <code>${e(rs.repoFolder)}</code> (Add file, Upload files) och föreslå ändringen som en pull request.</p></li>
<li><button type="button" class="knapp knapp--sekundar" id="kopiera">Kopiera</button>
<p id="kopiera-status" role="status"></p>
<label for="filtext">Filens innehåll</label>
<textarea id="filtext" readonly rows="16" spellcheck="false"></textarea></li>
</ol>
</section>
</article>`;
}
