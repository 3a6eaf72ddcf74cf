import type { TraceListParams } from "./trace-list-params";
import { FieldMessage, LABEL } from "./trace-query-field";

// "OK" and "Unset" keep traces with at least one such span, as Jaeger's and Tempo's status do:
// a trace with an error span and an OK one is in both.
const STATUSES = [
  { status: "", label: "All", title: "Every trace" },
  { status: "error", label: "Errors", title: "Traces with an error span" },
  { status: "ok", label: "OK", title: "Traces with a span whose status is OK" },
  { status: "unset", label: "Unset", title: "Traces with a span whose status is unset" },
] as const satisfies readonly { status: TraceListParams["status"]; label: string; title: string }[];

export function TraceStatusFilter({ value, serverError, onChange }: { value: TraceListParams["status"]; serverError?: string; onChange: (status: TraceListParams["status"]) => void }) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className={`${LABEL} mb-1`}>Status</legend>
      <div className="flex h-9 items-center rounded-md border border-zinc-300 bg-white p-0.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
        {STATUSES.map((option) => (
          <label key={option.label} className="relative" title={option.title}>
            <input
              type="radio"
              name="trace-status"
              className="peer absolute inset-0 z-10 cursor-pointer opacity-0"
              checked={value === option.status}
              onChange={() => onChange(option.status)}
            />
            <span className="flex h-7 cursor-pointer items-center gap-1.5 rounded px-2.5 text-zinc-600 peer-checked:bg-zinc-100 peer-checked:font-medium peer-checked:text-zinc-900 peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-500 hover:text-zinc-900 dark:text-zinc-400 dark:peer-checked:bg-zinc-800 dark:peer-checked:text-zinc-50 dark:hover:text-zinc-100">
              {option.status === "error" ? <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-red-500" /> : null}
              {option.label}
            </span>
          </label>
        ))}
      </div>
      <FieldMessage id="trace-status-message" tone="error">
        {serverError ?? ""}
      </FieldMessage>
    </fieldset>
  );
}
