import type { ChatMessage } from "./llm-call";

/** What one convention recorded of a call's prompt and completion; empty lists when it recorded nothing. */
export interface RecordedMessages {
  input: ChatMessage[];
  output: ChatMessage[];
}
