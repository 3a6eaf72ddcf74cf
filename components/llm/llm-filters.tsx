"use client";

import { useRef } from "react";
import { LlmFlowChip } from "./llm-flow-chip";
import { LLM_RANGES, rangeOf, type LlmRangeId, type LlmUrlParams } from "./llm-params";
import { modelLabel } from "./model-colours";

const CONTROL =
  "h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900";

const RADIO = "peer absolute inset-0 z-10 cursor-pointer opacity-0";
const RADIO_LABEL =
  "flex h-7 cursor-pointer items-center rounded px-2.5 whitespace-nowrap text-zinc-600 tabular-nums peer-checked:bg-zinc-100 peer-checked:font-medium peer-checked:text-zinc-900 peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-500 hover:text-zinc-900 dark:text-zinc-400 dark:peer-checked:bg-zinc-800 dark:peer-checked:text-zinc-50 dark:hover:text-zinc-100";

/**
 * The time range (as radio buttons, one tab stop: Auto, the default, fits the range to the calls
 * and says which it chose), the model to show, and the flow when the page is narrowed to one.
 */
export function LlmFilters({
  workspaceId,
  params,
  fittedRange,
  models,
  onChange,
}: {
  workspaceId: string;
  params: LlmUrlParams;
  fittedRange: LlmRangeId;
  models: string[];
  onChange: (patch: Partial<LlmUrlParams>) => void;
}) {
  const auto = params.range === "auto";
  const modelSelect = useRef<HTMLSelectElement>(null);
  // A model from a shared URL stays selectable even before (or after) it has calls.
  const options = params.model && !models.includes(params.model) ? [params.model, ...models] : models;
  return (
    <div role="search" aria-label="Filter LLM calls" className="flex flex-wrap items-center gap-2">
      <fieldset className="flex h-9 items-center rounded-md border border-zinc-300 bg-white p-0.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
        <legend className="sr-only">Time range</legend>
        <label className="relative" title={`The shortest range that shows every call of the last 30 days: now ${rangeOf(fittedRange).name}`}>
          <input type="radio" name="llm-range" value="auto" aria-label={`Fit to the calls (${rangeOf(fittedRange).label})`} className={RADIO} checked={auto} onChange={() => onChange({ range: "auto" })} />
          <span className={RADIO_LABEL} data-testid="llm-range-auto">
            Auto{auto ? <span className="ml-1 font-normal text-zinc-600 dark:text-zinc-300">· {rangeOf(fittedRange).label}</span> : null}
          </span>
        </label>
        {LLM_RANGES.map((range) => (
          <label key={range.id} className="relative" title={range.name}>
            <input
              type="radio"
              name="llm-range"
              value={range.id}
              aria-label={`Last ${range.label}`}
              className={RADIO}
              checked={params.range === range.id}
              onChange={() => onChange({ range: range.id })}
            />
            <span className={RADIO_LABEL}>{range.label}</span>
          </label>
        ))}
      </fieldset>
      <label className="sr-only" htmlFor="llm-model-filter">
        Model
      </label>
      <select ref={modelSelect} id="llm-model-filter" className={`${CONTROL} max-w-72`} value={params.model} onChange={(e) => onChange({ model: e.target.value })}>
        <option value="">All models</option>
        {options.map((model) => (
          <option key={model} value={model}>
            {modelLabel(model)}
          </option>
        ))}
      </select>
      {params.flow ? (
        <LlmFlowChip
          workspaceId={workspaceId}
          flowId={params.flow}
          onRemove={() => {
            onChange({ flow: "" });
            // The chip and its button go away: keep the keyboard in the filters rather than at the page's top.
            modelSelect.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
