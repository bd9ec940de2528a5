/**
 * How many lines of text the breadcrumb trail (`nav.brodsmulor`) takes on screen, 0 on a page without one.
 * Crumbs hidden the way .visuellt-dold hides (1 px, clipped) take none; crumbs side by side in one flex row
 * count once, by the tallest. A crumb's lines are its height without its padding over its line height, so a
 * title cut to two lines counts two however long it is. A string, so that it runs in the page as written
 * (the test runner does not rewrite it) both in the whole-site pass and in tests/browser/breadcrumbs.test.ts.
 */
export const CRUMB_LINES = `() => {
  const nav = document.querySelector("nav.brodsmulor");
  if (!nav) return 0;
  const rows = new Map();
  for (const li of nav.querySelectorAll("li")) {
    const box = li.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const style = getComputedStyle(li);
    const text = getComputedStyle(li.firstElementChild ?? li);
    // "normal" (a page without the site's stylesheet) is about 1.2 times the font size.
    const lineHeight = parseFloat(text.lineHeight) || parseFloat(text.fontSize) * 1.2;
    const lines = Math.round((box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / lineHeight);
    const top = Math.round(box.top);
    rows.set(top, Math.max(rows.get(top) ?? 0, lines));
  }
  return [...rows.values()].reduce((sum, n) => sum + n, 0);
}`;
