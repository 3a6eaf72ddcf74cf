import { describe, expect, it } from "vitest";
import { formatImportProblem, MAX_LISTED_PROBLEMS, ProblemLog } from "./import-problem";

describe("ProblemLog", () => {
  it("places problems by file, line, column and JSON path", () => {
    const named = new ProblemLog("spans.jsonl");
    expect([named.lineLocation(12), named.lineLocation(12, 5), named.pathLocation("data[0].spans[3]"), named.pathLocation("")]).toEqual([
      "spans.jsonl:12",
      "spans.jsonl:12:5",
      "spans.jsonl at data[0].spans[3]",
      "spans.jsonl",
    ]);
    const unnamed = new ProblemLog(undefined);
    expect([unnamed.lineLocation(12), unnamed.lineLocation(12, 5), unnamed.pathLocation("data[0]"), unnamed.pathLocation("")]).toEqual([
      "line 12",
      "line 12, column 5",
      "data[0]",
      "the file",
    ]);
  });

  it("lists a repeated message once, with how often it repeats", () => {
    const log = new ProblemLog("t.json");
    log.atPath("spans[0].id", "is bad.");
    log.atPath("spans[1].id", "is bad.");
    log.atPath("spans[2].id", "is bad.");
    log.atPath("spans[2].name", "is worse.");
    expect(log.count).toBe(4);
    expect(log.list()).toEqual([
      { where: "t.json at spans[0].id", message: "is bad. The same in 2 more places." },
      { where: "t.json at spans[2].name", message: "is worse." },
    ]);
  });

  it("lists at most MAX_LISTED_PROBLEMS distinct problems and counts the rest", () => {
    const log = new ProblemLog(undefined);
    for (let i = 0; i < MAX_LISTED_PROBLEMS + 3; i++) log.atLine(i + 1, undefined, `problem ${i}`);
    const listed = log.list();
    expect(listed).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(listed[MAX_LISTED_PROBLEMS]).toEqual({ where: "the file", message: "3 more problems not listed; fix the ones above and import again to see them." });
  });
});

describe("formatImportProblem", () => {
  it("writes where: message", () => {
    expect(formatImportProblem({ where: "a.jsonl:3", message: "not valid JSON." })).toBe("a.jsonl:3: not valid JSON.");
  });
});
