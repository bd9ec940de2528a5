import { describe, expect, it } from "vitest";
import { isLocal, MAYBE_REMOTE } from "./chromium.ts";

// guardedContext() routes only URLs that match MAYBE_REMOTE (docs/testing.md §3); its handler then decides with
// isLocal(). The pre-filter may let through local URLs, but never one that isLocal() refuses.
const REMOTE = [
  "https://example.com/",
  "http://fonts.googleapis.com/css?family=x",
  "http://localhost.example.com/",
  "http://127.0.0.1.nip.io/",
  "http://127.0.0.1@example.com/",
  "http://127.0.0.1:80@example.com/",
  "http://[::1]@example.com/",
  "wss://example.com/socket",
  "//example.com/x.js",
  "javascript:alert(1)",
];
const LOCAL = [
  "http://127.0.0.1:4173/",
  "http://127.0.0.1:4173/fc-handbok/sok/?q=x",
  "http://localhost/",
  "http://[::1]:8080/a#b",
  "ws://127.0.0.1:9/",
  "data:image/svg+xml,<svg/>",
  "blob:http://127.0.0.1:4173/0f1e",
  "about:blank",
];

describe("the request guard's pre-filter", () => {
  it.each(REMOTE)("routes %s, which isLocal refuses", (url) => {
    expect(isLocal(url)).toBe(false);
    expect(MAYBE_REMOTE.test(url)).toBe(true);
  });

  it.each(LOCAL)("lets %s through without a round trip, and isLocal agrees", (url) => {
    expect(isLocal(url)).toBe(true);
    expect(MAYBE_REMOTE.test(url)).toBe(false);
  });
});
