import { describe, expect, it } from "vitest";
import { editUrl } from "../../scripts/site/edit-url.ts";

describe("editUrl", () => {
  it("points at the file's edit page on the county's branch", () => {
    expect(editUrl("https://github.com/fc-handbok/fc-handbok", "main", "content/vagledning/uppdrag/index.md")).toBe(
      "https://github.com/fc-handbok/fc-handbok/edit/main/content/vagledning/uppdrag/index.md",
    );
  });

  it("tolerates a trailing slash or .git and defaults the branch to main", () => {
    expect(editUrl("https://github.com/x/y.git", undefined, "content/index.md")).toBe("https://github.com/x/y/edit/main/content/index.md");
    expect(editUrl("https://github.com/x/y/", "", "content/index.md")).toBe("https://github.com/x/y/edit/main/content/index.md");
  });

  it("gives no link when the county names no repository", () => {
    expect(editUrl(undefined, "main", "content/index.md")).toBeUndefined();
  });
});
