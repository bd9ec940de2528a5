import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM_FLAGS, chromiumPath } from "../../scripts/browser/chromium.ts";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

const INSTALL_COMMAND = "apt-get install -y chromium";
// Waits up to five minutes for a dpkg/apt lock that another process holds instead of failing at once.
const WAIT_FOR_LOCK = "-o DPkg::Lock::Timeout=300";

/** The Chromium binary, or undefined when it is not installed. */
export function findChromium(): string | undefined {
  const path = chromiumPath();
  return existsSync(path) ? path : undefined;
}

function hasAptGet(): boolean {
  return spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}

/**
 * Returns the Chromium binary, installing Debian's `chromium` package first when it is missing and we
 * can (root with apt-get). Otherwise throws a Swedish message that names the command to run.
 */
export function ensureChromium(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(
      `CHROMIUM_PATH pekar på ${process.env.CHROMIUM_PATH}, men den filen finns inte. Rätta sökvägen eller ta bort variabeln.`,
    );
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && hasAptGet()) {
    log(`Chromium saknas: installerar Debians paket med ”${INSTALL_COMMAND}” (tar ungefär en halv minut) …`);
    try {
      execFileSync("sh", ["-c", `apt-get ${WAIT_FOR_LOCK} update && apt-get ${WAIT_FOR_LOCK} install -y chromium`], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } catch {
      log("apt-get kunde inte installera Chromium (höll en annan process apt-låset längre än fem minuter?).");
    }
    const installed = findChromium();
    if (installed) {
      log(`Chromium installerat: ${installed}`);
      return installed;
    }
  }
  throw new Error(
    `Webbläsartesterna behöver Chromium, men ${chromiumPath()} finns inte. ` +
      `Installera det med: sudo apt-get update && sudo ${INSTALL_COMMAND} (eller sätt CHROMIUM_PATH till en befintlig Chromium).`,
  );
}

/**
 * Launches one headless Chromium for a test file. Playwright starts every launch with a fresh, temporary
 * --user-data-dir of its own (and deletes it on close), so no profile state leaks between runs.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS, headless: true });
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for URLs the site may load: its own server on localhost, and in-page data:/blob:/about: URLs. */
export function isLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

export interface GuardedContext {
  context: BrowserContext;
  /** Every request the pages tried to make to somewhere other than localhost (all were aborted). */
  blocked: string[];
}

/**
 * Every URL isLocal() might refuse: all but http(s)/ws(s) on localhost, 127.0.0.1 or [::1] with an optional port
 * followed by a path, query, fragment or nothing, and data:/blob:/about: URLs. A pre-filter only: the handler
 * still asks isLocal(), so "http://127.0.0.1:80@example.com/" (host example.com) is caught. Because the
 * pattern is a RegExp, Playwright matches it inside the browser process and local requests never make the
 * round trip to Node, which a "**\/*" route costs every request (docs/testing.md §3).
 */
export const MAYBE_REMOTE = /^(?!(?:https?|wss?):\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:[/?#]|$)|(?:data|blob|about):)/i;

/** A browser context that aborts and records every request that would leave localhost. */
export async function guardedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ locale: "sv-SE", ...options });
  const blocked: string[] = [];
  await context.route(MAYBE_REMOTE, async (route) => {
    const url = route.request().url();
    if (isLocal(url)) {
      await route.continue();
    } else {
      // The request event below may have recorded it already.
      if (!blocked.includes(url)) blocked.push(url);
      await route.abort("blockedbyclient");
    }
  });
  // Requests that bypass routing (e.g. from workers) still surface here; record them too.
  context.on("request", (request) => {
    const url = request.url();
    if (!isLocal(url) && !blocked.includes(url)) blocked.push(url);
  });
  return { context, blocked };
}
