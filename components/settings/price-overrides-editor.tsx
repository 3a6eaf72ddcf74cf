"use client";

import { Button } from "@/components/ui/button";
import { newPriceRow, priceProblems, type PriceColumn, type PriceRow } from "./price-rows";

const INPUT =
  "h-8 w-full rounded-md border bg-white px-2 text-sm focus:outline-2 focus:outline-offset-0 focus:outline-indigo-500/50 dark:bg-zinc-950 aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus:outline-red-500/40";
const INPUT_BORDER = "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700";
const HEAD = "px-2 py-1.5 text-left text-xs font-medium text-zinc-600 first:pl-0 dark:text-zinc-400";

const COLUMNS: { column: PriceColumn; label: string; inputMode?: "decimal" }[] = [
  { column: "model", label: "Model name or prefix" },
  { column: "input", label: "Input, USD per 1M tokens", inputMode: "decimal" },
  { column: "output", label: "Output, USD per 1M tokens", inputMode: "decimal" },
];

/**
 * The workspace's own model prices as a small table. `id` goes to the first control, so the
 * form can move focus here when the prices need fixing.
 */
export function PriceOverridesEditor({ id, rows, onChange, describedBy }: { id: string; rows: PriceRow[]; onChange: (rows: PriceRow[]) => void; describedBy: string }) {
  const invalid = new Set(priceProblems(rows).map((p) => `${p.rowId}:${p.column}`));
  const edit = (rowId: string, column: PriceColumn, text: string) => onChange(rows.map((row) => (row.id === rowId ? { ...row, [column]: text } : row)));

  return (
    <div className="space-y-2">
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No prices of your own: every model is priced from the built-in list.</p>
      ) : (
        <table className="w-full max-w-2xl" aria-label="Model prices" aria-describedby={describedBy}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.column} scope="col" className={HEAD}>
                  {c.label}
                </th>
              ))}
              <th scope="col" className={HEAD}>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} data-testid="price-row">
                {COLUMNS.map((c, n) => (
                  <td key={c.column} className={`py-1 pr-2 ${c.column === "model" ? "w-1/2" : "w-1/4"}`}>
                    <input
                      id={index === 0 && n === 0 ? id : undefined}
                      type="text"
                      inputMode={c.inputMode}
                      autoComplete="off"
                      spellCheck={false}
                      aria-label={`${c.label}, row ${index + 1}`}
                      value={row[c.column]}
                      onChange={(e) => edit(row.id, c.column, e.target.value)}
                      aria-invalid={invalid.has(`${row.id}:${c.column}`) ? true : undefined}
                      placeholder={c.column === "model" ? "e.g. gpt-4o" : "0.00"}
                      className={`${INPUT} ${invalid.has(`${row.id}:${c.column}`) ? "border-red-500" : INPUT_BORDER} ${c.column === "model" ? "font-mono text-xs" : "tabular-nums"}`}
                    />
                  </td>
                ))}
                <td className="py-1 text-right">
                  <Button size="sm" variant="ghost" aria-label={`Remove row ${index + 1}${row.model.trim() ? ` (${row.model.trim()})` : ""}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                    <span aria-hidden>✕</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Button size="sm" id={rows.length === 0 ? id : undefined} onClick={() => onChange([...rows, newPriceRow()])}>
        <span aria-hidden>+</span> Add a model price
      </Button>
    </div>
  );
}
