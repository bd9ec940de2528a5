// Swedish messages for problems found while reading a content root's files (the load layer). No Node
// imports, so the browser bundle can reuse them with the validator's other messages.

/** "1572864" bytes → "1,5 MB"; kept here (no Node imports) so the browser bundle can reuse the messages. */
function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`;
}

/**
 * Messages about files that have no place in a content root. A content root is data, never code: only the
 * file kinds the formats define are read, and nothing in it is run or published as it is.
 */
export const fileKindMessages = {
  symlink: (): string =>
    "sökvägen är en symbolisk länk. En innehållsrot får bara innehålla vanliga filer och mappar, eftersom en länk kan peka utanför handboken. Ersätt länken med en riktig fil eller ta bort den.",
  wrongKind: (area: "content" | "data" | "utgavor", name: string, wanted: ".md" | ".yaml"): string => {
    const dot = name.lastIndexOf(".");
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : "";
    if (wanted === ".yaml") {
      const rename = `Byt namn på filen till ${stem}.yaml`;
      if (ext === "") return `filen saknar filändelse och läses därför inte. Handboken läser bara filer som slutar på .yaml. ${rename}.`;
      if (/^\.ya?ml$/i.test(ext))
        return `filändelsen ”${ext}” läses inte: handboken läser bara filer som slutar på .yaml med små bokstäver. ${rename}, annars syns den inte på webbplatsen.`;
      return `filtypen ”${ext}” hör inte hemma under ${area}/. Här får bara YAML-filer (.yaml) ligga. Ta bort filen.`;
    }
    if (/^\.md$/i.test(ext)) return `filändelsen ”${ext}” ska skrivas med små bokstäver. Byt namn på filen till ${stem}.md.`;
    const what = ext === "" ? "filer utan filändelse" : `filtypen ”${ext}”`;
    return `${what} hör inte hemma under ${area}/. Här får bara Markdown-sidor (.md) ligga: mallar, skript, HTML och andra filer körs eller publiceras aldrig. Ta bort filen, eller skriv innehållet som en .md-sida.`;
  },
  editionFile: (): string =>
    "filen hör inte till formatet för utgåvor. En utgåva består bara av utgavor/<id>/utgava.yaml och Markdown-sidorna under utgavor/<id>/content/. Ta bort filen.",
  editionFolder: (): string =>
    "mappen hör inte till formatet för utgåvor. En utgåva består bara av utgava.yaml och mappen content/. Ta bort mappen.",
  hidden: (): string => "dolda filer (namn som börjar med punkt) hör inte hemma i en innehållsrot. Ta bort filen.",
  notAFile: (): string => "sökvägen är varken en vanlig fil eller en mapp (till exempel en namngiven pipe eller en enhet). Ta bort den.",
  notAFolder: (): string => "sökvägen ska vara en mapp, men är en fil. Ta bort filen och skapa mappen.",
  unreadableFolder: (): string => "mappen kan inte läsas. Kontrollera behörigheterna.",
  tooManyFiles: (max: number): string =>
    `mappen innehåller fler än ${max} filer och mappar. Kontrollen avbröts; ta bort det som inte hör till handboken.`,
  tooDeep: (max: number): string => `mapparna ligger fler än ${max} nivåer djupt. Lägg sidorna närmare roten.`,
  tooLarge: (bytes: number, max: number): string =>
    `filen är ${megabytes(bytes)}. En fil får vara högst ${megabytes(max)}; dela upp texten på flera filer eller ta bort det som inte hör hemma här.`,
  lineTooLong: (chars: number, max: number): string =>
    `raden är ${chars} tecken lång. Ett fält får vara högst ${max} tecken; korta texten eller dela upp den på flera rader.`,
  fieldTooLong: (chars: number, max: number): string =>
    `texten är ${chars} tecken lång. Ett fält får vara högst ${max} tecken; korta texten eller lägg den på en sida under content/.`,
};

/** YAML syntax slips whose parser message would point elsewhere (load/yaml.ts). */
export const yamlMessages = {
  unclosedFlow: (char: string, line: number): string =>
    char === "["
      ? `listan som börjar med [ på rad ${line} stängs aldrig. Avsluta den med ] på samma rad.`
      : `avsnittet som börjar med { på rad ${line} stängs aldrig. Avsluta det med } på samma rad.`,
  oddIndent: (spaces: number): string =>
    `raden har ${spaces} mellanslag indrag. Använd två mellanslag per nivå, så att raden börjar i samma kolumn som de andra raderna på samma nivå.`,
};
