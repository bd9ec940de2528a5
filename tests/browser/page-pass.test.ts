import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../scripts/site/static-server.ts";
import { useChromium } from "../support/browser.ts";
import { pagePass, type Pass } from "../support/page-checks.ts";

// The whole-site pass runs axe, the width check and the request checks in one evaluation and one visit per page
// (docs/testing.md §3). This proves on deliberately broken pages that the pass still finds each fault.
const HEAD = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Prov</title></head>`;
const PAGES: Record<string, string> = {
  "index.html": `${HEAD}<body><main><h1>Hel sida</h1><p>Inget fel här.</p></main></body></html>`,
  "utan-alt/index.html": `${HEAD}<body><main><h1>Bild</h1><img src="/bild.svg"></main></body></html>`,
  "kontrast/index.html": `${HEAD}<body><main><h1>Grått</h1><p style="color:#bbb;background:#fff">Svag text</p></main></body></html>`,
  "bred/index.html": `${HEAD}<body><main><h1>Bred</h1><div style="width:600px">För bred för en telefon</div></main></body></html>`,
  "saknas/index.html": `${HEAD}<body><main><h1>Saknad stil</h1><link rel="stylesheet" href="/finns-inte.css"></main></body></html>`,
  "skriptfel/index.html": `${HEAD}<body><main><h1>Skript</h1><script src="/fel.js"></script></main></body></html>`,
  "spion/index.html": `${HEAD}<body><main><h1>Spion</h1><img alt="" src="https://example.com/pixel.png"></main></body></html>`,
  "kaka/index.html": `${HEAD}<body><main><h1>Kaka</h1><script src="/kaka.js"></script></main></body></html>`,
  // Without the site's stylesheet every crumb takes a line of its own: four lines.
  "smulor/index.html": `${HEAD}<body><nav class="brodsmulor" aria-label="Du är här"><ol><li><a href="/">Start</a></li><li><a href="/a/">A</a></li><li><a href="/a/b/">B</a></li><li><span aria-current="page">Smulor</span></li></ol></nav><main><h1>Smulor</h1></main></body></html>`,
};

const browser = useChromium();
let dir = "";
let server: StaticServer | undefined;
let pass: Pass;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "fc-page-pass-"));
  for (const [file, html] of Object.entries(PAGES)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  writeFileSync(join(dir, "bild.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  writeFileSync(join(dir, "fel.js"), "throw new Error('avsiktligt fel');\n");
  writeFileSync(join(dir, "kaka.js"), "document.cookie = 'spår=1; path=/';\n");
  server = await serveStatic(dir);
  const paths = Object.keys(PAGES).map((f) => `/${f.replace(/index\.html$/, "")}`);
  pass = await pagePass(await browser(), server.url, paths);
}, 0);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the whole-site page pass on deliberately broken pages", () => {
  it("finds axe-core violations, among them a missing alt text and too little contrast", () => {
    expect(pass.violations.some((v) => v.startsWith("/utan-alt/: image-alt"))).toBe(true);
    expect(pass.violations.some((v) => v.startsWith("/kontrast/: color-contrast"))).toBe(true);
    expect(pass.violations.filter((v) => v.startsWith("/: "))).toEqual([]);
  });

  it("finds the page that is wider than a 375 px phone, and only that one", () => {
    expect(pass.overflow).toEqual([expect.stringMatching(/^\/bred\/: \d+ px bred/)]);
  });

  it("finds the page whose breadcrumb trail takes more than two lines, and only that one", () => {
    expect(pass.tallCrumbs).toEqual(["/smulor/: 4 rader"]);
  });

  it("finds the failed request and the script error", () => {
    expect(pass.failed).toEqual([expect.stringMatching(/^404 .*\/finns-inte\.css \(från .*\/saknas\/\)$/)]);
    expect(pass.errors).toEqual([expect.stringMatching(/\/skriptfel\/: .*avsiktligt fel/)]);
  });

  it("records the request to another host and the cookie", () => {
    expect(pass.blocked).toEqual(["https://example.com/pixel.png"]);
    expect(pass.cookies).toEqual([expect.stringMatching(/^spår /)]);
  });
});
