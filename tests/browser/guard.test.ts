import { describe, expect, it } from "vitest";
import { useChromium } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { builtSites, readySite } from "../support/site.ts";

// The whole-site checks assert that `blocked` stays empty; this proves the guard fills it, now that it routes
// only what its RegExp pre-filter lets through (docs/testing.md §3).
const browser = useChromium();
const minimal = builtSites().find((s) => s.name === "minimal");

describe("the request guard in Chromium", () => {
  it("aborts and records requests to other hosts, and lets the site's own requests through", async () => {
    if (!minimal) throw new Error("den minimala testroten saknas bland de byggda webbplatserna");
    const { url } = readySite(minimal);
    const { context, blocked } = await guardedContext(await browser());
    try {
      const page = await context.newPage();
      const local: string[] = [];
      page.on("requestfinished", (request) => local.push(new URL(request.url()).pathname));
      await page.goto(`${url}/`, { waitUntil: "load" });
      // A navigation is not subject to the site's Content-Security-Policy, so only the route can stop it.
      const away = await context.newPage();
      const navigation = await away.goto("https://example.com/spion/").then(
        () => "öppnades",
        (error: Error) => error.message,
      );
      // A subresource the policy refuses still shows up as a request, and is recorded as one.
      await page.evaluate(async () => {
        const img = document.createElement("img");
        const done = new Promise((resolve) => img.addEventListener("error", resolve));
        img.src = "http://example.org:8080/pixel.gif";
        document.body.append(img);
        await done;
      });

      expect(navigation).toContain("ERR_BLOCKED_BY_CLIENT");
      expect(blocked).toEqual(["https://example.com/spion/", "http://example.org:8080/pixel.gif"]);
      expect(local).toEqual(expect.arrayContaining(["/", "/assets/handbok.css"]));
    } finally {
      await context.close();
    }
  });
});
