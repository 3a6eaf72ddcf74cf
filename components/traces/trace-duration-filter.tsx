"use client";

import type { KeyboardEvent } from "react";
import { durationProblem, type DurationBound } from "./trace-duration-problem";
import { CONTROL, controlTone, FieldMessage, LABEL } from "./trace-query-field";
import { useDraft } from "./use-draft";

const MESSAGE_ID = "trace-duration-message";

/** Trace duration bounds in ms; a bound is searched when the user presses Enter or leaves the field. */
export function TraceDurationFilter({
  min,
  max,
  serverError,
  onChange,
}: {
  min: string;
  max: string;
  serverError?: string;
  onChange: (patch: { minDurationMs: string; maxDurationMs: string }) => void;
}) {
  const [minDraft, setMinDraft] = useDraft(min);
  const [maxDraft, setMaxDraft] = useDraft(max);
  const problem = durationProblem(minDraft.trim(), maxDraft.trim());

  const commit = () => {
    if (problem === null && (minDraft.trim() !== min || maxDraft.trim() !== max)) onChange({ minDurationMs: minDraft.trim(), maxDurationMs: maxDraft.trim() });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit();
    }
  };
  const input = (bound: DurationBound, value: string, set: (text: string) => void) => (
    <input
      type="text"
      inputMode="decimal"
      autoComplete="off"
      aria-label={bound === "min" ? "Minimum duration (ms)" : "Maximum duration (ms)"}
      aria-describedby={MESSAGE_ID}
      aria-invalid={problem?.bound === bound || (problem === null && serverError !== undefined) || undefined}
      placeholder={bound === "min" ? "min" : "max"}
      value={value}
      onChange={(e) => set(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
      className={`${CONTROL} ${controlTone(problem?.bound === bound || (problem === null && serverError !== undefined))} w-[4.5rem] tabular-nums`}
    />
  );

  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className={`${LABEL} mb-1`}>Duration (ms)</legend>
      <div className="flex items-center gap-1.5">
        {input("min", minDraft, setMinDraft)}
        <span aria-hidden className="text-zinc-400">
          –
        </span>
        {input("max", maxDraft, setMaxDraft)}
      </div>
      <FieldMessage id={MESSAGE_ID} tone="error">
        {problem?.message ?? serverError ?? ""}
      </FieldMessage>
    </fieldset>
  );
}
