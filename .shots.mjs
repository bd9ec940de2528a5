import { chromium } from "playwright-core";
import { serveStatic } from "./scripts/site/static-server.ts";
const [dir, width, ...pages] = process.argv.slice(2);
const srv = await serveStatic(dir, 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 } });
for (const p of pages) {
  await page.goto(srv.url + p, { waitUntil: "networkidle" });
  await page.waitForTimeout(1000);
  const name = `/tmp/s-${width}-${p.replace(/[^a-z0-9]+/gi, "_")}.png`;
  await page.screenshot({ path: name, fullPage: process.env.FULL === "1" });
  console.log(name, await page.evaluate(() => document.documentElement.scrollWidth));
}
await browser.close(); await srv.close();
