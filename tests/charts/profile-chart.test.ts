import { describe, expect, it } from "vitest";

import {
  describeProfile,
  factorRows,
  profileChartSvg,
  profileChartTable,
  type ProfileChartInput,
} from "../../scripts/charts/profile-chart.ts";
import { averageScores, SAMVERKANSFAKTORER } from "../../scripts/progress/samverkansfaktorer.ts";
import { unbalancedTags } from "./well-formed.ts";

const profile: ProfileChartInput = {
  id: "samverkan-2024",
  title: "Samverkansenkät 2024",
  seriesName: "Familjecentralen Norr",
  rows: factorRows(
    {
      tid: 3.4,
      lokaler: 4.1,
      ledningens_stöd: 3,
      kollegornas_engagemang: 4.2,
      samsyn: 3.6,
      kunskap_om_uppdrag: 3.9,
      besökarnas_inflytande: 2.8,
      flöde_mellan_verksamheter: 3.5,
    },
    {
      tid: 3.6,
      lokaler: 3.8,
      ledningens_stöd: 3.2,
      kollegornas_engagemang: 4,
      samsyn: 3.5,
      kunskap_om_uppdrag: 3.7,
      besökarnas_inflytande: 3,
      gemensam_kompetensutveckling: 3.1,
      flöde_mellan_verksamheter: 3.3,
    },
  ),
};

describe("profileChartSvg", () => {
  it("renders the nine factors exactly as before", () => {
    const svg = profileChartSvg(profile);

    expect(svg).toMatchSnapshot();
  });

  it("gives byte-identical output for the same input", () => {
    expect(profileChartSvg(profile)).toBe(profileChartSvg(structuredClone(profile)));
  });

  it("is an image labelled by its title and a description in words", () => {
    const svg = profileChartSvg(profile);

    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="samverkan-2024-titel samverkan-2024-beskrivning"/);
    expect(svg).toContain('<title id="samverkan-2024-titel">Samverkansenkät 2024</title>');
    expect(svg).toContain(
      '<desc id="samverkan-2024-beskrivning">Medelvärden på skalan 1–5 för 9 faktorer. Familjecentralen Norr: högst Kollegornas engagemang (4,2), lägst Besökarnas inflytande (2,8). 5 av 8 faktorer ligger över länets medel. Värde saknas för Gemensam kompetensutveckling.</desc>',
    );
    expect(unbalancedTags(svg)).toEqual([]);
  });

  it("writes every score as text and marks a missing one", () => {
    const svg = profileChartSvg(profile);

    expect(svg).toContain(">3,4</text>");
    expect(svg).toContain(">Värde saknas</text>");
    expect(svg.match(/<g class="chart-row">/g)).toHaveLength(9);
  });

  it("escapes the series names and factor labels", () => {
    const input = { ...profile, seriesName: "<script>alert(1)</script>", rows: [{ label: '"><img src=x onerror=alert(1)>', value: 2 }] };

    const svg = profileChartSvg(input);
    const table = profileChartTable(input);

    for (const markup of [svg, table]) {
      expect(markup).not.toMatch(/<script|<img/);
      expect(unbalancedTags(markup)).toEqual([]);
    }
  });
});

describe("profileChartTable", () => {
  it("gives each factor a row header and both values, writing saknas for a gap", () => {
    const table = profileChartTable(profile);

    expect(table).toContain('<caption>Samverkansenkät 2024 <span class="chart-table-scale">(medelvärde, skala 1–5)</span></caption>');
    expect(table).toContain('<th scope="col">Familjecentralen Norr</th><th scope="col">Länets medel</th>');
    expect(table).toContain('<tr><th scope="row">Tid</th><td class="num">3,4</td><td class="num">3,6</td></tr>');
    expect(table).toContain(
      '<tr><th scope="row">Gemensam kompetensutveckling</th><td class="num">saknas</td><td class="num">3,1</td></tr>',
    );
  });
});

describe("describeProfile", () => {
  it("says so when the centre has no scores at all", () => {
    const text = describeProfile({ ...profile, rows: factorRows({}) });

    expect(text).toBe("Medelvärden på skalan 1–5 för 9 faktorer. Familjecentralen Norr: inga värden.");
  });
});

describe("averageScores", () => {
  it("averages each factor over the centres that reported it", () => {
    const average = averageScores([{ tid: 3 }, { tid: 4, samsyn: 2 }]);

    expect(average).toEqual({ tid: 3.5, samsyn: 2 });
  });

  it("knows the nine factors of the survey", () => {
    expect(SAMVERKANSFAKTORER).toHaveLength(9);
  });
});
