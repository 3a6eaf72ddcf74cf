"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { indentedJson } from "@/lib/ui/attribute-text";

// GET .../traces/:traceId/llm-calls: each call's messages as lib/genai extracted them, under
// whichever convention the instrumentation recorded them (snake_case ChatMessage).
interface ConversationMessage {
  role: string;
  content: string;
  tool_calls?: { id?: string; name: string; arguments?: string }[];
  tool_call_id?: string;
}

export interface TraceLlmCall {
  span_id: string;
  model: string;
  convention: string | null;
  input: ConversationMessage[];
  output: ConversationMessage[];
}

export function useTraceLlmCalls(workspaceId: string, traceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.traceLlmCalls(workspaceId, traceId),
    queryFn: () => fetchJson<{ calls: TraceLlmCall[] }>(workspaceApi(workspaceId, `/telemetry/traces/${traceId}/llm-calls`)),
    enabled,
    staleTime: 60_000,
  });
}

const ROLE_STYLE: Record<string, string> = {
  system: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  developer: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  user: "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  assistant: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  tool: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
};

function Message({ message }: { message: ConversationMessage }) {
  const toolCalls = message.tool_calls ?? [];
  return (
    <li className="space-y-1" data-testid="conversation-message" data-role={message.role}>
      <div className="flex items-baseline gap-2">
        <span className={`rounded px-1.5 py-0.5 text-[10px] font-semibold tracking-wide uppercase ${ROLE_STYLE[message.role] ?? ROLE_STYLE.system}`}>{message.role}</span>
        {message.tool_call_id ? <span className="truncate font-mono text-[10px] text-zinc-500 dark:text-zinc-400">answers {message.tool_call_id}</span> : null}
      </div>
      {message.content ? (
        <p className="text-xs leading-relaxed whitespace-pre-wrap text-zinc-900 [overflow-wrap:anywhere] dark:text-zinc-100">{message.content}</p>
      ) : toolCalls.length === 0 ? (
        <p className="text-xs text-zinc-500 italic dark:text-zinc-400">no text</p>
      ) : null}
      {toolCalls.map((call, i) => (
        <div key={call.id ?? i} className="rounded border border-zinc-200 px-2 py-1 text-xs dark:border-zinc-700" data-testid="conversation-tool-call">
          <span className="text-zinc-500 dark:text-zinc-400">calls </span>
          <code className="font-semibold">{call.name}</code>
          {call.id ? <span className="ml-1 font-mono text-[10px] text-zinc-500 dark:text-zinc-400">{call.id}</span> : null}
          {call.arguments ? (
            <pre className="mt-1 font-mono text-[11px] leading-snug whitespace-pre-wrap [overflow-wrap:anywhere]">{indentedJson(call.arguments) ?? call.arguments}</pre>
          ) : null}
        </div>
      ))}
    </li>
  );
}

function Side({ title, messages }: { title: string; messages: ConversationMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <div>
      <h4 className="mb-1.5 text-[11px] font-medium text-zinc-500 dark:text-zinc-400">{title}</h4>
      <ol className="space-y-2.5" aria-label={`${title} messages`}>
        {messages.map((message, i) => (
          <Message key={i} message={message} />
        ))}
      </ol>
    </div>
  );
}

/** An LLM call's messages as the conversation they were: role, text, tool calls and their answers. */
export function SpanConversation({ call }: { call: TraceLlmCall }) {
  return (
    <div className="space-y-3" data-testid="span-conversation">
      <Side title="Input" messages={call.input} />
      <Side title="Output" messages={call.output} />
    </div>
  );
}
