/** A centre's size as the centre file states it; it decides the visitor survey's quota. */
export type Storlek = "stor" | "liten";

/** Answers a visitor survey should reach, by centre size (Kalmar 2023: 100 at large centres, 50 at small). */
export const VISITOR_SURVEY_QUOTA: Readonly<Record<Storlek, number>> = { stor: 100, liten: 50 };
