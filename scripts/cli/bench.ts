import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { projectDir } from "../paths.ts";
import { prepareBundle } from "../launch.js";
import { validateRoot } from "../validate/index.ts";
import { formatText } from "../validate/report.ts";
import { prepareFloor } from "../bench/floor.ts";
import { DEFAULT_SCALE, generateRoot, type Scale } from "../bench/generate.ts";
import { largestPage, weighPage, type PageWeight } from "../bench/page-weight.ts";
import { runMeasured } from "../bench/process.ts";
import { measureRebuild } from "../bench/rebuild.ts";
import { firstSearchCost } from "../bench/search.ts";
import { isUnderLoad, phaseMedians, summarize, timedRun, type Run } from "../bench/series.ts";
import { PHASES, type BuildProfile } from "../build-phases.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run bench [-- --centres N --years Y --editions E --pages P --runs R --out FILE --keep]
// Generates a synthetic handbook at national scale and measures, in one run: the full build against bare
// Eleventy (R runs of each, interleaved A B A B …, default 3), the build's phase profile, validation, the dev
// server's rebuild, the search index and the weight of three kinds of page. The load average is recorded
// around every run, and figures taken under load are marked. The last line printed is
// `ratio <fastest full build / fastest bare Eleventy>`.

const KB = 1024;
const MB = 1024 * 1024;

/** Phase names as the printed table shows them; the JSON keeps the English keys. */
const PHASE_NAMES: Record<(typeof PHASES)[number], string> = {
  "start-up": "start (Node, skript, konfig)",
  validation: "validering",
  model: "modell",
  views: "framstegsvyer",
  render: "rendering (Eleventy)",
  pages: "sidor utanför Eleventy",
  index: "sökindex (väntan)",
  write: "skriva sökindex",
};

interface Target {
  name: string;
  value: string;
  target: string;
  met: boolean | undefined;
}

function positiveInt(flags: Map<string, string | true>, name: string, fallback: number, min = 1): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`--${name} ska vara ett heltal som är minst ${min}, inte ”${String(raw)}”.`);
  return value;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(abs));
    else out.push(abs);
  }
  return out;
}

const folderBytes = (dir: string): number => walk(dir).reduce((sum, f) => sum + statSync(f).size, 0);

/** The URL of a centre's own page: the shortest HTML path outside archived editions ending in /<id>/. */
function centreUrl(outDir: string, htmlFiles: string[], id: string): string | undefined {
  const found = htmlFiles
    .map((f) => relative(outDir, f).split(sep).join("/"))
    .filter((f) => f.endsWith(`/${id}/index.html`) && !f.startsWith("utgava/"))
    .sort((a, b) => a.length - b.length)[0];
  return found ? `/${found.slice(0, -"index.html".length)}` : undefined;
}

const s = (seconds: number): string => `${seconds.toFixed(2)} s`;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;
const loads = (l: number[]): string => l.map((x) => x.toFixed(2)).join(" ");
/** A run's figure with the load around it, marked when other work competed for the CPU. */
const runNote = (r: Run): string =>
  `${s(r.seconds)} (belastning ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}${r.underLoad ? ", under last" : ""})`;

function weightRow(name: string, w: PageWeight | undefined, budget: number | undefined): Target {
  if (!w) return { name, value: "sidan finns inte i bygget", target: budget ? `≤ ${kb(budget)} HTML+CSS` : "–", met: undefined };
  const value =
    `HTML ${kb(w.html)} + CSS ${kb(w.css)} + JS ${kb(w.js)} ` +
    `(gzip ${kb(w.htmlGzip)} + ${kb(w.cssGzip)} + ${kb(w.jsGzip)}; ${w.jsFiles.length} skript, ${w.inlineScripts} inline)`;
  if (budget === undefined) return { name, value, target: "–", met: undefined };
  return {
    name,
    value,
    target: `≤ ${kb(budget)} HTML+CSS, ingen JS`,
    met: w.html + w.css <= budget && w.js === 0 && w.inlineScripts === 0,
  };
}

await runCli("bench", async () => {
  const { flags } = parseArgs(process.argv.slice(2), {
    values: ["centres", "years", "editions", "pages", "runs", "out"],
    switches: ["keep"],
  });
  const scale: Scale = {
    centres: positiveInt(flags, "centres", DEFAULT_SCALE.centres),
    years: positiveInt(flags, "years", DEFAULT_SCALE.years),
    editions: positiveInt(flags, "editions", DEFAULT_SCALE.editions),
    pages: positiveInt(flags, "pages", DEFAULT_SCALE.pages, 6),
    seed: DEFAULT_SCALE.seed,
  };
  const runs = positiveInt(flags, "runs", 3);
  const outFile = resolve(String(flags.get("out") ?? ".bench/results.json"));
  const work = mkdtempSync(join(tmpdir(), "fc-bench-"));
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const loadBefore = loadavg();
  try {
    log(
      `Genererar en syntetisk handbok: ${scale.centres} familjecentraler, ${scale.years} år, ${scale.editions} utgåvor à ${scale.pages} sidor …`,
    );
    const root = generateRoot(join(work, "rot"), scale);
    if (root.archivedEditions < scale.editions - 1)
      log(`Obs: den här versionen bygger inga utgåvor (scripts/editions/ saknas), så bara den aktuella utgåvan genererades.`);

    // Validation in-process: first call (loads or compiles the schema validators and reads every file, as
    // every CLI run does) and a second call, which finds every file's parse in the process's cache and so
    // measures the rules without the reading of YAML. CPU time (all threads) is recorded beside the wall
    // clock: on a shared machine it is the figure that stays comparable (docs/validation-speed.md §6).
    const validationLoad = loadavg()[0] ?? 0;
    const cpuSeconds = (since: NodeJS.CpuUsage): number => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1e6;
    };
    let cpu = process.cpuUsage();
    let t = performance.now();
    const validation = validateRoot(root.dir);
    const validateCold = (performance.now() - t) / 1000;
    const validateColdCpu = cpuSeconds(cpu);
    const errors = validation.problems.filter((p) => p.severity === "fel");
    if (errors.length) {
      process.stderr.write(formatText(errors.slice(0, 20), validation.fileCount));
      throw new Error(`den genererade handboken klarar inte valideringen (${errors.length} fel); mätningen avbröts.`);
    }
    cpu = process.cpuUsage();
    t = performance.now();
    validateRoot(root.dir);
    const validateWarm = (performance.now() - t) / 1000;
    const validateWarmCpu = cpuSeconds(cpu);
    log(
      `Validering i processen: ${s(validateCold)} första gången (CPU ${s(validateColdCpu)}), ${s(validateWarm)} andra (CPU ${s(validateWarmCpu)}) (${validation.fileCount} filer, 0 fel).`,
    );

    // As `npm run validate` runs it: from the launcher's bundle (docs/decisions.md §14), made before the clock starts.
    await prepareBundle(projectDir, "validate");
    const validateCli = await runMeasured(process.execPath, [join(projectDir, "scripts/launch.js"), "validate", "--root", root.dir], {
      cwd: projectDir,
    });
    if (validateCli.code !== 0)
      throw new Error(`npm run validate avslutades med kod ${validateCli.code}:\n${validateCli.stdout}${validateCli.stderr}`);
    log(`npm run validate som process: ${s(validateCli.seconds)}.`);

    // The full build (A) and bare Eleventy (B) in turns, A B A B …, so both see the same moments of a
    // shared machine. The floor's page count is the full build's, known after the first A.
    const buildRuns: (Run & { profile: BuildProfile | undefined })[] = [];
    const floorRuns: Run[] = [];
    let site = "";
    let files: string[] = [];
    let htmlFiles: string[] = [];
    let runFloor: (() => ReturnType<ReturnType<typeof prepareFloor>>) | undefined;
    if (runs < 3) log(`Obs: ${runs} körning(ar) av varje; minst 3 behövs för en kvot att lita på.`);
    // The bundle is made once per change of the sources, like tsx's cache; it is not part of a build's time.
    if ((await prepareBundle(projectDir, "build")).made) log("Skripten paketerades för bygget (scripts/launch.js).");
    for (let i = 1; i <= runs; i++) {
      if (site) rmSync(site, { recursive: true, force: true });
      site = join(work, `site-${i}`);
      const profileFile = join(work, `profil-${i}.json`);
      const build = await timedRun("bygget", () =>
        // The command `npm run build` runs (package.json): the build from the launcher's bundle
        // (docs/decisions.md §14), which it makes before the first run if the sources changed.
        runMeasured(process.execPath, [join(projectDir, "scripts/launch.js"), "build", "--root", root.dir, "--out", site], {
          cwd: projectDir,
          env: { ...process.env, FC_BUILD_PROFILE: profileFile },
        }),
      );
      const profile = existsSync(profileFile) ? (JSON.parse(readFileSync(profileFile, "utf8")) as BuildProfile) : undefined;
      buildRuns.push({ ...build.run, profile });
      files = walk(site);
      htmlFiles = files.filter((f) => f.endsWith(".html"));
      log(`Fullt bygge ${i}/${runs}: ${runNote(build.run)}, ${mb(build.run.peakTreeBytes)}, ${htmlFiles.length} HTML-sidor.`);
      runFloor ??= prepareFloor(join(work, "floor"), htmlFiles.length);
      const floor = await timedRun("Eleventy utan tillägg", runFloor);
      floorRuns.push(floor.run);
      log(`Bara Eleventy ${i}/${runs}, ${htmlFiles.length} sidor: ${runNote(floor.run)}, ${mb(floor.run.peakTreeBytes)}.`);
    }
    const build = summarize(buildRuns);
    const floor = summarize(floorRuns);
    const ratio = build.minSeconds / floor.minSeconds;
    const medianRatio = build.medianSeconds / floor.medianSeconds;
    const profile = phaseMedians(buildRuns);

    const centrePage = centreUrl(site, htmlFiles, root.centreIds[0] ?? "");
    const weights = {
      guidance: weighPage(site, root.plainPage),
      centre: centrePage ? weighPage(site, centrePage) : undefined,
      lagesbild: weighPage(site, "/lagesbild/"),
      whole: weighPage(site, "/vagledning/hela/"),
      largest: largestPage(site, htmlFiles),
    };
    const pagefindBytes = folderBytes(join(site, "pagefind"));
    const search = await firstSearchCost(site, "förälder");
    log(
      `Första sökningen: ${kb(search.transferBytes)} komprimerat (${kb(search.bytes)} okomprimerat) i ${search.requests.length} anrop, ${search.results} träffar.`,
    );

    const rebuildLoad = loadavg()[0] ?? 0;
    // A dev server that never reports back (seen under a load average of 30) must not cost the figures
    // measured so far: the failure is recorded as this row's value.
    const rebuild = await measureRebuild(root.dir, root.centreFile, join(work, "serve")).catch((error: unknown) => ({
      error: (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "",
    }));
    if ("error" in rebuild) log(`Utvecklingsservern kunde inte mätas: ${rebuild.error}`);
    else
      log(
        `Utvecklingsservern: första bygget ${s(rebuild.firstBuildSeconds)}, sidan uppdaterad efter en ändrad familjecentral ${s(rebuild.rebuildSeconds)}, de sammanfattande sidorna efter ${s(rebuild.aggregatesSeconds)}, sökindexet i bakgrunden efter ${s(rebuild.indexSeconds)} (servern: ${rebuild.serverReport}).`,
      );

    const underLoadNote = (series: ReturnType<typeof summarize>): string =>
      series.runsUnderLoad ? `; ${series.runsUnderLoad} av ${series.runs.length} under last` : "";
    const rows: Target[] = [
      {
        name: "Fullt bygge (validering + Eleventy + Pagefind)",
        value: `min ${s(build.minSeconds)}, median ${s(build.medianSeconds)}, ${htmlFiles.length} sidor${underLoadNote(build)}`,
        target: `≤ 1,5 × Eleventy`,
        met: ratio <= 1.5,
      },
      {
        name: "Fullt bygge, minnestopp (processträd)",
        value: `högst ${mb(build.maxPeakBytes)}, median ${mb(build.medianPeakBytes)}`,
        target: "≤ 1 GB",
        met: build.maxPeakBytes <= 1024 * MB,
      },
      {
        name: "Bara Eleventy, samma antal sidor",
        value: `min ${s(floor.minSeconds)}, median ${s(floor.medianSeconds)}, ${mb(floor.maxPeakBytes)}${underLoadNote(floor)}`,
        target: "golv",
        met: undefined,
      },
      {
        name: "Kvot fullt bygge / Eleventy (minima)",
        value: `${ratio.toFixed(2)} (medianer ${medianRatio.toFixed(2)})`,
        target: "≤ 1,50",
        met: ratio <= 1.5,
      },
      {
        name: `Validering i processen (${scale.centres} familjecentraler)`,
        value: `${s(validateCold)}, CPU ${s(validateColdCpu)} (varm ${s(validateWarm)})${isUnderLoad(validationLoad) ? `, under last (${validationLoad.toFixed(1)})` : ""}`,
        target: "≤ 0,5 s",
        met: validateCold <= 0.5,
      },
      { name: "npm run validate som process", value: s(validateCli.seconds), target: "–", met: undefined },
      {
        name: "Ombygge efter en ändrad familjecentral (sidan uppdaterad)",
        value:
          "error" in rebuild
            ? `mätningen misslyckades: ${rebuild.error}`
            : `${s(rebuild.rebuildSeconds)}${isUnderLoad(rebuildLoad) ? `, under last (${rebuildLoad.toFixed(1)})` : ""}`,
        target: "≤ 1 s",
        met: "error" in rebuild ? false : rebuild.rebuildSeconds <= 1,
      },
      {
        name: "… och sammanfattande sidor (mål, lägesbild, sammanställningar)",
        value:
          "error" in rebuild
            ? "–"
            : `${s(rebuild.aggregatesSeconds)} (sökindexet ${s(rebuild.indexSeconds)})${isUnderLoad(rebuildLoad) ? `, under last (${rebuildLoad.toFixed(1)})` : ""}`,
        target: "–",
        met: undefined,
      },
      { name: "Pagefind-index (mappen pagefind/)", value: kb(pagefindBytes), target: "–", met: undefined },
      {
        name: `Första sökningen (${search.via}, ”förälder”)`,
        value: `${kb(search.transferBytes)} gzip (${kb(search.bytes)} okomprimerat), ${search.requests.length} anrop`,
        target: "≤ 150 KB överfört",
        met: search.transferBytes <= 150 * KB,
      },
      weightRow(`Vägledningssida utan diagram ${root.plainPage}`, weights.guidance, 50 * KB),
      weightRow(`Familjecentralens sida ${centrePage ?? ""}`.trim(), weights.centre, undefined),
      weightRow("Lägesbild /lagesbild/", weights.lagesbild, undefined),
      {
        name: `Största HTML-sidan (utom /vagledning/hela/) ${weights.largest?.url ?? ""}`.trim(),
        value: weights.largest ? kb(weights.largest.bytes) : "–",
        target: "≤ 150 KB",
        met: weights.largest ? weights.largest.bytes <= 150 * KB : undefined,
      },
      // Not held to 150 KB, by decision (docs/decisions.md §10): one document to print; shown so it is not hidden.
      weightRow("Hela vägledningen (för utskrift) /vagledning/hela/", weights.whole, undefined),
    ];

    const loadAfter = loadavg();
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        loadavgBefore: loadBefore,
        loadavgAfter: loadAfter,
        underLoad: isUnderLoad(Math.max(loadBefore[0] ?? 0, loadAfter[0] ?? 0)) || build.runsUnderLoad + floor.runsUnderLoad > 0,
      },
      scale,
      archivedEditions: root.archivedEditions,
      generatedFiles: root.files,
      htmlPages: htmlFiles.length,
      files: files.length,
      fullBuild: build,
      bareEleventy: floor,
      ratio,
      medianRatio,
      phases: profile,
      validation: {
        inProcessColdSeconds: validateCold,
        inProcessWarmSeconds: validateWarm,
        inProcessColdCpuSeconds: validateColdCpu,
        inProcessWarmCpuSeconds: validateWarmCpu,
        cliSeconds: validateCli.seconds,
        files: validation.fileCount,
      },
      devServer: rebuild,
      pagefind: { indexBytes: pagefindBytes, firstSearch: search },
      pageWeight: weights,
      targets: rows.filter((r) => r.met !== undefined).map((r) => ({ name: r.name, value: r.value, target: r.target, met: r.met })),
    };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

    const width = Math.max(...rows.map((r) => r.name.length));
    const valueWidth = Math.min(60, Math.max(...rows.map((r) => r.value.length)));
    log("");
    log(
      `Belastning (1/5/15 min) före: ${loads(loadBefore)}, efter: ${loads(loadAfter)}; ${cpus().length} kärnor, Node ${process.version}.` +
        (results.machine.underLoad ? " Maskinen var belastad: tiderna är längre än på en ledig maskin." : ""),
    );
    const total = PHASES.reduce((sum, p) => sum + profile.phases[p], 0);
    const phaseCpu = profile.cpuPhases;
    log(`Byggets faser (median av ${buildRuns.length} körningar)${phaseCpu ? "; huvudtrådens CPU-tid i samma fas" : ""}:`);
    for (const p of PHASES)
      log(
        `  ${PHASE_NAMES[p].padEnd(24)} ${s(profile.phases[p]).padStart(9)}  ${((100 * profile.phases[p]) / (total || 1)).toFixed(0).padStart(3)} %` +
          (phaseCpu ? `  CPU ${s(phaseCpu[p]).padStart(8)}` : ""),
      );
    log(`  ${"(indexering under render)".padEnd(24)} ${s(profile.indexOverlapped).padStart(9)}`);
    if (profile.waits) {
      // Wall clock minus CPU in a phase is waiting: these two are back-pressure, the rest is waiting for a CPU.
      log(`  ${"(väntan på skrivtråden)".padEnd(24)} ${s(profile.waits.writer).padStart(9)}`);
      log(`  ${"(sidor väntar på Pagefind)".padEnd(24)} ${s(profile.waits.index).padStart(9)}`);
    }
    for (const r of rows) {
      const mark = r.met === undefined ? "" : r.met ? "uppnått" : "missat";
      log(`${r.name.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${r.target.padEnd(28)}  ${mark}`);
    }
    log(`Resultaten finns i ${relative(process.cwd(), outFile) || outFile}.`);
    if (flags.has("keep")) log(`Arbetsmappen finns kvar: ${work}`);
    log(`ratio ${ratio.toFixed(2)}`);
    return 0;
  } finally {
    if (!flags.has("keep")) rmSync(work, { recursive: true, force: true });
  }
});
