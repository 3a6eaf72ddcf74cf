import { describe, expect, it } from "vitest";
import { replayMessages } from "./replay-messages";

describe("replayMessages", () => {
  it("replaces the last user message's text with the case's input", () => {
    const messages = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Where is my order?" },
      { role: "assistant", content: "Which one?" },
      { role: "user", content: "A-1042" },
    ];
    expect(replayMessages({ variables: { input: "B-2000" }, messages })).toEqual([...messages.slice(0, 3), { role: "user", content: "B-2000" }]);
    expect(messages[3].content).toBe("A-1042");
  });

  it("keeps what followed the last user message (tool calls and results)", () => {
    const messages = [
      { role: "user", content: "Track A-1042" },
      { role: "assistant", content: "", tool_calls: [{ id: "call_1", name: "track" }] },
      { role: "tool", content: "shipped", tool_call_id: "call_1" },
    ];
    expect(replayMessages({ variables: { input: "Track B-2000" }, messages })).toEqual([{ role: "user", content: "Track B-2000" }, messages[1], messages[2]]);
  });

  it("sends the input as the only user message when there are no messages", () => {
    expect(replayMessages({ variables: { input: "Summarize this." }, messages: [] })).toEqual([{ role: "user", content: "Summarize this." }]);
  });

  it("adds the input after instructions when no user message was recorded", () => {
    expect(replayMessages({ variables: { input: "Hi" }, messages: [{ role: "system", content: "Be brief." }] })).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
    ]);
  });
});
