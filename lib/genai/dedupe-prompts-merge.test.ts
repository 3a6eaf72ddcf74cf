import { describe, expect, it } from "vitest";
import { mergeTemplates, renderTemplate, shapeKey, tokenizeMessage } from "./dedupe-prompts-merge";

function merge(role: string, a: string, b: string): string | null {
  const left = [tokenizeMessage(role, a)];
  const right = [tokenizeMessage(role, b)];
  if (shapeKey(left) !== shapeKey(right)) return null;
  const merged = mergeTemplates(left, right);
  return merged === null ? null : renderTemplate(merged);
}

describe("tokenizeMessage and renderTemplate", () => {
  it("round-trip normalised text", () => {
    const text = "Summarise order {num} for {email}.\nThen reply: \"ok\", don't wait!";
    expect(renderTemplate([tokenizeMessage("user", text)])).toBe(`user: ${text}`);
  });
});

describe("mergeTemplates", () => {
  it("turns a differing word into {var}", () => {
    expect(merge("user", "Write a poem about cats.", "Write a poem about dogs.")).toBe("user: Write a poem about {var}.");
    expect(merge("user", "Greet {email} warmly", "Greet Bob warmly")).toBe("user: Greet {var} warmly");
  });

  it("never lets the first word of a sentence differ", () => {
    expect(merge("user", "Summarise the ticket", "Translate the ticket")).toBeNull();
    expect(merge("user", "Read this. Summarise it now", "Read this. Translate it now")).toBeNull();
    expect(merge("user", "Read this\nSummarise it now", "Read this\nTranslate it now")).toBeNull();
  });

  it("allows a quarter of the words to differ", () => {
    // 8 words: two may differ, three may not.
    expect(merge("user", "Book a table for two at Luigi tonight please", "Book a table for four at Mario tonight please")).toBe(
      "user: Book a table for {var} at {var} tonight please",
    );
    expect(merge("user", "Book a table for two at Luigi tonight please", "Book a room for four at Mario tonight please")).toBeNull();
  });

  it("requires the same punctuation and shape", () => {
    expect(merge("user", "Say hi, Alice", "Say hi. Alice")).toBeNull();
    expect(merge("user", "Say hi Alice", "Say hello there Alice")).toBeNull();
  });

  it("keeps system and developer messages word for word", () => {
    expect(merge("system", "You are a support assistant", "You are a billing assistant")).toBeNull();
    expect(merge("developer", "Answer in French", "Answer in German")).toBeNull();
    expect(merge("system", "Today is {date}", "Today is {date}")).toBe("system: Today is {date}");
  });
});
