import { describe, expect, it } from "vitest";

import { chartRows, describeLineChart, lineChartSvg, lineChartTable, type LineChartInput } from "../../scripts/charts/line-chart.ts";
import { unbalancedTags } from "./well-formed.ts";

const small: LineChartInput = {
  id: "foraldragrupper",
  title: "Andel som deltar i föräldragrupp",
  unit: "procent",
  direction: "öka",
  baseline: { year: 2019, value: 17.7 },
  target: { year: 2022, value: 30 },
  measurements: [
    { year: 2021, value: 22 },
    { year: 2020, value: 19.5 },
  ],
  status: "Begränsade framsteg",
};

const hostile = "\"><img src=x onerror=alert(1)><script>alert(1)</script> & '";

describe("lineChartSvg", () => {
  it("renders a small case exactly as before", () => {
    const svg = lineChartSvg(small);

    expect(svg).toMatchSnapshot();
  });

  it("gives byte-identical output for the same input, whatever the order of measurements", () => {
    const reordered = { ...small, measurements: [...small.measurements].reverse() };

    const first = lineChartSvg(small);
    const second = lineChartSvg(reordered);

    expect(second).toBe(first);
  });

  it("is an image labelled by its title and description", () => {
    const svg = lineChartSvg(small);

    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="foraldragrupper-titel foraldragrupper-beskrivning"/);
    expect(svg).toContain('<title id="foraldragrupper-titel">Andel som deltar i föräldragrupp</title>');
    expect(svg).toContain(
      '<desc id="foraldragrupper-beskrivning">Indikatorn ska öka. Utgångsläge 17,7\u00a0% år 2019. Mätningar: 19,5\u00a0% år 2020, 22\u00a0% år 2021. Målvärde 30\u00a0% år 2022. Status: Begränsade framsteg.</desc>',
    );
  });

  it("scales by its viewBox alone and contains no script or event handler", () => {
    const svg = lineChartSvg(small);

    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 360 \d+(\.\d)?"/);
    expect(svg).not.toMatch(/^<svg [^>]*\s(width|height)=/);
    expect(svg).not.toMatch(/<script|\son\w+=/i);
  });

  it("is well formed", () => {
    expect(unbalancedTags(lineChartSvg(small))).toEqual([]);
    expect(unbalancedTags(lineChartSvg({ ...small, baseline: undefined, target: undefined, measurements: [] }))).toEqual([]);
  });

  it("escapes text from data in the title and description", () => {
    const input = { ...small, title: hostile };

    const svg = lineChartSvg(input);

    expect(svg).not.toContain("<img");
    expect(svg).not.toContain("<script");
    expect(svg).toContain(
      '<title id="foraldragrupper-titel">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;</title>',
    );
  });

  it("refuses an id that could not be used in aria-labelledby", () => {
    expect(() => lineChartSvg({ ...small, id: "a b" })).toThrow(RangeError);
    expect(() => lineChartSvg({ ...small, id: '"><x' })).toThrow(RangeError);
  });

  it("writes every value and tick in Swedish format", () => {
    const svg = lineChartSvg(small);

    expect(svg).toContain(">17,7\u00a0%</text>");
    expect(svg).toContain(">Mål 30\u00a0%</text>");
    expect(svg).toContain(">Målår 2022</text>");
    expect(svg).toContain(">2020</text>");
  });

  it("keeps every coordinate to at most one decimal", () => {
    const svg = lineChartSvg({ ...small, measurements: [{ year: 2021, value: 22.123456 }] });

    const numbers = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|width|height)="(-?[\d.]+)"/g)].map((match) => match[1]);

    expect(numbers.length).toBeGreaterThan(10);
    for (const number of numbers) expect(number).toMatch(/^-?\d+(\.\d)?$/);
  });

  it("fixes the axis at 1–5 for a survey scale and says when there is nothing to show", () => {
    const scale = lineChartSvg({ id: "s", title: "Samsyn", unit: "skala", direction: "öka", measurements: [{ year: 2024, value: 3.4 }] });
    const empty = lineChartSvg({ id: "e", title: "Tom", unit: "antal", direction: "minska", measurements: [] });

    expect(scale).toContain(">1,0 av 5</text>");
    expect(scale).toContain(">5,0 av 5</text>");
    expect(empty).toContain(">Inga värden ännu</text>");
    expect(empty).toContain("Inga mätningar ännu.");
  });
});

describe("lineChartSvg with a measurement in the baseline year", () => {
  it("starts the line at that measurement and puts the baseline label below its square", () => {
    const input: LineChartInput = {
      id: "v",
      title: "Väntetid",
      unit: "antal",
      direction: "minska",
      baseline: { year: 2027, value: 1480 },
      target: { year: 2028, value: 1000 },
      measurements: [
        { year: 2027, value: 1500 },
        { year: 2028, value: 1210 },
      ],
    };

    const svg = lineChartSvg(input);

    const points = /<polyline [^>]*points="([^"]+)"/.exec(svg)?.[1]?.split(" ");
    const square = /<rect x="[\d.]+" y="([\d.]+)" width="9"/.exec(svg)?.[1];
    const baselineLabel = /<g class="chart-baseline">.*?<text [^>]*y="([\d.]+)"/.exec(svg)?.[1];
    expect(points).toHaveLength(2);
    expect(Number(baselineLabel)).toBeGreaterThan(Number(square));
  });
});

describe("describeLineChart", () => {
  it("mentions a deadline that differs from the target year and a decreasing direction", () => {
    const input: LineChartInput = {
      id: "x",
      title: "Väntetid",
      unit: "antal",
      direction: "minska",
      target: { year: 2027, value: 10 },
      deadlineYear: 2028,
      measurements: [{ year: 2026, value: 1500 }],
    };

    const text = describeLineChart(input);

    expect(text).toBe("Indikatorn ska minska. Mätningar: 1\u00a0500 år 2026. Målvärde 10 år 2027. Målår 2028.");
  });
});

describe("lineChartTable", () => {
  it("lists the same data in year order with a caption and scoped headers", () => {
    const table = lineChartTable(small);

    expect(table).toBe(
      '<table class="chart-table"><caption>Andel som deltar i föräldragrupp</caption>' +
        '<thead><tr><th scope="col">År</th><th scope="col">Typ</th><th scope="col">Värde</th></tr></thead><tbody>' +
        '<tr><th scope="row">2019</th><td>Utgångsläge</td><td class="num">17,7\u00a0%</td></tr>' +
        '<tr><th scope="row">2020</th><td>Mätning</td><td class="num">19,5\u00a0%</td></tr>' +
        '<tr><th scope="row">2021</th><td>Mätning</td><td class="num">22\u00a0%</td></tr>' +
        '<tr><th scope="row">2022</th><td>Målvärde</td><td class="num">30\u00a0%</td></tr>' +
        "</tbody></table>",
    );
  });

  it("escapes its caption", () => {
    const table = lineChartTable(small, hostile);

    expect(table).not.toContain("<img");
    expect(unbalancedTags(table)).toEqual([]);
  });

  it("orders a baseline before a measurement of the same year", () => {
    const rows = chartRows({ ...small, measurements: [{ year: 2019, value: 18 }] });

    expect(rows.slice(0, 2).map((row) => row.kind)).toEqual(["Utgångsläge", "Mätning"]);
  });
});
