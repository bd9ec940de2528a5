// Eleventy ships no type declarations; this is the part of its programmatic API the build uses.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: never) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    /** Resolves after the first build, with the function the watcher calls for a changed path (Eleventy 3). */
    watch(): Promise<(path: string) => Promise<void>>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    readonly logger: { overrideLogger(logger: Record<"log" | "info" | "warn" | "error", (message: string) => void>): void };
  }
  /** Eleventy's HTML base plugin: puts the config's pathPrefix in front of every URL in the HTML output. */
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: { baseHref?: string }) => void;
}
