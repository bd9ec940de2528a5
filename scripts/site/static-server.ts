import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

// One static server for screenshots, browser tests and the benchmark: it behaves like a plain static host
// (no compression), so what a test or the benchmark measures is what such a host would send.

/** MIME types for everything the built site contains; unknown extensions are served as bytes. */
const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

/** A running server: its base URL with the prefix but no trailing slash, and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Maps a request path to a file inside `root`, or undefined when it would leave the folder. */
export function resolveRequest(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]?.split("#")[0] ?? "/");
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, "index.html");
  return file;
}

/** Finds the file a URL path names inside `dir`: directories give their index.html; nothing outside `dir`. */
function fileFor(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(dir, decoded));
  if (candidate !== dir && !candidate.startsWith(dir + sep)) return undefined;
  if (!existsSync(candidate)) return undefined;
  const stat = statSync(candidate);
  if (stat.isFile()) return candidate;
  if (stat.isDirectory()) {
    const index = join(candidate, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return undefined;
}

/**
 * Serves a built site the way a plain static host would: correct MIME types, `dir/` → `dir/index.html`,
 * `dir` without a slash → redirect, and a missing file → /404.html with status 404. Port 0 picks a free port.
 * With a `prefix` such as "/handbok/" the site exists only under that path, as on a GitHub Pages project
 * site or in a sub-folder of a county's web: everything outside it answers 404 without the site's page.
 */
export function serveStatic(dir: string, port = 0, prefix = "/"): Promise<StaticServer> {
  const root = resolve(dir);
  const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (`${url.pathname}/` === base) {
      res.writeHead(301, { Location: `${base}${url.search}` }).end();
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Utanför webbplatsens bassökväg.\n");
      return;
    }
    const sitePath = url.pathname.slice(base.length - 1);
    let file = fileFor(root, sitePath);
    if (file && file.endsWith(`${sep}index.html`) && !url.pathname.endsWith("/") && !url.pathname.endsWith(".html")) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = fileFor(root, "/404.html");
      if (!file) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Sidan finns inte.\n");
        return;
      }
    }
    const type = MIME[extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(status, { "Content-Type": type, "Content-Length": statSync(file).size, "Cache-Control": "no-store" });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${actual}${base.slice(0, -1)}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
