// node scripts/launch.js <command> [args]: runs scripts/cli/<command>.ts from a bundle that esbuild makes
// once, instead of through tsx (docs/decisions.md §14). tsx's loader sees every module a process imports,
// Eleventy's hundreds included, and asks its own thread about each; a build spent about a second of CPU on
// that before it did any work. The bundle holds our TypeScript only (packages stay in node_modules) and is
// kept in .cache/bygge/ until one of the files it was made from changes.
//
// Plain JavaScript on purpose: this file must run before anything can read TypeScript.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The commands that run from a bundle. A command that runs Eleventy also bundles Eleventy's configuration,
 * which it loads. `validate` is what every coordinator's pull request waits for, and tsx's start-up was
 * most of its time on a county of normal size.
 */
export const COMMANDS = {
  build: { source: "scripts/cli/build.ts", eleventy: true },
  validate: { source: "scripts/cli/validate.ts", eleventy: false },
};

/** Bump when the way bundles are made changes, so older bundles are not reused. */
const FORMAT = 1;

/**
 * A key for the bundle made from `inputs` (paths relative to `projectDir`): their contents, esbuild's
 * version and this file's format. Reading about 150 small files costs a few milliseconds.
 *
 * @param {string} projectDir
 * @param {string[]} inputs
 * @param {string} esbuildVersion
 */
export function bundleKey(projectDir, inputs, esbuildVersion) {
  const hash = createHash("sha256").update(`${FORMAT}\0${esbuildVersion}\0`);
  for (const input of [...inputs].sort()) {
    hash.update(`${input}\0`);
    const file = join(projectDir, input);
    hash.update(existsSync(file) ? readFileSync(file) : "(saknas)");
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** esbuild's version as installed, read without loading esbuild (only a new bundle needs it). */
function esbuildVersion(projectDir) {
  const manifest = join(projectDir, "node_modules", "esbuild", "package.json");
  return existsSync(manifest) ? String(JSON.parse(readFileSync(manifest, "utf8")).version) : "?";
}

/**
 * Keeps each module's own import.meta: bundled, every module would otherwise see the bundle's location
 * (scripts/paths.ts finds the installation from its own, scripts/validate/schemas.ts resolves packages).
 *
 * @param {string} projectDir
 */
function ownImportMeta(projectDir) {
  return {
    name: "own-import-meta",
    /** @param {import("esbuild").PluginBuild} build */
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`) || !args.path.startsWith(projectDir + sep)) return undefined;
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta")) return undefined;
        const values = {
          url: JSON.stringify(pathToFileURL(args.path).href),
          dirname: JSON.stringify(dirname(args.path)),
          filename: JSON.stringify(args.path),
        };
        const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => values[key]);
        return { contents, loader: args.path.endsWith(".ts") ? "ts" : "js" };
      });
    },
  };
}

/** Bundles kept besides the newest: a build that started from one of them a moment ago still loads from it. */
const KEEP = 3;

/**
 * Removes all but the most recent bundles, so that .cache/bygge/ does not grow with every edit.
 *
 * @param {string} cacheDir
 * @param {string} newest
 * @param {number} keep how many besides `newest`
 */
function removeOldBundles(cacheDir, newest, keep = KEEP - 1) {
  const bundles = readdirSync(cacheDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== newest)
    .map((e) => ({ dir: join(cacheDir, e.name), time: statSync(join(cacheDir, e.name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of bundles.slice(keep)) rmSync(old.dir, { recursive: true, force: true });
}

/**
 * The bundle of `command` for this installation: reused when none of its inputs changed, made otherwise.
 * Two processes that make it at once each write their own folder; the first to finish is kept.
 *
 * @param {string} projectDir
 * @param {string} command
 * @returns {Promise<{ entry: string, made: boolean }>}
 */
export async function prepareBundle(projectDir, command) {
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!spec) throw new Error(`okänt kommando ”${command}”; känner till: ${Object.keys(COMMANDS).join(", ")}.`);
  // Each command's bundles in a folder of their own, so that keeping the newest few of one never removes
  // another's while it runs.
  const cacheDir = join(projectDir, ".cache", "bygge", command);
  const manifestFile = join(cacheDir, `${command}.json`);
  const version = esbuildVersion(projectDir);
  if (existsSync(manifestFile)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
      const entry = join(cacheDir, manifest.key, `${command}.js`);
      if (existsSync(entry) && bundleKey(projectDir, manifest.inputs, version) === manifest.key) return { entry, made: false };
    } catch {
      // An unreadable manifest is made again below.
    }
  }
  const esbuild = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const work = join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  const config = join(projectDir, ".eleventy.js");
  try {
    const result = await esbuild.build({
      absWorkingDir: projectDir,
      entryPoints: spec.eleventy
        ? { [command]: join(projectDir, spec.source), eleventy: config }
        : { [command]: join(projectDir, spec.source) },
      bundle: true,
      // One copy of each module for the command and the configuration Eleventy imports: the model
      // registry and the build's other module-level state must be shared, as they are under tsx.
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      outdir: work,
      plugins: [ownImportMeta(projectDir)],
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs).filter((i) => !i.startsWith("node_modules/"));
    const key = bundleKey(projectDir, inputs, version);
    const final = join(cacheDir, key);
    if (!existsSync(join(final, `${command}.js`))) {
      try {
        renameSync(work, final);
      } catch (error) {
        // Another process finished the same bundle first; use it.
        if (!existsSync(join(final, `${command}.js`))) throw error;
      }
    }
    const manifestTmp = `${manifestFile}.${process.pid}`;
    writeFileSync(manifestTmp, `${JSON.stringify({ key, inputs }, null, 2)}\n`);
    renameSync(manifestTmp, manifestFile);
    removeOldBundles(cacheDir, key);
    // Bundles of the layout before each command had its own folder (.cache/bygge/<key>/) are never used again.
    removeOldBundles(dirname(cacheDir), "", 0);
    rmSync(join(dirname(cacheDir), `${command}.json`), { force: true });
    return { entry: join(final, `${command}.js`), made: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Whether this file is the program being run (not imported by a test). */
const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

/**
 * The Swedish message for a bundle that could not be made: esbuild's errors with file and line, or the
 * error's own message.
 *
 * @param {unknown} error
 * @param {string} projectDir
 */
export function describeFailure(error, projectDir) {
  const detail = error && typeof error === "object" && "errors" in error ? error.errors : undefined;
  if (Array.isArray(detail) && detail.length)
    return detail
      .map((e) => (e.location ? `${relative(projectDir, resolve(projectDir, e.location.file))}:${e.location.line}: ${e.text}` : e.text))
      .join("\n");
  return error instanceof Error ? error.message : String(error);
}

if (isMain) {
  const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const command = process.argv[2] ?? "";
  let entry;
  try {
    ({ entry } = await prepareBundle(projectDir, command));
  } catch (error) {
    process.stderr.write(`${command || "launch"}: kunde inte förbereda skripten:\n${describeFailure(error, projectDir)}\n`);
    process.exit(1);
  }
  // The command reads its own arguments from process.argv.slice(2), as it does when run directly.
  process.argv.splice(2, 1);
  // Eleventy is to load the bundled configuration, which shares the command's modules
  // (scripts/site/eleventy-config-file.ts reads this).
  if (COMMANDS[command]?.eleventy) globalThis.fcBundledEleventyConfig = join(dirname(entry), "eleventy.js");
  await import(pathToFileURL(entry).href);
}
