// The shapes the AI draft passes around: what it reads of a trace, how it talks to a model, and
// what it answers.

/** One span of the representative trace, in tree order. */
export interface DraftSpan {
  depth: number;
  service: string;
  name: string;
  /** `server`, `client`, `internal`, `producer`, `consumer`. */
  kind: string;
  status: string;
  statusMessage?: string;
  durationMs: number;
  attributes: Readonly<Record<string, unknown>>;
}

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatAnswer {
  content: string;
  promptTokens: number | null;
  completionTokens: number | null;
}

/** One model call; throws LlmDraftError when the model cannot be reached or refuses. */
export type ChatFunction = (messages: readonly ChatMessage[]) => Promise<ChatAnswer>;

export interface DraftUsage {
  /** Summed over every call of the draft; null when the endpoint reported none. */
  prompt_tokens: number | null;
  completion_tokens: number | null;
  model: string;
}

export interface DraftIssue {
  /** Where: `line 12`, `trigger`, `step get_order`, `expect_trace.nodes.2`. */
  path: string;
  message: string;
}

export type DraftOutcome =
  | { ok: true; yaml: string; warnings: string[]; usage: DraftUsage; attempts: number }
  | { ok: false; issues: DraftIssue[]; usage: DraftUsage; attempts: number };

/** Context limits, in UTF-8 bytes. */
export interface DraftBounds {
  /** Each recorded body (trace attribute, model example). */
  maxBodyBytes: number;
  /** The whole context message: model slice, trace, deterministic export. */
  maxContextBytes: number;
}

export const DEFAULT_DRAFT_BOUNDS: DraftBounds = { maxBodyBytes: 2 * 1024, maxContextBytes: 24 * 1024 };
