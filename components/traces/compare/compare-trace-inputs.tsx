"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { parseTraceIdInput } from "../parse-trace-id-input";

function TraceIdField({ label, value, onChange, optionalHint, error }: { label: string; value: string; onChange: (v: string) => void; optionalHint?: string; error: string | null }) {
  const id = useId();
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="mb-1 block text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        placeholder={optionalHint ?? "Trace id (32 hex characters)"}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`h-9 w-full rounded-md border bg-white px-2.5 font-mono text-sm placeholder:font-sans placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-0 dark:bg-zinc-900 dark:placeholder:text-zinc-400 ${
          error ? "border-red-500 focus-visible:outline-red-500/40" : "border-zinc-300 focus-visible:border-indigo-500 focus-visible:outline-indigo-500/40 dark:border-zinc-700"
        }`}
      />
      <p id={`${id}-hint`} aria-live="polite" className={`mt-1 min-h-4 text-xs ${error ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`}>
        {error ?? (optionalHint && value.trim() === "" ? optionalHint : "")}
      </p>
    </div>
  );
}

/** What a field holds: a trace id, nothing, or why it is not a trace id. */
function readField(text: string): { traceId: string; error: string | null } {
  const parsed = parseTraceIdInput(text);
  if (parsed.kind === "id") return { traceId: parsed.traceId, error: null };
  return { traceId: "", error: parsed.kind === "invalid" ? parsed.message : null };
}

/**
 * The two traces to compare, pasted as ids (or traceparent headers). B may stay empty: A's flow's
 * representative. Swap exchanges the two compared, B's resolved id included.
 */
export function CompareTraceInputs({ a, b, resolvedB, onCompare }: { a: string; b: string; resolvedB: string | null; onCompare: (a: string, b: string) => void }) {
  const [draft, setDraft] = useState({ a, b });
  const [shown, setShown] = useState({ a, b });
  const [submitted, setSubmitted] = useState(false);
  // The URL moved (back button, swap): show where it went.
  if (shown.a !== a || shown.b !== b) {
    setShown({ a, b });
    setDraft({ a, b });
    setSubmitted(false);
  }
  const fieldA = readField(draft.a);
  const fieldB = readField(draft.b);
  const missingA = draft.a.trim() === "" ? "Paste the id of the trace to compare." : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (fieldA.traceId && !fieldB.error) onCompare(fieldA.traceId, fieldB.traceId);
  };
  // Swaps what the page shows, not half-typed drafts.
  const swapWith = resolvedB ?? (b || null);

  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900" aria-label="Traces to compare">
      <TraceIdField label="Trace A" value={draft.a} onChange={(v) => setDraft((d) => ({ ...d, a: v }))} error={fieldA.error ?? (submitted ? missingA : null)} />
      <TraceIdField label="Trace B" value={draft.b} onChange={(v) => setDraft((d) => ({ ...d, b: v }))} optionalHint="Empty: the representative of A's flow" error={fieldB.error} />
      <div className="flex gap-2 pt-5">
        <Button type="submit" variant="primary">
          Compare
        </Button>
        <Button disabled={!a || !swapWith} title={swapWith ? "Compare B with A instead" : "Needs two traces compared first"} onClick={() => swapWith && onCompare(swapWith, a)}>
          <span aria-hidden>⇄</span> Swap
        </Button>
      </div>
    </form>
  );
}
