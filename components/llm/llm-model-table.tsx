import { errorTone } from "@/components/flows/error-tone";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { formatUsd } from "@/lib/format/format-usd";
import type { ModelUsage } from "./llm-types";
import { modelLabel, type ModelColours } from "./model-colours";
import { unpricedNotes } from "./unpriced-notes";
import { CELL, HEAD_CELL, NUMBER_CELL, ROW, TABLE, THEAD } from "./table-styles";

const NUMERIC = ["Calls", "Input tokens", "Output tokens", "Est. cost", "P50", "P95", "Error rate"];

/** Each model's totals over the range, most calls first. */
export function LlmModelTable({ models, colours }: { models: ModelUsage[]; colours: ModelColours }) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE} data-testid="llm-model-table">
        <caption className="sr-only">Usage by model, most calls first</caption>
        <thead className={THEAD}>
          <tr>
            <th scope="col" className={HEAD_CELL}>
              Model
            </th>
            {NUMERIC.map((label) => (
              <th key={label} scope="col" className={`${HEAD_CELL} text-right`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.model} className={ROW} data-testid="llm-model-row" data-model={m.model}>
              <th scope="row" className={`${CELL} font-normal`}>
                <div className="flex items-center gap-2">
                  <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: colours(m.model) }} />
                  <span className={`font-medium ${m.model === "" ? "text-zinc-500 italic dark:text-zinc-400" : "text-zinc-900 dark:text-zinc-100"}`}>{modelLabel(m.model)}</span>
                </div>
                {m.provider ? <div className="mt-0.5 pl-4.5 text-xs text-zinc-500 dark:text-zinc-400">{m.provider}</div> : null}
              </th>
              <td className={NUMBER_CELL}>{formatCount(m.calls)}</td>
              <td className={NUMBER_CELL}>{formatCount(m.input_tokens)}</td>
              <td className={NUMBER_CELL}>{formatCount(m.output_tokens)}</td>
              <td className={NUMBER_CELL}>
                {formatUsd(m.cost_usd)}
                {unpricedNotes(m).map((note) => (
                  <div key={note.key} className="text-xs text-amber-700 dark:text-amber-400" title={note.title}>
                    {note.text}
                  </div>
                ))}
              </td>
              <td className={NUMBER_CELL}>{formatDuration(m.p50_ms)}</td>
              <td className={NUMBER_CELL}>{formatDuration(m.p95_ms)}</td>
              <td className={`${NUMBER_CELL} ${errorTone(m.error_rate)}`}>{formatPercent(m.error_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
