"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { TelemetrySettings } from "@/lib/api/settings.schemas";
import { ApiRequestError, jsonBody, requestJson } from "./request-json";
import { SettingField } from "./setting-field";
import { ALL_FIELDS, SETTINGS_GROUPS, draftFrom, parseField, readValue, sameSetting, type Draft, type SettingKey, type SettingValue } from "./settings-fields";

type Outcome = { kind: "saved"; message: string } | { kind: "failed"; message: string } | null;

export function TelemetrySettingsForm({ workspaceId, initial }: { workspaceId: string; initial: TelemetrySettings }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(initial));
  const [serverErrors, setServerErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);

  const parsed = useMemo(() => new Map(ALL_FIELDS.map((field) => [field.key, parseField(field, draft)])), [draft]);
  const changes = useMemo(() => {
    const patch: Partial<Record<SettingKey, SettingValue>> = {};
    for (const field of ALL_FIELDS) {
      const result = parsed.get(field.key)!;
      // An invalid entry is a change too: Save must not look like there is nothing to do.
      if ("error" in result || !sameSetting(result.value, saved[field.key])) patch[field.key] = "value" in result ? result.value : saved[field.key];
    }
    return patch;
  }, [parsed, saved]);
  const changedKeys = Object.keys(changes) as SettingKey[];
  const invalidKeys = ALL_FIELDS.filter((f) => "error" in parsed.get(f.key)!).map((f) => f.key);
  const dirty = changedKeys.length > 0;

  // The form renders after the settings load, too late for the browser to follow a link to one
  // of its groups (#group-llm from the LLM page): scroll there once it exists.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id.startsWith("group-")) document.getElementById(id)?.scrollIntoView();
  }, []);

  // Unsaved edits survive neither a reload nor a closed tab, so the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: (patch: Partial<TelemetrySettings>) => requestJson<TelemetrySettings>(workspaceApi(workspaceId, "/settings/telemetry"), jsonBody("PUT", patch)),
    onSuccess: (next, patch) => {
      queryClient.setQueryData(queryKeys.settings(workspaceId), next);
      setSaved(next);
      setDraft(draftFrom(next));
      setServerErrors({});
      const n = Object.keys(patch).length;
      setOutcome({ kind: "saved", message: `Saved ${n} ${n === 1 ? "change" : "changes"}.` });
    },
    onError: (error) => {
      const byField: Partial<Record<SettingKey, string>> = {};
      if (error instanceof ApiRequestError) {
        for (const issue of error.issues) {
          const [key, ...within] = issue.path.split(".") as [SettingKey, ...string[]];
          // An issue inside a field (a price's `gpt-4o.input_per_million`) names where in it.
          if (ALL_FIELDS.some((f) => f.key === key)) byField[key] ??= within.length > 0 ? `${within.join(".")}: ${issue.message}` : issue.message;
        }
      }
      setServerErrors(byField);
      setOutcome({ kind: "failed", message: `Not saved: ${error.message}` });
      const first = ALL_FIELDS.find((f) => byField[f.key]);
      if (first) document.getElementById(`setting-${first.key}`)?.focus();
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (invalidKeys.length > 0) {
      setOutcome({ kind: "failed", message: `Not saved: ${invalidKeys.length === 1 ? "one setting needs" : `${invalidKeys.length} settings need`} a valid value.` });
      document.getElementById(`setting-${invalidKeys[0]}`)?.focus();
      return;
    }
    if (!dirty) return;
    setOutcome(null);
    save.mutate(changes as Partial<TelemetrySettings>);
  };

  const update = (key: SettingKey, next: Draft[SettingKey]) => {
    setDraft((d) => ({ ...d, [key]: next }));
    // The server's complaint was about the old value.
    setServerErrors((errors) => (errors[key] ? { ...errors, [key]: undefined } : errors));
    setOutcome(null);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="telemetry-title" className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 id="telemetry-title" className="text-base font-semibold">
          Telemetry
        </h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">How this workspace ingests traces, discovers flows, runs tests, watches for drift and what it keeps of LLM calls.</p>
      </div>
      {SETTINGS_GROUPS.map((group) => (
        <fieldset key={group.id} id={`group-${group.id}`} className="border-b border-zinc-200 px-5 pt-4 pb-1 last-of-type:border-b-0 dark:border-zinc-800" aria-describedby={`group-${group.id}-description`}>
          <legend className="sr-only">{group.title}</legend>
          <h3 aria-hidden className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
            {group.title}
          </h3>
          <p id={`group-${group.id}-description`} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            {group.description}
          </p>
          <div className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {group.fields.map((field) => {
              const result = parsed.get(field.key)!;
              const clientError = "error" in result ? result.error : null;
              return (
                <SettingField
                  key={field.key}
                  field={field}
                  draft={draft}
                  onChange={(next) => update(field.key, next)}
                  error={clientError ?? serverErrors[field.key] ?? null}
                  reading={"value" in result ? readValue(field, result.value) : null}
                  modified={field.key in changes}
                />
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="sticky bottom-0 flex flex-wrap items-center justify-end gap-3 rounded-b-lg border-t border-zinc-200 bg-white/95 px-5 py-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
        <div className="mr-auto text-sm">
          {/* Only outcomes are announced; the running count of edits would chatter on every keystroke. */}
          <p role="status" aria-live="polite" data-testid="settings-status">
            {outcome?.kind === "saved" ? (
              <span className="inline-flex items-center gap-1.5 font-medium text-emerald-700 dark:text-emerald-400">
                <svg viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden>
                  <path d="m4.5 10.5 3.5 3.5 7.5-8" />
                </svg>
                {outcome.message}
              </span>
            ) : outcome?.kind === "failed" ? (
              <span className="font-medium text-red-700 dark:text-red-400">{outcome.message}</span>
            ) : null}
          </p>
          {outcome === null ? (
            <p className="text-zinc-600 dark:text-zinc-400">{dirty ? `${changedKeys.length} unsaved ${changedKeys.length === 1 ? "change" : "changes"}` : "No unsaved changes"}</p>
          ) : null}
        </div>
        <Button
          disabled={!dirty || save.isPending}
          className="disabled:opacity-50"
          onClick={() => {
            setDraft(draftFrom(saved));
            setServerErrors({});
            setOutcome(null);
          }}
        >
          Discard
        </Button>
        <Button type="submit" variant="primary" disabled={!dirty || save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
