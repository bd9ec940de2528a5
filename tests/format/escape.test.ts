import { describe, expect, it } from "vitest";

import { escapeHtml } from "../../scripts/format/escape.ts";

describe("escapeHtml", () => {
  it("turns a script tag into inert text", () => {
    const input = "<script>alert(1)</script>";

    const escaped = escapeHtml(input);

    expect(escaped).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("cannot break out of a quoted attribute to add an element", () => {
    const input = '"><img src=x onerror=alert(1)>';

    const escaped = escapeHtml(input);

    expect(escaped).toBe("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(escaped).not.toMatch(/[<>"]/);
  });

  it("escapes both kinds of quote", () => {
    const input = `Barnets "bästa" är förälderns 'fokus'`;

    const escaped = escapeHtml(input);

    expect(escaped).toBe("Barnets &quot;bästa&quot; är förälderns &#39;fokus&#39;");
  });

  it("escapes ampersands first so existing entities are shown literally, not decoded", () => {
    const input = "BMM & BVC &amp; ÖF";

    const escaped = escapeHtml(input);

    expect(escaped).toBe("BMM &amp; BVC &amp;amp; ÖF");
  });

  it("leaves Swedish letters and ordinary text untouched", () => {
    const input = "Öppen förskola på Spånga-Tensta";

    const escaped = escapeHtml(input);

    expect(escaped).toBe(input);
  });
});
