import { describe, expect, it } from "vitest";
import { formatResponsesProblems, readResponses } from "./read-responses";

describe("readResponses", () => {
  it("reads one output per case id, skipping blank lines and extra fields", () => {
    const result = readResponses('{"id": "case-1", "output": "Friday."}\n\n{"id": "case-2", "output": "", "model": "x"}\r\n');
    expect(result).toEqual({ ok: true, responses: new Map([["case-1", "Friday."], ["case-2", ""]]) });
  });

  it("reports each bad line by number", () => {
    const result = readResponses('{"id": "case-1", "output": "a"}\nnot json\n{"id": "case-2"}\n{"id": "case-1", "output": "b"}\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(result.problems[1].message).toBe("output: Invalid input: expected string, received undefined");
    expect(result.problems[2].message).toBe('a second output for case "case-1"');
    expect(formatResponsesProblems("r.jsonl", result.problems).split("\n")[0]).toMatch(/^r\.jsonl:2: not JSON: /);
  });
});
