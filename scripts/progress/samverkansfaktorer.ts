/**
 * The nine factors of the collaboration survey (samverkansenkät, Kalmar 2023) in the order the
 * site shows them, with the YAML key (FORMATS.md) and the Swedish label for people.
 */

export const SAMVERKANSFAKTORER = [
  { key: "tid", label: "Tid" },
  { key: "lokaler", label: "Lokaler" },
  { key: "ledningens_stöd", label: "Ledningens stöd" },
  { key: "kollegornas_engagemang", label: "Kollegornas engagemang" },
  { key: "samsyn", label: "Samsyn" },
  { key: "kunskap_om_uppdrag", label: "Kunskap om uppdraget" },
  { key: "besökarnas_inflytande", label: "Besökarnas inflytande" },
  { key: "gemensam_kompetensutveckling", label: "Gemensam kompetensutveckling" },
  { key: "flöde_mellan_verksamheter", label: "Flöde mellan verksamheterna" },
] as const;

export type Samverkansfaktor = (typeof SAMVERKANSFAKTORER)[number]["key"];

export type FactorScores = Partial<Record<Samverkansfaktor, number>>;

/**
 * The mean of each factor over the centres that reported it, each centre counting once (the chart
 * compares a centre with the typical centre, not with all staff in the county); a factor nobody
 * reported is left out.
 *
 * @example
 * averageScores([{ tid: 3 }, { tid: 4, samsyn: 2 }]); // → { tid: 3.5, samsyn: 2 }
 */
export function averageScores(centres: readonly FactorScores[]): FactorScores {
  const average: FactorScores = {};
  for (const { key } of SAMVERKANSFAKTORER) {
    const values = centres.map((scores) => scores[key]).filter((value): value is number => value !== undefined);
    if (values.length > 0) average[key] = values.reduce((sum, value) => sum + value, 0) / values.length;
  }
  return average;
}
