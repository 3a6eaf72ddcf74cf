import { describe, expect, it } from "vitest";
import { indentedJson, keySegments } from "./attribute-text";

describe("keySegments", () => {
  it("splits after dots and underscores, keeping every character", () => {
    expect(keySegments("gen_ai.input.messages")).toEqual(["gen_", "ai.", "input.", "messages"]);
    expect(keySegments("http.request.header.x-request-id")).toEqual(["http.", "request.", "header.", "x-", "request-", "id"]);
    expect(keySegments("plain")).toEqual(["plain"]);
    expect(keySegments("")).toEqual([""]);
    for (const key of ["a..b", "._x", "llm.input_messages.0.message.content"]) expect(keySegments(key).join("")).toBe(key);
  });
});

describe("indentedJson", () => {
  it("indents a JSON object or array recorded as a string", () => {
    expect(indentedJson('[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]')).toBe(
      '[\n  {\n    "role": "user",\n    "parts": [\n      {\n        "type": "text",\n        "content": "Hi"\n      }\n    ]\n  }\n]',
    );
  });
  it("leaves prose, scalars and broken JSON alone", () => {
    expect(indentedJson("Where is order 1042?")).toBeNull();
    expect(indentedJson("42")).toBeNull();
    expect(indentedJson('{"role": "user"')).toBeNull();
  });
});
