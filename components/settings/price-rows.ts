// The `llm_prices` setting as the form edits it: one row per model, with the prices as typed.
// The checks mirror lib/genai/price-table-schema.ts (the server re-checks them).
import type { TelemetrySettings } from "@/lib/api/settings.schemas";
import { numberText } from "./duration-units";

type Prices = TelemetrySettings["llm_prices"];

export interface PriceRow {
  /** Stable across edits, for React and for pointing problems at a row. */
  id: string;
  model: string;
  input: string;
  output: string;
}

export type PriceColumn = "model" | "input" | "output";

export interface PriceProblem {
  rowId: string;
  column: PriceColumn;
  message: string;
}

let nextId = 0;
export const newPriceRow = (model = "", input = "", output = ""): PriceRow => ({ id: `price-${++nextId}`, model, input, output });

export function priceRowsFrom(prices: Prices): PriceRow[] {
  return Object.entries(prices).map(([model, p]) => newPriceRow(model, numberText(p.input_per_million), numberText(p.output_per_million)));
}

// A row left entirely blank (just added, never filled) is not an entry, so it cannot fail a save.
const isBlank = (row: PriceRow) => row.model.trim() === "" && row.input.trim() === "" && row.output.trim() === "";

function priceProblem(text: string, which: "input" | "output", name: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return `${name}: enter the ${which} price.`;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `${name}: the ${which} price must be a number.`;
  if (value < 0) return `${name}: the ${which} price must be 0 or more.`;
  return null;
}

/** Everything wrong with the rows, in reading order. */
export function priceProblems(rows: readonly PriceRow[]): PriceProblem[] {
  const problems: PriceProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const model = row.model.trim();
    const name = model === "" ? `Row ${index + 1}` : model;
    if (model === "") problems.push({ rowId: row.id, column: "model", message: `Row ${index + 1}: enter a model name.` });
    else if (seen.has(model)) problems.push({ rowId: row.id, column: "model", message: `${model} is listed twice.` });
    seen.add(model);
    for (const column of ["input", "output"] as const) {
      const message = priceProblem(row[column], column, name);
      if (message) problems.push({ rowId: row.id, column, message });
    }
  });
  return problems;
}

/** The setting's value, or the first problem (with how many more there are). */
export function parsePriceRows(rows: readonly PriceRow[]): { value: Prices } | { error: string } {
  const problems = priceProblems(rows);
  if (problems.length > 0) return { error: problems.length === 1 ? problems[0].message : `${problems[0].message} (${problems.length - 1} more)` };
  const entries = rows.filter((row) => !isBlank(row)).map((row) => [row.model.trim(), { input_per_million: Number(row.input.trim()), output_per_million: Number(row.output.trim()) }] as const);
  return { value: Object.fromEntries(entries) };
}
