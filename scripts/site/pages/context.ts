/**
 * What the progress pages look up while they are written, computed once per build instead of once per
 * page: source names by id, the follow-up year and deadline, and the download files (whose sizes the
 * pages print beside the links and whose text the .csv/.json templates write).
 */

import type { Handbok } from "../../model/types.ts";
import { centreCsv, centreJson, countyCsv, countyJson, goalCsv, goalJson } from "../../progress/downloads.ts";
import type { CentreProgress } from "../../progress/model.ts";
import type { GoalPage, ProgressViews } from "../../progress/views.ts";

export interface PageContext {
  handbok: Handbok;
  views: ProgressViews;
  nowYear: number;
  /** The annual report's yearly deadline, "MM-DD". */
  deadline: string;
  /** A source's short name by id, "" for an unknown id (validation rejects those). */
  sourceName: (id: string) => string;
  centreCsv: (cp: CentreProgress) => string;
  centreJson: (cp: CentreProgress) => string;
  goalCsv: (page: GoalPage) => string;
  goalJson: (page: GoalPage) => string;
  countyCsv: () => string;
  countyJson: () => string;
}

const contexts = new WeakMap<ProgressViews, PageContext>();

/** Memoises a function of one object, so a page and its download file compute the text once. */
function once<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

export function pageContext(handbok: Handbok, views: ProgressViews): PageContext {
  const cached = contexts.get(views);
  if (cached) return cached;
  const names = new Map(handbok.källor.map((k) => [k.id, k.kortnamn]));
  const csvOptions = { fiktivt: handbok.län.fiktivt };
  const context: PageContext = {
    handbok,
    views,
    nowYear: views.model.nowYear,
    deadline: views.model.deadline,
    sourceName: (id) => names.get(id) ?? "",
    centreCsv: once((cp: CentreProgress) => centreCsv(cp, csvOptions)),
    centreJson: once((cp: CentreProgress) => centreJson(handbok, views.model, cp)),
    goalCsv: once((page: GoalPage) => goalCsv(views.model, page.period.id, page.goal.id, csvOptions)),
    goalJson: once((page: GoalPage) => goalJson(handbok, views.model, page.period, page.goal)),
    countyCsv: once((v: ProgressViews) => countyCsv(v.model, csvOptions)).bind(undefined, views),
    countyJson: once((v: ProgressViews) => countyJson(handbok, v.model)).bind(undefined, views),
  };
  contexts.set(views, context);
  return context;
}
