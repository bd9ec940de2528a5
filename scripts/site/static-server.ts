import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** A running server: its base URL (no trailing slash) and a way to stop it. */
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

/**
 * Serves a built site from `dir` on localhost, like a plain static host: index.html for folders,
 * 404.html for what is missing. Port 0 picks a free port. For screenshots and browser tests.
 */
export function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const file = resolveRequest(root, url);
    // A folder without its trailing slash redirects, as static hosts do, so relative links keep working.
    const bare = url.split("?")[0] ?? "/";
    if (file && !bare.endsWith("/") && file.endsWith(`${sep}index.html`) && !bare.endsWith("index.html")) {
      res.writeHead(301, { location: `${bare}/${url.slice(bare.length)}` }).end();
      return;
    }
    if (file && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(res);
      return;
    }
    const missing = join(root, "404.html");
    res.writeHead(404, { "content-type": TYPES[".html"] });
    if (existsSync(missing)) createReadStream(missing).pipe(res);
    else res.end("Sidan finns inte.");
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      ok({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
