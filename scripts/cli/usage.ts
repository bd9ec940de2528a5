// What each command prints for --help: Swedish usage, flags and exit codes. One place for all of them, so
// the README's command table (README.md, "Commands") and these texts can be read side by side.

export type CommandName = "validate" | "build" | "start" | "utgava" | "andringar" | "ny-familjecentral" | "nytt-ar" | "bench";

const ROOT = "  --root MAPP      innehållsroten (mappen med content/ och data/); standard: den aktuella mappen";

export const USAGE: Record<CommandName, string> = {
  validate: `Kontrollerar handbokens filer mot scheman och regler och skriver felen på svenska.

Användning: npm run validate -- [--root MAPP] [--format text|json|github] [--webbplats ADRESS] [FIL …]

${ROOT}
  --format FORMAT  text (standard), json, eller github (anteckningar på ändrade rader i en pull request)
  --webbplats ADRESS
                   kontrollera som inför publicering på den adressen: ett län som inte är fiktivt måste
                   då ha tillgänglighetsredogörelsens uppgifter (tillgänglighet i data/lan.yaml)
  FIL …            kontrollera bara de här filerna (resten läses ändå, för hänvisningarna)
  --help           visa den här texten

Exempel: npm run validate -- data/familjecentraler/fittja.yaml

Slutkoder: 0 allt stämmer, 1 fel hittades, 2 kommandot kunde inte köras.
`,
  build: `Kontrollerar och bygger webbplatsen med sökindex. Mappen ersätts först när allt har lyckats.

Användning: npm run build -- [--root MAPP] [--out MAPP] [--webbplats ADRESS]

${ROOT}
  --out MAPP       vart webbplatsen skrivs; standard: _site
  --webbplats ADRESS
                   webbplatsens fullständiga adress, t.ex. https://org.github.io/handbok/; sökvägen blir
                   bassökväg för alla länkar. Går före webbplats: i data/lan.yaml (och miljövariabeln
                   FC_WEBBPLATS, som gör samma sak)
  --help           visa den här texten

Exempel: npm run build -- --webbplats https://handbok.exempel.se/

Slutkoder: 0 byggd, 1 filerna innehåller fel (ingenting skrevs), 2 kommandot kunde inte köras.
`,
  start: `Bygger webbplatsen och visar den på http://localhost:8080 (miljövariabeln PORT byter port).
Bygger om vid varje ändring; med fel i filerna visas de senaste giltiga uppgifterna tills felen är rättade.

Användning: npm start -- [--root MAPP] [--out MAPP]

${ROOT}
  --out MAPP       vart webbplatsen skrivs; standard: _site
  --help           visa den här texten

Exempel: npm start -- --root examples/exempellan

Slutkoder: körs tills du avbryter med Ctrl+C; 1 filerna innehåller fel vid start, 2 kommandot kunde inte köras.
`,
  utgava: `Fryser den gällande vägledningen som en beslutad utgåva under utgavor/<id>/.

Användning: npm run utgava -- ID --beslutad ÅÅÅÅ-MM-DD --av "VEM" [--nasta-granskning ÅÅÅÅ-MM-DD] [--titel "…"] [--root MAPP]

  ID               utgåvans id, t.ex. 2026-1
  --beslutad DATUM dagen då utgåvan beslutades
  --av "VEM"       vem som beslutade, t.ex. "Länsgemensam styrgrupp"
  --nasta-granskning DATUM
                   när utgåvan ska granskas nästa gång
  --titel "…"      utgåvans namn på webbplatsen; standard: Utgåva ID
${ROOT}
  --help           visa den här texten

Exempel: npm run utgava -- 2026-1 --beslutad 2026-11-17 --av "Länsgemensam styrgrupp"

Slutkoder: 0 fryst, 1 vägrade (id finns redan, fel datum, innehåll med fel), 2 kommandot kunde inte köras.
`,
  andringar: `Sammanfattar på svenska (Markdown) vad ändringarna gör med handbokens uppgifter jämfört med en git-version:
familjecentraler, mätningar och status, årsberättelser, enkäter, målperioder och vägledningssidor.

Användning: npm run andringar -- --base GIT-REFERENS [--root MAPP]

  --base REF       versionen att jämföra med, t.ex. origin/main
${ROOT}
  --help           visa den här texten

Exempel: npm run andringar -- --base origin/main > andringar.md

Slutkoder: 0 sammanfattningen skrevs, 2 referensen finns inte eller kommandot kunde inte köras.
`,
  "ny-familjecentral": `Skapar filen för en ny familjecentral i data/familjecentraler/ med vägledande kommentarer.

Användning: npm run ny-familjecentral -- --id ID --namn "NAMN" --kommun KOMMUN [--typ TYP] [--samlokalisering GRAD] [--root MAPP]

  --id ID          filens och sidans id: små bokstäver a–z, siffror och bindestreck, t.ex. fittja
  --namn "NAMN"    familjecentralens namn
  --kommun KOMMUN  kommunens id i data/lan.yaml
  --typ TYP        familjecentral (standard) eller familjecentralsliknande
  --samlokalisering GRAD
                   helt (standard), delvis eller ej
${ROOT}
  --help           visa den här texten

Exempel: npm run ny-familjecentral -- --id fittja --namn "Familjecentralen Fittja" --kommun botkyrka

Slutkoder: 0 skapad, 1 vägrade (id finns, ogiltigt id, okänd kommun), 2 kommandot kunde inte köras.
`,
  "nytt-ar": `Lägger till ett nytt uppföljningsår för en familjecentral med vägledande kommentarer.
Allt som redan står i filen behålls tecken för tecken.

Användning: npm run nytt-ar -- --id FAMILJECENTRAL --ar ÅÅÅÅ [--root MAPP]

  --id ID          familjecentralens id, t.ex. fittja
  --ar ÅÅÅÅ        året som ska läggas till
${ROOT}
  --help           visa den här texten

Exempel: npm run nytt-ar -- --id fittja --ar 2026

Slutkoder: 0 tillagt, 1 vägrade (okänd familjecentral, året finns redan), 2 kommandot kunde inte köras.
`,
  bench: `Mäter bygget i nationell skala: genererar en påhittad handbok och mäter helt bygge mot bara Eleventy,
validering, ombyggnad i utvecklingsservern, sökindexet och vikten av tre sorters sidor.

Användning: npm run bench -- [--centres N] [--years N] [--editions N] [--pages N] [--out FIL] [--keep]

  --centres N      antal familjecentraler; standard 400
  --years N        uppföljningsår per familjecentral; standard 10
  --editions N     frysta utgåvor; standard 3
  --pages N        vägledningssidor (minst 6); standard 60
  --out FIL        resultatet som JSON; standard .bench/results.json
  --keep           behåll den genererade handboken efteråt
  --help           visa den här texten

Exempel: npm run bench -- --centres 100 --years 5

Sista raden är "ratio <helt bygge / bara Eleventy>".
Slutkoder: 0 mätt, 2 kommandot kunde inte köras.
`,
};
