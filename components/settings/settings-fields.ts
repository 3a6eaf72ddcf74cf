// Every field of the telemetry settings API, how it is typed, and its limits. The limits mirror
// lib/api/settings.schemas.ts (the server re-checks them; a change there belongs here too), so
// the form can say what is wrong before a round trip.
import type { TelemetrySettings } from "@/lib/api/settings.schemas";
import type { ContentPrivacyMode } from "@/lib/genai/content-privacy";
import { DEFAULT_PRICE_TABLE } from "@/lib/genai/price-table-data";
import { UNIT_MS, formatMs, numberText, toMs, type DurationUnit } from "./duration-units";
import { parsePriceRows, priceRowsFrom, type PriceRow } from "./price-rows";

export type SettingKey = keyof TelemetrySettings;

interface Base<K extends SettingKey> {
  key: K;
  label: string;
  description: string;
}

export type FieldSpec =
  | (Base<"enabled" | "auto_discovery" | "auto_validation" | "keyless_ingest"> & { kind: "toggle" })
  | (Base<"retention_days" | "drift_learning_traces" | "coverage_window_days" | "diagnosis_sample_size"> & { kind: "integer"; min: number; max: number; suffix: string })
  | (Base<"default_timeout_ms" | "trace_idle_ms" | "drift_learning_ms" | "drift_confirm_ms" | "drift_missing_ms"> & {
      kind: "duration";
      /** Milliseconds. */
      min: number;
      max: number;
      units: DurationUnit[];
      /** The unit shown for 0, which no unit divides into a "best" one. */
      zeroUnit: DurationUnit;
    })
  | (Base<"drift_rare_ratio"> & { kind: "ratio"; min: number; max: number })
  | (Base<"llm_content"> & { kind: "choice"; options: { value: ContentPrivacyMode; label: string; description: string }[] })
  | (Base<"llm_alert_error_rate" | "llm_alert_latency_p95_ms" | "llm_alert_cost_per_hour_usd"> & {
      /** An optional number: empty turns the warning off (null). */
      kind: "threshold";
      /** The value must be above `above` (or, with `max`, between `above` and `max` inclusive). */
      above: number;
      inclusive?: boolean;
      max?: number;
      suffix?: string;
      /** A share from 0 to 1, read as a percentage. */
      ratio?: boolean;
    })
  | (Base<"llm_prices"> & { kind: "prices" });

export interface SettingsGroup {
  id: string;
  title: string;
  description: string;
  fields: FieldSpec[];
}

const DAY = UNIT_MS.d;

export const SETTINGS_GROUPS: SettingsGroup[] = [
  {
    id: "ingestion",
    title: "Ingestion",
    description: "Whether this workspace takes traces, and how long it keeps them.",
    fields: [
      { key: "enabled", kind: "toggle", label: "Accept traces", description: "When off, the OTLP endpoint answers 403 for this workspace and stores nothing." },
      { key: "retention_days", kind: "integer", min: 1, max: 3650, suffix: "days", label: "Keep spans for", description: "Spans and completed traces older than this are deleted every hour. Flows and their statistics stay." },
      {
        key: "keyless_ingest",
        kind: "toggle",
        label: "Accept traces without an ingest key",
        description: "With accounts on, spans without a key reach only workspaces where this is on (workspace admins change it). With accounts off, ingestion is open until the first key exists.",
      },
    ],
  },
  {
    id: "discovery",
    title: "Discovery",
    description: "How traces become flows.",
    fields: [
      { key: "auto_discovery", kind: "toggle", label: "Discover flows", description: "When off, spans are stored but no flows are discovered from them." },
      {
        key: "trace_idle_ms",
        kind: "duration",
        min: 100,
        max: 600_000,
        units: ["ms", "s", "min"],
        zeroUnit: "s",
        label: "Trace idle window",
        description: "A trace is complete once no span has arrived for this long; then its flow is discovered. Longer waits catch slow spans, shorter ones show flows sooner.",
      },
    ],
  },
  {
    id: "testing",
    title: "Testing",
    description: "Defaults for the tests exported from flows.",
    fields: [
      {
        key: "default_timeout_ms",
        kind: "duration",
        min: 1_000,
        max: 600_000,
        units: ["s", "min"],
        zeroUnit: "s",
        label: "Default test timeout",
        description: "How long an exported test waits for its trace before failing, unless the test sets its own timeout_ms.",
      },
      { key: "auto_validation", kind: "toggle", label: "Validate test runs", description: "When a test execution's trace completes, the server checks it against the flow's expected path." },
      { key: "coverage_window_days", kind: "integer", min: 1, max: 365, suffix: "days", label: "Coverage window", description: "How many days back a flow's test runs count towards its test coverage." },
      {
        key: "diagnosis_sample_size",
        kind: "integer",
        min: 10,
        max: 1000,
        suffix: "traces",
        label: "Diagnosis sample",
        description: "At most this many traces per side (failing and passing, slow and the rest) are read when a flow is diagnosed: more is surer and slower.",
      },
    ],
  },
  {
    id: "drift",
    title: "Drift",
    description: "When a change in an entry point's path becomes an alert.",
    fields: [
      {
        key: "drift_learning_ms",
        kind: "duration",
        min: 0,
        max: 30 * DAY,
        units: ["min", "h", "d"],
        zeroUnit: "h",
        label: "Learning period",
        description: "Every variant seen during an entry point's first stretch of traffic joins its baseline. Learning ends after this period and the trace count below, whichever ends later.",
      },
      { key: "drift_learning_traces", kind: "integer", min: 0, max: 1_000_000, suffix: "traces", label: "Learning traces", description: "How many of an entry point's first traces are learned from, together with the learning period." },
      {
        key: "drift_confirm_ms",
        kind: "duration",
        min: 0,
        max: DAY,
        units: ["s", "min", "h"],
        zeroUnit: "s",
        label: "Confirmation wait",
        description: "A new variant's alert waits this long for late spans before it opens; if they complete the trace into a known path, the alert is withdrawn.",
      },
      {
        key: "drift_missing_ms",
        kind: "duration",
        min: 1_000,
        max: 30 * DAY,
        units: ["s", "min", "h", "d"],
        zeroUnit: "h",
        label: "Missing after",
        description: "A baseline variant carrying at least 20% of its entry point's traffic raises a missing-variant alert when unseen for this long.",
      },
      {
        key: "drift_rare_ratio",
        kind: "ratio",
        min: 0,
        max: 1,
        label: "Rare variant share",
        description: "A new variant carrying at most this share of its entry point's traffic (last 24 hours) is listed as rare instead of open. A share from 0 to 1.",
      },
    ],
  },
  {
    id: "llm",
    title: "LLM traces",
    description: "What is kept of model calls' prompts and completions, what the calls cost, and when the LLM page warns.",
    fields: [
      {
        key: "llm_content",
        kind: "choice",
        label: "Prompt and completion content",
        description: "Applies to spans received from now on. Models, token counts, timings and errors are kept in every mode, so usage and cost never depend on it.",
        options: [
          { value: "keep", label: "Keep", description: "stored as recorded; calls can be exported as eval datasets." },
          { value: "redact", label: "Redact", description: "emails, phone numbers and card numbers are masked before storing; exports carry the masked text." },
          { value: "drop", label: "Drop", description: "removed at ingest; usage and cost still show, but there is nothing to export." },
        ],
      },
      {
        key: "llm_alert_error_rate",
        kind: "threshold",
        above: 0,
        inclusive: true,
        max: 1,
        ratio: true,
        label: "Warn above error rate",
        description: "The LLM page warns when a model's share of failed calls in the range shown is above this. A share from 0 to 1; empty for no warning.",
      },
      {
        key: "llm_alert_latency_p95_ms",
        kind: "threshold",
        above: 0,
        suffix: "ms",
        label: "Warn above p95 latency",
        description: "The LLM page warns when a model's p95 latency in the range shown is above this. Empty for no warning.",
      },
      {
        key: "llm_alert_cost_per_hour_usd",
        kind: "threshold",
        above: 0,
        suffix: "USD per hour",
        label: "Warn above cost per hour",
        description: "The LLM page warns when a model's estimated cost per hour, averaged over the range or in its most expensive hour, is above this. Empty for no warning.",
      },
      {
        key: "llm_prices",
        kind: "prices",
        label: "Model prices",
        description: `USD per million tokens, for models missing from the built-in list (list prices as of ${DEFAULT_PRICE_TABLE.as_of}) or priced differently for you. A name also covers the model's dated versions: gpt-4o prices gpt-4o-2024-08-06 too.`,
      },
    ],
  },
];

export const ALL_FIELDS: FieldSpec[] = SETTINGS_GROUPS.flatMap((g) => g.fields);

/** What an input holds while being edited: text for numbers, so any keystroke is allowed. */
type DraftOf<K extends SettingKey> = K extends "llm_prices"
  ? PriceRow[]
  : K extends "llm_content"
    ? ContentPrivacyMode
    : TelemetrySettings[K] extends boolean
      ? boolean
      : { text: string; unit?: DurationUnit };

export type Draft = { [K in SettingKey]: DraftOf<K> };

export type SettingValue = TelemetrySettings[SettingKey];

export function draftFrom(settings: TelemetrySettings): Draft {
  const draft = {} as Record<SettingKey, unknown>;
  for (const field of ALL_FIELDS) {
    const value = settings[field.key];
    if (field.kind === "toggle" || field.kind === "choice") draft[field.key] = value;
    else if (field.kind === "prices") draft[field.key] = priceRowsFrom(settings.llm_prices);
    else if (field.kind === "threshold") draft[field.key] = { text: value === null ? "" : numberText(value as number) };
    else if (field.kind === "duration") {
      const unit = bestUnitFor(field, value as number);
      draft[field.key] = { text: numberText((value as number) / UNIT_MS[unit]), unit };
    } else draft[field.key] = { text: numberText(value as number) };
  }
  return draft as Draft;
}

/** Whether an edited value equals the saved one; prices compare by content. */
export function sameSetting(a: SettingValue, b: SettingValue): boolean {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a === b;
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function bestUnitFor(field: Extract<FieldSpec, { kind: "duration" }>, ms: number): DurationUnit {
  if (ms === 0) return field.zeroUnit;
  // The largest unit that shows the value with at most two decimals: 2,500 ms reads 2.5 s.
  const exact = [...field.units].reverse().find((u) => ms >= UNIT_MS[u] && (ms * 100) % UNIT_MS[u] === 0);
  return exact ?? field.units[0];
}

function describeLimit(field: FieldSpec, n: number): string {
  if (field.kind === "duration") return formatMs(n);
  if (field.kind === "integer") return `${n.toLocaleString("en")} ${n === 1 ? field.suffix.replace(/s$/, "") : field.suffix}`;
  return String(n);
}

function parseThreshold(field: Extract<FieldSpec, { kind: "threshold" }>, text: string): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: "Enter a number, or leave it empty for no warning." };
  if (field.max !== undefined && (value < field.above || value > field.max)) return { error: `Must be between ${field.above} and ${field.max}, or empty for no warning.` };
  if (!field.inclusive && value <= field.above) return { error: `Must be more than ${field.above}, or empty for no warning.` };
  return { value };
}

/** The value to send for one field, or why there is none. */
export function parseField(field: FieldSpec, draft: Draft): { value: SettingValue } | { error: string } {
  if (field.kind === "toggle" || field.kind === "choice") return { value: draft[field.key] };
  if (field.kind === "prices") return parsePriceRows(draft[field.key]);
  if (field.kind === "threshold") return parseThreshold(field, draft[field.key].text);
  const { text, unit } = draft[field.key];
  const trimmed = text.trim();
  if (trimmed === "") return { error: "Enter a value." };
  const amount = Number(trimmed);
  if (!Number.isFinite(amount)) return { error: "Enter a number." };
  let value = amount;
  if (field.kind === "integer" && !Number.isInteger(amount)) return { error: "Enter a whole number." };
  if (field.kind === "duration") {
    const ms = toMs(amount, unit ?? "ms");
    if (ms === null) return { error: "Enter a whole number of milliseconds." };
    value = ms;
  }
  if (value < field.min || value > field.max) return { error: `Must be between ${describeLimit(field, field.min)} and ${describeLimit(field, field.max)}.` };
  return { value };
}

/** A plain-language reading of the value, next to the input. */
export function readValue(field: FieldSpec, value: SettingValue): string | null {
  if (field.kind === "threshold") {
    if (value === null) return "No warning";
    if (field.ratio) return `Warns above ${numberText((value as number) * 100)}% of calls failing`;
    if (field.suffix === "ms" && (value as number) >= 1000) return `${(value as number).toLocaleString("en")} ms = ${formatMs(value as number)}`;
    return null;
  }
  if (typeof value !== "number") return null;
  if (field.kind === "duration") return `${value.toLocaleString("en")} ms${value >= 1000 ? ` = ${formatMs(value)}` : ""}`;
  if (field.kind === "ratio") {
    if (value === 0) return "No new variant is treated as rare";
    const oneIn = Math.round(1 / value);
    return `${numberText(value * 100)}% · about 1 trace in ${oneIn.toLocaleString("en")}`;
  }
  return null;
}
