/**
 * "Redigera på GitHub" link: `<källkod>/edit/<gren>/<path>`, or undefined when the county names no
 * repository. `repoPath` is the file's path from the repository root (forward slashes).
 */
export function editUrl(källkod: string | undefined, gren: string | undefined, repoPath: string): string | undefined {
  if (!källkod) return undefined;
  const base = källkod.replace(/\.git$/, "").replace(/\/+$/, "");
  const path = repoPath.split("/").filter(Boolean).map(encodeURIComponent).join("/");
  return `${base}/edit/${encodeURIComponent(gren || "main")}/${path}`;
}
