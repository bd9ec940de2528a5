/**
 * The report form in the browser: validates as the coordinator types, with the validator's own Swedish
 * messages (schema messages from scripts/validate/messages.ts, cross-file rules from scripts/validate/rules/year-report.ts,
 * the schema compiled at build time), and writes the year file with scripts/report/year-file.ts. Nothing
 * leaves the browser unless the coordinator clicks a link or button in the result. See docs/uppfoljning.md.
 */
import { validate } from "virtual:year-validator";
import type { ArbetesMatning, LansmalUppfoljning, UppfoljningFil } from "../../model/types.ts";
import { keyPath, schemaMessages } from "../../validate/messages.ts";
import { checkReport, type PathSegment } from "../../validate/rules/year-report.ts";
import { renderYearFile } from "../year-file.ts";
import type { FormConfig } from "../form-model.ts";

interface Problem {
  /** Field name (FormField.name), or undefined for a problem of the whole report. */
  field?: string;
  message: string;
}

const form = document.querySelector<HTMLFormElement>("form[data-rapport]");
if (form) start(form);

function start(form: HTMLFormElement): void {
  const config = JSON.parse(form.dataset.rapport ?? "{}") as FormConfig;
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  for (const f of config.fields) {
    const el = document.getElementById(f.id);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) inputs.set(f.name, el);
  }
  const labels = new Map(config.fields.map((f) => [f.name, f.label]));
  const ids = new Map(config.fields.map((f) => [f.name, f.id]));
  const summary = document.getElementById("felsummering");
  const summaryList = document.getElementById("felsummering-lista");
  const result = document.getElementById("resultat");
  const touched = new Set<string>();
  let submitted = false;

  restore(config, inputs);
  form.querySelectorAll<HTMLElement>("[data-med-js]").forEach((el) => (el.hidden = false));
  document.querySelectorAll<HTMLElement>("[data-utan-js]").forEach((el) => (el.hidden = true));

  let timer: number | undefined;
  form.addEventListener("input", (event) => {
    save(config, inputs);
    if (result) result.hidden = true;
    const name = (event.target as HTMLInputElement | null)?.name;
    if (name && submitted) touched.add(name);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => showInline(check(config, inputs).problems), 300);
  });
  form.addEventListener("focusout", (event) => {
    const name = (event.target as HTMLInputElement | null)?.name;
    if (name && inputs.has(name) && inputs.get(name)?.value.trim() !== "") {
      touched.add(name);
      showInline(check(config, inputs).problems);
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitted = true;
    for (const name of inputs.keys()) touched.add(name);
    const { problems, report } = check(config, inputs);
    showInline(problems);
    showSummary(problems);
    if (problems.length || !report) return;
    showResult(config, report);
  });
  document.getElementById("tom-formular")?.addEventListener("click", () => {
    localStorage.removeItem(config.storageKey);
    for (const el of inputs.values()) el.value = el.defaultValue;
    touched.clear();
    submitted = false;
    showInline([]);
    showSummary([]);
    if (result) result.hidden = true;
  });

  /** Shows each field's first problem next to it, tied to the input with aria-describedby. */
  function showInline(problems: Problem[]): void {
    for (const [name, el] of inputs) {
      const id = ids.get(name) ?? "";
      const box = document.getElementById(`${id}-fel`);
      const problem = touched.has(name) ? problems.find((p) => p.field === name) : undefined;
      const hint = `${id}-hint`;
      if (box) {
        box.hidden = !problem;
        const text = box.querySelector(".falt-fel__text");
        if (text) text.textContent = problem?.message ?? "";
      }
      el.closest(".falt")?.classList.toggle("falt--fel", Boolean(problem));
      if (problem) {
        el.setAttribute("aria-invalid", "true");
        el.setAttribute("aria-describedby", `${hint} ${id}-fel`);
      } else {
        el.removeAttribute("aria-invalid");
        el.setAttribute("aria-describedby", hint);
      }
    }
  }

  /** The GOV.UK-style error summary at the top: every problem, linked to its field, focused. */
  function showSummary(problems: Problem[]): void {
    if (!summary || !summaryList) return;
    summaryList.replaceChildren(
      ...problems.map((p) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        const id = p.field ? ids.get(p.field) : undefined;
        a.href = `#${id ?? "rapport-rubrik"}`;
        a.textContent = p.field ? `${labels.get(p.field) ?? p.field}: ${p.message}` : p.message;
        a.addEventListener("click", (event) => {
          const target = id ? document.getElementById(id) : undefined;
          if (!target) return;
          event.preventDefault();
          target.focus();
          target.scrollIntoView({ block: "center" });
        });
        li.append(a);
        return li;
      }),
    );
    summary.hidden = problems.length === 0;
    if (problems.length) summary.focus();
  }
}

/** A number as a Swedish user types it: a decimal comma is a decimal point. Anything else stays text, so the validator names it. */
export function readNumber(text: string): number | string {
  const t = text
    .trim()
    .replace(/\s/g, "")
    .replace(/^(-?\d+),(\d+)$/, "$1.$2");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text.trim();
}

/** Reads the form into a year file and validates it exactly as `npm run validate` would. */
function check(
  config: FormConfig,
  inputs: Map<string, HTMLInputElement | HTMLTextAreaElement>,
): { problems: Problem[]; report?: UppfoljningFil } {
  const value = (name: string): string => inputs.get(name)?.value.trim() ?? "";
  // Which form field each place in the year file came from, so that a problem lands next to its field.
  const fieldAt = new Map<string, string>();
  const at = (path: PathSegment[], name: string): void => {
    fieldAt.set(path.join("/"), name);
  };
  const data: Record<string, unknown> = { familjecentral: config.centreId, år: config.year };
  const sent = value("årsberättelse.inlämnad");
  data.årsberättelse = { inlämnad: sent === "" ? null : sent };
  at(["årsberättelse"], "årsberättelse.inlämnad");
  at(["årsberättelse", "inlämnad"], "årsberättelse.inlämnad");

  const visitors = value("besöksenkät.antal_svar");
  if (visitors !== "") data.besöksenkät = { antal_svar: readNumber(visitors) };
  at(["besöksenkät", "antal_svar"], "besöksenkät.antal_svar");

  const factorNames = [...inputs.keys()].filter((n) => n.startsWith("samverkansenkät.faktorer."));
  const staff = value("samverkansenkät.antal_svar");
  const factors: Record<string, number | string> = {};
  for (const name of factorNames) {
    const key = name.slice("samverkansenkät.faktorer.".length);
    at(["samverkansenkät", "faktorer", key], name);
    if (value(name) !== "") factors[key] = readNumber(value(name));
  }
  at(["samverkansenkät", "antal_svar"], "samverkansenkät.antal_svar");
  if (factorNames[0]) {
    at(["samverkansenkät"], factorNames[0]);
    at(["samverkansenkät", "faktorer"], factorNames[0]);
  }
  if (staff !== "" || Object.keys(factors).length)
    data.samverkansenkät = { ...(staff !== "" && { antal_svar: readNumber(staff) }), faktorer: factors };

  const goals: LansmalUppfoljning[] = [];
  for (const goal of config.goals) {
    const activitiesName = `länsmål.${goal.id}.aktiviteter`;
    const activities = value(activitiesName)
      .split("\n")
      .map((a) => a.trim())
      .filter(Boolean);
    const measurements: { indikator: string; värde: number }[] = [];
    const index = goals.length;
    for (const x of goal.indikatorer) {
      const name = `länsmål.${goal.id}.${x.id}`;
      if (value(name) === "") continue;
      at(["länsmål", index, "mätningar", measurements.length, "värde"], name);
      at(["länsmål", index, "mätningar", measurements.length, "indikator"], name);
      measurements.push({ indikator: x.id, värde: readNumber(value(name)) as number });
    }
    if (!activities.length && !measurements.length) continue;
    at(["länsmål", index, "mål"], activitiesName);
    at(["länsmål", index, "aktiviteter"], activitiesName);
    activities.forEach((_, i) => at(["länsmål", index, "aktiviteter", i], activitiesName));
    goals.push({
      mål: goal.id,
      ...(activities.length && { aktiviteter: activities }),
      ...(measurements.length && { mätningar: measurements }),
    });
  }
  if (goals.length) data.länsmål = goals;

  const works: ArbetesMatning[] = [];
  for (const work of config.works) {
    const name = `förbättringsarbeten.${work.id}`;
    if (value(name) === "") continue;
    at(["förbättringsarbeten", works.length, "värde"], name);
    at(["förbättringsarbeten", works.length, "id"], name);
    works.push({ id: work.id, värde: readNumber(value(name)) as number });
  }
  if (works.length) data.förbättringsarbeten = works;

  const fieldOf = (path: PathSegment[]): string | undefined => {
    for (let n = path.length; n > 0; n--) {
      const hit = fieldAt.get(path.slice(0, n).join("/"));
      if (hit) return hit;
    }
    return undefined;
  };
  const problems: Problem[] = [];
  if (!validate(data)) {
    for (const m of schemaMessages([...(validate.errors ?? [])], data)) {
      // A missing key is reported at its parent; the field is the missing key itself.
      const missing = m.rule === "saknas" ? /fältet ”([^”]+)” saknas/.exec(m.message)?.[1] : undefined;
      const path = missing ? [...m.path, missing] : m.path;
      const prefix = `${keyPath(m.path)}: `;
      const message = m.message.startsWith(prefix) ? m.message.slice(prefix.length) : m.message;
      const field = fieldOf(path);
      problems.push({ ...(field && { field }), message });
    }
    // The validator stops at schema errors; the form also checks the measured values that are already
    // numbers, so a coordinator sees an impossible percentage at once rather than after the next fix.
    const values = {
      familjecentral: config.centreId,
      år: config.year,
      årsberättelse: { inlämnad: null },
      ...(goals.length && { länsmål: goals }),
      ...(works.length && { förbättringsarbeten: works }),
    };
    // Only when every value is a number: then the places in the file, and so the fields, stay the same.
    if (validate(values))
      for (const p of checkReport(values, config.env))
        if (p.severity === "fel" && p.rule === "intervall")
          problems.push({ ...(fieldOf(p.path) && { field: fieldOf(p.path) }), message: p.message });
    return { problems: ordered(problems, inputs) };
  }
  const report = data as unknown as UppfoljningFil;
  for (const p of checkReport(report, config.env)) {
    if (p.severity !== "fel") continue;
    const field = fieldOf(p.path);
    problems.push({ ...(field && { field }), message: p.message });
  }
  return { problems: ordered(problems, inputs), report };
}

/** Problems in the order of the fields on the page, whole-report problems first. */
function ordered(problems: Problem[], inputs: Map<string, unknown>): Problem[] {
  const order = [...inputs.keys()];
  return [...problems].sort((a, b) => (a.field ? order.indexOf(a.field) + 1 : 0) - (b.field ? order.indexOf(b.field) + 1 : 0));
}

/** Shows the finished file and the three ways to hand it in, in the order the issue asks for. */
function showResult(config: FormConfig, report: UppfoljningFil): void {
  const text = renderYearFile({
    centreId: config.centreId,
    centreName: config.centreName,
    year: config.year,
    schemaPath: config.schemaPath,
    goals: config.goals,
    works: config.works,
    report,
  });
  const result = document.getElementById("resultat");
  const send = document.getElementById("skicka");
  const sendLink = document.getElementById("skicka-lank");
  const noSend = document.getElementById("skicka-saknas");
  const download = document.getElementById("ladda-ner-lank");
  const area = document.getElementById("filtext");
  if (!result || !send || !(sendLink instanceof HTMLAnchorElement) || !noSend || !(download instanceof HTMLAnchorElement)) return;
  if (area instanceof HTMLTextAreaElement) area.value = text;

  let reason = config.noTarget;
  let href: string | undefined;
  if (config.exists) reason = "filen för året finns redan, och en länk kan bara skapa nya filer";
  else if (config.target) {
    const url = new URL(config.target.base);
    url.searchParams.set("filename", config.fileName);
    url.searchParams.set("value", text);
    href = url.href;
    if (href.length > config.target.maxLength) {
      reason = `rapporten blir för lång för en länk till ${config.target.host} (${href.length} tecken, högst ${config.target.maxLength})`;
      href = undefined;
    }
  }
  send.hidden = href === undefined;
  if (href) sendLink.href = href;
  noSend.hidden = href !== undefined;
  const why = noSend.querySelector(".skal");
  if (why) why.textContent = reason ?? "";
  const edit = document.getElementById("redigera-lank");
  if (edit instanceof HTMLAnchorElement) {
    edit.hidden = !config.editUrl;
    if (config.editUrl) edit.href = config.editUrl;
  }

  const old = download.href;
  download.href = URL.createObjectURL(new Blob([text], { type: "text/yaml;charset=utf-8" }));
  download.download = config.fileName;
  if (old.startsWith("blob:")) URL.revokeObjectURL(old);

  result.hidden = false;
  document.getElementById("resultat-rubrik")?.focus();
}

/** Copies the file to the clipboard; the status line says whether it worked. */
document.getElementById("kopiera")?.addEventListener("click", () => {
  const area = document.getElementById("filtext");
  const status = document.getElementById("kopiera-status");
  if (!(area instanceof HTMLTextAreaElement) || !status) return;
  navigator.clipboard.writeText(area.value).then(
    () => (status.textContent = "Filens text är kopierad. Klistra in den i en ny fil med namnet som står ovan."),
    () => {
      area.select();
      status.textContent = "Kopieringen tilläts inte av webbläsaren. Texten är markerad: kopiera den med Ctrl+C (Cmd+C på Mac).";
    },
  );
});

function save(config: FormConfig, inputs: Map<string, HTMLInputElement | HTMLTextAreaElement>): void {
  const values: Record<string, string> = {};
  for (const [name, el] of inputs) if (el.value !== el.defaultValue) values[name] = el.value;
  try {
    if (Object.keys(values).length) localStorage.setItem(config.storageKey, JSON.stringify(values));
    else localStorage.removeItem(config.storageKey);
  } catch {
    // Storage may be full or switched off; the form still works, it is just not kept over a reload.
  }
}

function restore(config: FormConfig, inputs: Map<string, HTMLInputElement | HTMLTextAreaElement>): void {
  let values: Record<string, unknown> = {};
  try {
    values = JSON.parse(localStorage.getItem(config.storageKey) ?? "{}") as Record<string, unknown>;
  } catch {
    return;
  }
  for (const [name, value] of Object.entries(values)) {
    const el = inputs.get(name);
    if (el && typeof value === "string") el.value = value;
  }
  const note = document.getElementById("aterstallt");
  if (note) note.hidden = Object.keys(values).length === 0;
}
