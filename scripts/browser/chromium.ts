/**
 * How the project starts Debian's Chromium, for the browser tests and the benchmark alike: no sandbox
 * (CI runs as root) and none of Chromium's own network traffic, which this machine's closed network refuses.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Where Chromium is: CHROMIUM_PATH when set, otherwise Debian's package location. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}
