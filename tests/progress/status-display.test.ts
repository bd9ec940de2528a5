import { describe, expect, it } from "vitest";

import { STATUSES } from "../../scripts/progress/status.ts";
import { STATUS_DISPLAY, statusBadge, statusIconSprite, statusIconSvg } from "../../scripts/progress/status-display.ts";

describe("STATUS_DISPLAY", () => {
  it("has an entry for every status, keyed by its own text", () => {
    const keys = Object.keys(STATUS_DISPLAY);

    expect(keys.sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) expect(STATUS_DISPLAY[status].status).toBe(status);
  });

  it("gives every status a distinct ASCII class, icon id, symbol and icon shape", () => {
    const entries = STATUSES.map((status) => STATUS_DISPLAY[status]);

    for (const field of ["className", "iconId", "symbol", "iconPath", "short"] as const) {
      expect(new Set(entries.map((entry) => entry[field])).size).toBe(STATUSES.length);
    }
    for (const entry of entries) expect(entry.className).toMatch(/^status-[a-z]+(-[a-z]+)*$/);
  });

  it("explains each status in a Swedish sentence", () => {
    for (const status of STATUSES) expect(STATUS_DISPLAY[status].explanation).toMatch(/^[A-ZÅÄÖ].+\.$/);
  });
});

describe("status icons and badges", () => {
  it("hides the icon from screen readers because the text beside it carries the meaning", () => {
    const svg = statusIconSvg("Försämring");

    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toContain(`d="${STATUS_DISPLAY.Försämring.iconPath}"`);
  });

  it("shows a badge as icon plus the status text, and says when it was set by hand", () => {
    const badge = statusBadge("I fas", { manual: true });

    expect(badge).toMatch(
      /^<span class="status status-i-fas"><svg [^>]+>.*<\/svg> I fas <span class="status-manuell">\(satt manuellt\)<\/span><\/span>$/,
    );
  });

  it("builds a hidden sprite with one symbol per status", () => {
    const sprite = statusIconSprite();

    expect(sprite.match(/<symbol /g)).toHaveLength(STATUSES.length);
    expect(sprite).toContain('id="ikon-status-underlag-saknas"');
  });
});
