import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveRequest, serveStatic } from "../../scripts/site/static-server.ts";
import { tempDir } from "../support/temp.ts";

describe("resolveRequest", () => {
  it("never leaves the served folder", () => {
    expect(resolveRequest("/srv/site", "/../etc/passwd")).toBeUndefined();
    expect(resolveRequest("/srv/site", "/%2e%2e/etc/passwd")).toBeUndefined();
    expect(resolveRequest("/srv/site", "/om/index.html?q=1")).toBe("/srv/site/om/index.html");
  });
});

describe("serveStatic", () => {
  it("serves index.html for folders and the site's 404 page for missing files", async () => {
    const dir = tempDir("fc-static-");
    writeFileSync(join(dir, "index.html"), "start");
    writeFileSync(join(dir, "404.html"), "saknas");
    const server = await serveStatic(dir);
    try {
      const home = await fetch(`${server.url}/`);
      const missing = await fetch(`${server.url}/finns-inte/`);

      expect(home.status).toBe(200);
      expect(await home.text()).toBe("start");
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe("saknas");
    } finally {
      await server.close();
    }
  });
});

describe("serveStatic with a base path", () => {
  it("serves the site only under its prefix, as a project site or a sub-folder host would", async () => {
    const dir = tempDir("fc-static-");
    writeFileSync(join(dir, "index.html"), "start");
    writeFileSync(join(dir, "404.html"), "saknas");
    const server = await serveStatic(dir, 0, "/handbok/");
    const origin = new URL(server.url).origin;
    try {
      const home = await fetch(`${server.url}/`);
      const bare = await fetch(server.url, { redirect: "manual" });
      const outside = await fetch(`${origin}/index.html`);
      const missing = await fetch(`${server.url}/finns-inte/`);

      expect(server.url).toMatch(/\/handbok$/);
      expect(await home.text()).toBe("start");
      expect(bare.status).toBe(301);
      expect(bare.headers.get("location")).toBe("/handbok/");
      expect(outside.status).toBe(404);
      expect(await outside.text()).not.toBe("start");
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe("saknas");
    } finally {
      await server.close();
    }
  });
});
