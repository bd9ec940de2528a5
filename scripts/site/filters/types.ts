// The shape every filter module returns. In a file of its own so that the modules and index.ts, which
// imports them, do not import each other.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nunjucks passes whatever the template has
export type FilterMap = Record<string, (...args: any[]) => unknown>;
