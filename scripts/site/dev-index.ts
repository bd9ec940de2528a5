import { indexSite } from "./pagefind.ts";

/**
 * The dev server's search index, rebuilt in the background after each rebuild (docs/dev-server.md §3):
 * the reload never waits for it. Runs never overlap (Pagefind's Node API has one indexer process), and
 * edits made while an index is being written are folded into one more run afterwards.
 */
export class BackgroundIndex {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly outDir: string,
    private readonly done: (pages: number) => void,
    private readonly failed: (message: string) => void = (m) => void process.stderr.write(`Sökindexet kunde inte byggas: ${m}\n`),
  ) {}

  /** Asks for a fresh index of the output folder; returns at once. */
  refresh(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    });
  }

  /** Resolves when no index run is pending (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    try {
      const { pages } = await indexSite(this.outDir);
      this.done(pages);
    } catch (error) {
      this.failed(error instanceof Error ? error.message : String(error));
    }
  }
}
