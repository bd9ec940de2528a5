// The validated handbook model. Property names follow the YAML formats (Swedish domain words) so that
// a coordinator's field and the code's field are the same word; see schemas/ for what each means.

export type Status = "Uppnått" | "I fas" | "Behöver skyndas på" | "Begränsade framsteg" | "Försämring" | "Ej uppnått" | "Underlag saknas";
export type Enhet = "procent" | "antal" | "skala";
export type Riktning = "öka" | "minska";
export type Målgrupp = "alla" | "bmm" | "bvc" | "öf" | "socialtjänst" | "samordnare" | "styrgrupp";

export interface ManuellStatus {
  status: Status;
  motivering: string;
}

export interface Kommun {
  id: string;
  namn: string;
}

/** What the accessibility statement says; every fact comes from lan.yaml, never from a template. */
export interface Tillganglighet {
  /** A functional address someone reads, for feedback on accessibility. */
  "e-post"?: string;
  bedömning?: { datum: string; metod: string };
  brister?: { rubrik: string; beskrivning: string }[];
}

export interface Lan {
  id: string;
  namn: string;
  fiktivt: boolean;
  uppföljningsår: number;
  aktuell_period: string;
  källkod?: string;
  gren?: string;
  /** The site's public address (docs/publishing.md); the build flag --webbplats overrides it. */
  webbplats?: string;
  kontakt?: { namn?: string; "e-post"?: string };
  /** The facts of the accessibility statement (docs/publishing.md §8). */
  tillgänglighet?: Tillganglighet;
  kommuner: Kommun[];
  tidsfrister: { årsberättelse: string };
}

export interface Indikator {
  id: string;
  namn: string;
  enhet: Enhet;
  riktning: Riktning;
  datakälla: "besöksenkät" | "samverkansenkät" | "nationella indikatorer" | "årsberättelse";
  länsmål?: { värde: number };
  utgångsläge?: { värde: number; år: number };
  beskrivning?: string;
}

export interface Mal {
  id: string;
  namn: string;
  beskrivning?: string;
  uppdragspunkter?: number[];
  indikatorer: Indikator[];
}

export interface Fokusomrade {
  id: string;
  namn: string;
  beskrivning?: string;
  mål: Mal[];
}

export interface Malperiod {
  id: string;
  startår: number;
  slutår: number;
  status: "förslag" | "beslutad";
  beslut?: { datum: string; beslutat_av: string; diarienummer?: string };
  övergripande_mål: string;
  källor: string[];
  fokusområden: Fokusomrade[];
  /** Where the period was read from, relative to the root. */
  fil: string;
}

export interface Varde {
  värde: number;
  år: number;
  datum?: string;
}

export interface Forbattringsarbete {
  id: string;
  mål: string;
  delmål?: string;
  indikator: { namn: string; enhet: Enhet; riktning: Riktning };
  utgångsläge?: Varde;
  målvärde?: { värde?: number; år: number; datum?: string };
  mätningar: Varde[];
  manuell_status?: ManuellStatus;
  källa?: string;
  /** Field → why its value is the handbook's interpretation rather than a source's (docs/kallor-och-tolkningar.md). */
  tolkningar?: Tolkningar;
}

export const FAKTORER = [
  "tid",
  "lokaler",
  "ledningens_stöd",
  "kollegornas_engagemang",
  "samsyn",
  "kunskap_om_uppdrag",
  "besökarnas_inflytande",
  "gemensam_kompetensutveckling",
  "flöde_mellan_verksamheter",
] as const;
export type Faktor = (typeof FAKTORER)[number];

export interface LansmalUppfoljning {
  mål: string;
  aktiviteter?: string[];
  mätningar?: { indikator: string; värde: number }[];
  manuell_status?: ManuellStatus;
}

export interface Uppfoljningsar {
  år: number;
  årsberättelse?: { inlämnad: string | null };
  besöksenkät?: { antal_svar: number };
  samverkansenkät?: { antal_svar?: number; faktorer: Record<Faktor, number> };
  länsmål?: LansmalUppfoljning[];
  /** This year's improvement-work values from the year file; the model also adds them to the works' mätningar. */
  förbättringsarbeten?: ArbetesMatning[];
  /** Where the year was read from (data/uppfoljning/<år>/<id>.yaml), relative to the root. */
  fil?: string;
}

/** This year's value of one of the centre's own improvement works, as a year file reports it. */
export interface ArbetesMatning {
  id: string;
  värde: number;
  datum?: string;
}

/** One year file, data/uppfoljning/<år>/<id>.yaml: a centre's whole report for one year. */
export interface UppfoljningFil extends Omit<Uppfoljningsar, "fil"> {
  familjecentral: string;
}

/** Field name → the reason, in plain Swedish, that the field's value is an interpretation. */
export type Tolkningar = Partial<Record<string, string>>;

/** "okänd" is an explicit value: no source says it, and the page says so instead of guessing. */
export const OKAND = "okänd";

export interface Familjecentral {
  id: string;
  namn: string;
  andra_namn?: string[];
  kommun: string;
  typ: "familjecentral" | "familjecentralsliknande" | typeof OKAND;
  samlokalisering: "helt" | "delvis" | "ej";
  verksamheter: string[] | typeof OKAND;
  tolkningar?: Tolkningar;
  andra_aktörer?: string[];
  storlek?: "stor" | "liten";
  källor: string[];
  kontakt?: { "e-post"?: string; webbplats?: string };
  förbättringsarbeten?: Forbattringsarbete[];
  /** Assembled from the centre's year files (data/uppfoljning/<år>/<id>.yaml), oldest first; not in the centre file. */
  uppföljning?: Uppfoljningsar[];
  fil: string;
}

export interface ProcessSteg {
  id: string;
  namn: string;
  fas: "planera" | "följa upp och analysera" | "åtgärda";
  frekvens: "varje år" | "vartannat år" | "löpande";
  månader: number[];
  ansvarig: string;
  beskrivning?: string;
  källa?: string;
}

export interface Process {
  källor?: string[];
  steg: ProcessSteg[];
}

export interface Term {
  id: string;
  term: string;
  förkortning_för?: string;
  förklaring: string;
  se_även?: string[];
  källa?: string;
}

export interface Kalla {
  id: string;
  kortnamn: string;
  titel: string;
  utgivare: string;
  år: number;
  typ?: string;
  beskrivning?: string;
  url?: string;
}

export interface Lasvag {
  id: string;
  titel: string;
  målgrupp: Målgrupp;
  inledning: string;
  sidor: string[];
}

export interface Sidhuvud {
  id: string;
  titel: string;
  sammanfattning: string;
  målgrupper: Målgrupp[];
  källor: string[];
  granskad: string;
  nästa_granskning: string;
  senast_uppdaterad?: string;
  ordning?: number;
  ändringar?: { datum: string; beskrivning: string }[];
}

/** A guidance page as the model knows it: front matter plus where it lives. */
export interface Sida extends Sidhuvud {
  /** Path relative to the root, e.g. content/vagledning/uppdrag/index.md. */
  fil: string;
  /** Site URL, e.g. /vagledning/uppdrag/. */
  url: string;
  /** Words in the body, for reading times. */
  ord: number;
}

export interface Handbok {
  /** Absolute path of the content root. */
  rot: string;
  län: Lan;
  perioder: Malperiod[];
  familjecentraler: Familjecentral[];
  process: Process;
  ordlista: Term[];
  källor: Kalla[];
  läsvägar: Lasvag[];
  sidor: Sida[];
}
