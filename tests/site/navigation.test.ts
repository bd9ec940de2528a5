import { describe, expect, it } from "vitest";
import { ancestorUrls, childrenOf, pageTree, parentUrl, prevNext } from "../../scripts/site/navigation.ts";

const pages = [
  { url: "/", titel: "Start" },
  { url: "/vagledning/", titel: "Vägledning" },
  { url: "/vagledning/uppfoljning/", titel: "Uppföljning", ordning: 30 },
  { url: "/vagledning/uppdrag/", titel: "Uppdraget", ordning: 10 },
  { url: "/vagledning/roller/", titel: "Roller", ordning: 20 },
  { url: "/vagledning/uppfoljning/arsberattelse/", titel: "Årsberättelse" },
  { url: "/om/", titel: "Om" },
];

describe("parentUrl and ancestorUrls", () => {
  it("walk up the URL path", () => {
    expect(parentUrl("/vagledning/uppdrag/")).toBe("/vagledning/");
    expect(parentUrl("/om/")).toBe("/");
    expect(parentUrl("/")).toBeUndefined();
    expect(ancestorUrls("/vagledning/uppfoljning/arsberattelse/")).toEqual(["/", "/vagledning/", "/vagledning/uppfoljning/"]);
  });
});

describe("childrenOf and prevNext", () => {
  it("order a section by ordning", () => {
    expect(childrenOf(pages, "/vagledning/").map((p) => p.titel)).toEqual(["Uppdraget", "Roller", "Uppföljning"]);
  });

  it("give neighbours within the section only", () => {
    const { prev, next } = prevNext(pages, "/vagledning/roller/");

    expect(prev?.titel).toBe("Uppdraget");
    expect(next?.titel).toBe("Uppföljning");
    expect(prevNext(pages, "/om/")).toEqual({});
  });
});

describe("pageTree", () => {
  it("nests pages by URL for the site map", () => {
    const tree = pageTree(pages);
    const guidance = tree.find((n) => n.url === "/vagledning/");

    expect(tree.map((n) => n.url)).toEqual(["/", "/om/", "/vagledning/"]);
    expect(guidance?.children.map((c) => c.titel)).toEqual(["Uppdraget", "Roller", "Uppföljning"]);
    expect(guidance?.children[2]?.children.map((c) => c.titel)).toEqual(["Årsberättelse"]);
  });
});
