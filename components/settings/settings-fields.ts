// Every field of the telemetry settings API, how it is typed, and its limits. The limits mirror
// lib/api/settings.schemas.ts (the server re-checks them; a change there belongs here too), so
// the form can say what is wrong before a round trip.
import type { TelemetrySettings } from "@/lib/api/settings.schemas";
import { UNIT_MS, formatMs, numberText, toMs, type DurationUnit } from "./duration-units";

export type SettingKey = keyof TelemetrySettings;

interface Base<K extends SettingKey> {
  key: K;
  label: string;
  description: string;
}

export type FieldSpec =
  | (Base<"enabled" | "auto_discovery" | "auto_validation"> & { kind: "toggle" })
  | (Base<"retention_days" | "drift_learning_traces"> & { kind: "integer"; min: number; max: number; suffix: string })
  | (Base<"default_timeout_ms" | "trace_idle_ms" | "drift_learning_ms" | "drift_confirm_ms" | "drift_missing_ms"> & {
      kind: "duration";
      /** Milliseconds. */
      min: number;
      max: number;
      units: DurationUnit[];
      /** The unit shown for 0, which no unit divides into a "best" one. */
      zeroUnit: DurationUnit;
    })
  | (Base<"drift_rare_ratio"> & { kind: "ratio"; min: number; max: number });

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
];

export const ALL_FIELDS: FieldSpec[] = SETTINGS_GROUPS.flatMap((g) => g.fields);

/** What an input holds while being edited: text for numbers, so any keystroke is allowed. */
export type Draft = { [K in SettingKey]: TelemetrySettings[K] extends boolean ? boolean : { text: string; unit?: DurationUnit } };

export function draftFrom(settings: TelemetrySettings): Draft {
  const draft = {} as Record<SettingKey, unknown>;
  for (const field of ALL_FIELDS) {
    const value = settings[field.key];
    if (field.kind === "toggle") draft[field.key] = value;
    else if (field.kind === "duration") {
      const unit = bestUnitFor(field, value as number);
      draft[field.key] = { text: numberText((value as number) / UNIT_MS[unit]), unit };
    } else draft[field.key] = { text: numberText(value as number) };
  }
  return draft as Draft;
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

/** The value to send for one field, or why there is none. */
export function parseField(field: FieldSpec, draft: Draft): { value: number | boolean } | { error: string } {
  if (field.kind === "toggle") return { value: draft[field.key] };
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
export function readValue(field: FieldSpec, value: number): string | null {
  if (field.kind === "duration") return `${value.toLocaleString("en")} ms${value >= 1000 ? ` = ${formatMs(value)}` : ""}`;
  if (field.kind === "ratio") {
    if (value === 0) return "No new variant is treated as rare";
    const oneIn = Math.round(1 / value);
    return `${numberText(value * 100)}% · about 1 trace in ${oneIn.toLocaleString("en")}`;
  }
  return null;
}
