"use client";

import type { TraceListParams } from "./trace-list-params";
import { CONTROL, controlTone, FieldMessage, LABEL } from "./trace-query-field";
import { TRACE_TIME_RANGES } from "./trace-time-ranges";
import { LocalTime } from "./local-time";
import { ChipRemoveButton } from "./chip-remove-button";

const SELECT_ID = "trace-time-range";

/** The range the traces started in, and, after "Search further back", the time the search went back from. */
export function TraceTimeRangeFilter({
  since,
  to,
  serverError,
  onChange,
}: {
  since: TraceListParams["since"];
  to: string;
  serverError?: string;
  onChange: (patch: Partial<Pick<TraceListParams, "since" | "to">>) => void;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={SELECT_ID} className={LABEL}>
        Time range
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id={SELECT_ID}
          aria-describedby={`${SELECT_ID}-message`}
          aria-invalid={serverError !== undefined || undefined}
          className={`${CONTROL} ${controlTone(serverError !== undefined)}`}
          value={since}
          onChange={(e) => onChange({ since: e.target.value as TraceListParams["since"] })}
        >
          {TRACE_TIME_RANGES.map((range) => (
            <option key={range.id} value={range.id}>
              {range.label}
            </option>
          ))}
          <option value="">All time</option>
        </select>
        {to ? (
          <span
            data-testid="trace-search-before"
            className="inline-flex h-9 items-center gap-1 rounded-md border border-amber-300 bg-amber-50 pr-1 pl-2.5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
          >
            <span>
              Started before <LocalTime iso={to} />
            </span>
            <ChipRemoveButton label="Back to the newest traces" onClick={() => onChange({ to: "" })} hover="hover:bg-amber-100 dark:hover:bg-amber-900" size="h-7 w-7" />
          </span>
        ) : null}
      </div>
      <FieldMessage id={`${SELECT_ID}-message`} tone="error">
        {serverError ?? ""}
      </FieldMessage>
    </div>
  );
}
