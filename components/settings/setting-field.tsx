"use client";

import type { ReactNode } from "react";
import type { ContentPrivacyMode } from "@/lib/genai/content-privacy";
import { UNIT_LABEL, type DurationUnit } from "./duration-units";
import { PriceOverridesEditor } from "./price-overrides-editor";
import type { Draft, FieldSpec } from "./settings-fields";

const INPUT =
  "h-9 rounded-md border bg-white px-2.5 text-sm tabular-nums focus:outline-2 focus:outline-offset-0 focus:outline-indigo-500/50 dark:bg-zinc-950 aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus:outline-red-500/40";
const INPUT_BORDER = "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700";

/**
 * One setting as a row: label and description on the left, the control, its plain-language
 * reading and any error (the form's or the server's) on the right.
 */
export function SettingField({
  field,
  draft,
  onChange,
  error,
  reading,
  modified,
}: {
  field: FieldSpec;
  draft: Draft;
  onChange: (next: Draft[FieldSpec["key"]]) => void;
  error: string | null;
  reading: string | null;
  modified: boolean;
}) {
  const id = `setting-${field.key}`;
  const describedBy = [`${id}-description`, reading ? `${id}-reading` : null, field.kind === "choice" ? `${id}-options` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  let control: ReactNode;
  if (field.kind === "prices") {
    control = <PriceOverridesEditor id={id} rows={draft[field.key]} onChange={onChange} describedBy={describedBy} />;
  } else if (field.kind === "choice") {
    const chosen = draft[field.key];
    control = (
      <>
        <select id={id} value={chosen} onChange={(e) => onChange(e.target.value as ContentPrivacyMode)} aria-describedby={describedBy} className={`${INPUT} ${INPUT_BORDER} w-40 pr-7`}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {/* Every choice with its consequence, the chosen one marked, so they can be compared before choosing. */}
        <ul id={`${id}-options`} className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          {field.options.map((o) => (
            <li key={o.value} className={`flex gap-1.5 ${o.value === chosen ? "text-zinc-900 dark:text-zinc-100" : ""}`} data-chosen={o.value === chosen || undefined}>
              <span aria-hidden className={`mt-1 h-1.5 w-1.5 shrink-0 rounded-full ${o.value === chosen ? "bg-indigo-500" : "bg-zinc-300 dark:bg-zinc-600"}`} />
              <span>
                <span className="font-medium">{o.label}</span>
                {o.value === chosen ? <span className="sr-only"> (chosen)</span> : null}: {o.description}
              </span>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (field.kind === "toggle") {
    const checked = draft[field.key];
    control = (
      <span className="inline-flex items-center gap-2.5">
        <span className="relative inline-flex">
          <input
            id={id}
            type="checkbox"
            role="switch"
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={describedBy}
            className="peer absolute inset-0 z-10 h-full w-full cursor-pointer opacity-0"
          />
          <span
            aria-hidden
            className="h-5 w-9 rounded-full bg-zinc-300 transition-colors peer-checked:bg-indigo-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 dark:bg-zinc-700 dark:peer-checked:bg-indigo-500"
          />
          <span aria-hidden className="pointer-events-none absolute top-0.5 left-0.5 h-4 w-4 rounded-full bg-white shadow transition-transform peer-checked:translate-x-4" />
        </span>
        <span aria-hidden className="text-sm text-zinc-700 dark:text-zinc-300">
          {checked ? "On" : "Off"}
        </span>
      </span>
    );
  } else {
    const value = draft[field.key];
    const suffix = field.kind === "integer" || field.kind === "threshold" ? field.suffix : null;
    control = (
      <span className="flex items-center gap-2">
        <input
          id={id}
          type="text"
          inputMode={field.kind === "integer" ? "numeric" : "decimal"}
          autoComplete="off"
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
          placeholder={field.kind === "threshold" ? "none" : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${INPUT} ${error ? "border-red-500" : INPUT_BORDER} w-32`}
        />
        {field.kind === "duration" ? (
          <>
            <label htmlFor={`${id}-unit`} className="sr-only">
              Unit of {field.label}
            </label>
            <select
              id={`${id}-unit`}
              value={value.unit}
              onChange={(e) => onChange({ ...value, unit: e.target.value as DurationUnit })}
              className={`${INPUT} ${INPUT_BORDER} pr-7`}
            >
              {field.units.map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABEL[u]}
                </option>
              ))}
            </select>
          </>
        ) : suffix ? (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">{suffix}</span>
        ) : null}
      </span>
    );
  }

  // A table of prices needs the row's full width; every other control fits the right column.
  const wide = field.kind === "prices";
  return (
    <div className={`grid gap-x-8 gap-y-2 py-4 ${wide ? "" : "md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]"}`} data-testid={`field-${field.key}`}>
      <div>
        <div className="flex items-center gap-2">
          {wide ? (
            // No single control to label: the table names each cell itself.
            <span className="text-sm font-medium">{field.label}</span>
          ) : (
            <label htmlFor={id} className="text-sm font-medium">
              {field.label}
            </label>
          )}
          {modified ? (
            <span className="rounded bg-indigo-100 px-1.5 py-px text-[10px] font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300">changed</span>
          ) : null}
        </div>
        <p id={`${id}-description`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {field.description}
        </p>
        <p className="mt-1 font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{field.key}</p>
      </div>
      <div className="space-y-1.5">
        {control}
        {reading ? (
          <p id={`${id}-reading`} className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            {reading}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="flex items-start gap-1 text-xs font-medium text-red-700 dark:text-red-400" data-testid={`error-${field.key}`}>
            <svg viewBox="0 0 20 20" className="mt-px h-3.5 w-3.5 shrink-0" fill="currentColor" aria-hidden>
              <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.75 4h1.5v5h-1.5V6Zm0 6.5h1.5V14h-1.5v-1.5Z" />
            </svg>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
