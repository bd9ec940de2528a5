/** The name of the example county built for a sub-path and served only under it (docs/publishing.md). */
export const BASE_PATH_SITE = "bassokvag";
