const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date as Swedish readers write it: "5 oktober 2026". Unknown shapes pass through unchanged. */
export function formatDate(iso: string | undefined, months: string[]): string {
  const m = ISO_DATE.exec(iso ?? "");
  if (!m) return iso ?? "";
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * The build's reference "today", never the clock: FC_BUILD_DATE when set, otherwise the commit date of
 * HEAD, otherwise the latest date the content itself mentions, otherwise the last day of the follow-up year.
 */
export function referenceDate(options: { env?: string; headDate?: string; contentDates: string[]; followUpYear: number }): string {
  if (options.env) {
    if (!ISO_DATE.test(options.env)) throw new Error(`FC_BUILD_DATE ska vara ett datum som 2026-10-15, inte ”${options.env}”.`);
    return options.env;
  }
  if (options.headDate) return options.headDate;
  const latest = options.contentDates
    .filter((d) => ISO_DATE.test(d))
    .sort()
    .at(-1);
  return latest ?? `${options.followUpYear}-12-31`;
}

/** True when a review date lies before the reference date (ISO dates compare as strings). */
export function isOverdue(nextReview: string | undefined, today: string): boolean {
  return Boolean(nextReview && ISO_DATE.test(nextReview) && nextReview < today);
}
