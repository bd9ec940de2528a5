import { describe, expect, it } from "vitest";

import { csvField, csvNumber, toCsv } from "../../scripts/format/csv.ts";

describe("csvNumber", () => {
  it("writes a decimal comma, a plain hyphen for minus and no thousands separator", () => {
    const value = -1234.5;

    const text = csvNumber(value);

    expect(text).toBe("-1234,5");
  });

  it("keeps every meaningful decimal instead of the rounded display value", () => {
    expect(csvNumber(0.3166666666666667)).toBe("0,3166666667");
    expect(csvNumber(41)).toBe("41");
  });
});

describe("csvField", () => {
  it("quotes text holding a semicolon, a quote or a line break and doubles the quotes", () => {
    expect(csvField("Spånga; Tensta")).toBe('"Spånga; Tensta"');
    expect(csvField('Barnets "bästa"')).toBe('"Barnets ""bästa"""');
    expect(csvField("rad ett\nrad två")).toBe('"rad ett\nrad två"');
  });

  it("quotes commas too so a file opened with a comma list separator still splits correctly", () => {
    expect(csvField("BMM, BVC")).toBe('"BMM, BVC"');
  });

  it("leaves ordinary Swedish text unquoted", () => {
    expect(csvField("Öppen förskola")).toBe("Öppen förskola");
  });

  it("writes empty cells for missing values and ja/nej for booleans", () => {
    expect([null, undefined, true, false].map(csvField)).toEqual(["", "", "ja", "nej"]);
  });

  it("defuses text that Excel would run as a formula", () => {
    const malicious = '=HYPERLINK("http://x";"klicka")';

    const cell = csvField(malicious);

    expect(cell).toBe(`"'=HYPERLINK(""http://x"";""klicka"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });
});

describe("toCsv", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    const rows = [
      ["Familjecentral", "År", "Värde"],
      ["Spånga-Tensta", 2024, 41.5],
    ];

    const csv = toCsv(rows);

    expect(csv).toBe("\uFEFFFamiljecentral;År;Värde\r\nSpånga-Tensta;2024;41,5\r\n");
  });

  it("can leave out the byte-order mark when the caller concatenates files", () => {
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });
});
