import type { Handbok, Sida } from "../model/types.ts";
import { isOverdue, referenceDate } from "./dates.ts";
import { editUrl } from "./edit-url.ts";
import { readGitInfo, type GitInfo } from "./git-dates.ts";
import { loadStrings, type Strings } from "./strings.ts";

/**
 * What templates and filters share during one build: the model, the strings and what git says.
 * Git is asked once per build (reset before each rebuild), never per page.
 */
export class SiteContext {
  readonly strings: Strings = loadStrings();
  private git: GitInfo | undefined;

  constructor(
    readonly rootDir: string,
    readonly model: () => Handbok,
  ) {}

  reset(): void {
    this.git = undefined;
  }

  gitInfo(): GitInfo {
    this.git ??= readGitInfo(this.rootDir);
    return this.git;
  }

  /** The build's deterministic "today" (see referenceDate). */
  today(): string {
    const m = this.model();
    const contentDates = m.sidor.flatMap((s) => [s.granskad, ...(s.ändringar ?? []).map((a) => a.datum)]);
    return referenceDate({
      env: process.env.FC_BUILD_DATE,
      headDate: this.gitInfo().headDate,
      contentDates,
      followUpYear: m.län.uppföljningsår,
    });
  }

  /** Front matter override, else the file's last commit, else its latest recorded change, else its review date. */
  lastUpdated(sida: Sida): string {
    const fromGit = this.gitInfo().fileDates.get(sida.fil);
    const changes = (sida.ändringar ?? []).map((a) => a.datum).sort();
    return sida.senast_uppdaterad ?? fromGit ?? changes.at(-1) ?? sida.granskad;
  }

  editUrl(sida: Sida): string | undefined {
    const lan = this.model().län;
    return editUrl(lan.källkod, lan.gren, this.gitInfo().prefix + sida.fil);
  }

  overdue(nextReview: string | undefined): boolean {
    return isOverdue(nextReview, this.today());
  }
}
