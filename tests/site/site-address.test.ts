import { describe, expect, it } from "vitest";
import { absoluteUrl, parseSiteAddress, resolveSiteAddress, SiteAddressError } from "../../scripts/site/site-address.ts";
import { runCommand } from "../support/run.ts";
import { MINIMAL } from "../support/fixture-root.ts";

describe("the site address", () => {
  it("takes the base path from the address and adds the folder's trailing slash", () => {
    expect(parseSiteAddress("https://org.github.io/repo", "test")).toMatchObject({
      url: "https://org.github.io/repo/",
      pathPrefix: "/repo/",
    });
    expect(parseSiteAddress("https://handbok.exempel.se/", "test").pathPrefix).toBe("/");
  });

  it("lets the environment variable win over lan.yaml, and has no absolute address without either", () => {
    expect(resolveSiteAddress("https://a.exempel.se/", { FC_WEBBPLATS: "https://b.exempel.se/x/" }).url).toBe("https://b.exempel.se/x/");
    expect(resolveSiteAddress("https://a.exempel.se/", {}).url).toBe("https://a.exempel.se/");
    expect(resolveSiteAddress(undefined, {})).toEqual({ pathPrefix: "/" });
  });

  it("refuses addresses that are not full http(s) URLs, in Swedish and naming where they came from", () => {
    expect(() => parseSiteAddress("handbok.exempel.se", "flaggan --webbplats")).toThrow(SiteAddressError);
    expect(() => parseSiteAddress("handbok.exempel.se", "flaggan --webbplats")).toThrow(/flaggan --webbplats: .*ingen fullständig adress/);
    expect(() => parseSiteAddress("ftp://exempel.se/", "x")).toThrow(/måste börja med https:\/\//);
    expect(() => parseSiteAddress("https://exempel.se/?a=1", "x")).toThrow(/får inte innehålla/);
  });

  it("makes absolute URLs under the address, and root-relative ones with the base path when it is unknown", () => {
    const address = parseSiteAddress("https://org.github.io/repo/", "test");
    expect(absoluteUrl(address, "/vagledning/uppdrag/")).toBe("https://org.github.io/repo/vagledning/uppdrag/");
    expect(absoluteUrl(address, "/")).toBe("https://org.github.io/repo/");
    expect(absoluteUrl(address, "https://annan.se/")).toBe("https://annan.se/");
    expect(absoluteUrl({ pathPrefix: "/repo/" }, "/mal/")).toBe("/repo/mal/");
  });

  it("stops the build with exit code 2 and a Swedish message for a bad --webbplats, before writing anything", () => {
    const result = runCommand("build", ["--root", MINIMAL, "--out", "/tmp/fc-ska-inte-skrivas", "--webbplats", "handbok"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("build: --webbplats: ”handbok” är ingen fullständig adress");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the environment variable when FC_WEBBPLATS is what is wrong", () => {
    const result = runCommand("build", ["--root", MINIMAL, "--out", "/tmp/fc-ska-inte-skrivas"], { FC_WEBBPLATS: "ftp://x.se/" });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("build: miljövariabeln FC_WEBBPLATS: adressen måste börja med https://");
  });
});
