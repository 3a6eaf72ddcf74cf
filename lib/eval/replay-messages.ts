// What a replay sends: production's conversation with the last user message's text swapped for
// the case's (possibly edited) input.
import type { EvalCase, EvalMessage } from "./eval-dataset.schema";

export function replayMessages(testCase: Pick<EvalCase, "variables" | "messages">): EvalMessage[] {
  const { input } = testCase.variables;
  const lastUser = testCase.messages.findLastIndex((m) => m.role === "user");
  // No roles recorded (or only instructions): the input is the user's whole turn.
  if (lastUser === -1) return [...testCase.messages, { role: "user", content: input }];
  return testCase.messages.map((message, index) => (index === lastUser ? { ...message, content: input } : message));
}
