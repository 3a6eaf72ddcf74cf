"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { workspaceApi } from "@/lib/api/query-keys";
import type { CreatedWebhook } from "@/lib/api/webhooks.schemas";
import { webhookUrlProblem } from "@/lib/webhooks/validate-webhook-url";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_DESCRIPTIONS, type WebhookEvent, type WebhookFormat } from "@/lib/webhooks/webhook-event";
import { ApiRequestError, jsonBody, requestJson } from "./request-json";

type Field = "name" | "url" | "format" | "events";
type Errors = Partial<Record<Field, string>>;

// Mirrors lib/api/webhooks.schemas.ts; the server checks again and its errors land on the same fields.
function validate(name: string, url: string, events: readonly WebhookEvent[]): Errors {
  const errors: Errors = {};
  if (name.trim() === "") errors.name = "Give the webhook a name, such as the channel or service it reaches.";
  else if (name.trim().length > 100) errors.name = "Use at most 100 characters.";
  const problem = url.trim() === "" ? "Enter the URL that receives the events." : webhookUrlProblem(url.trim());
  if (problem) errors.url = problem.startsWith("must") ? `The URL ${problem}.` : problem;
  if (events.length === 0) errors.events = "Choose at least one event.";
  return errors;
}

const INPUT = "mt-1 h-9 w-full rounded-md border bg-white px-2.5 text-sm focus:outline-2 focus:outline-indigo-500/50 dark:bg-zinc-950";
const inputBorder = (error: string | undefined) => (error ? "border-red-500" : "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700");

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
      {error}
    </p>
  ) : null;
}

function TextField(props: { id: string; label: string; value: string; placeholder: string; error: string | undefined; className: string; type?: "url"; mono?: boolean; onChange: (value: string) => void }) {
  const { id, error } = props;
  return (
    <div className={`min-w-0 ${props.className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {props.label}
      </label>
      <input
        id={id}
        type={props.type}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${INPUT} ${props.mono ? "font-mono" : ""} ${inputBorder(error)}`}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function WebhookForm({ workspaceId, onCreated }: { workspaceId: string; onCreated: (created: CreatedWebhook) => void }) {
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [format, setFormat] = useState<WebhookFormat>("json");
  const [events, setEvents] = useState<WebhookEvent[]>(["drift.opened", "run.failed"]);
  const [errors, setErrors] = useState<Errors>({});

  const create = useMutation({
    mutationFn: () => requestJson<CreatedWebhook>(workspaceApi(workspaceId, "/webhooks"), jsonBody("POST", { name: name.trim(), url: url.trim(), format, events })),
    onSuccess: (created) => {
      setName("");
      setUrl("");
      setErrors({});
      onCreated(created);
    },
    onError: (error) => {
      const byField: Errors = {};
      if (error instanceof ApiRequestError) {
        for (const issue of error.issues) {
          const field = issue.path.split(".")[0] as Field;
          if (["name", "url", "format", "events"].includes(field)) byField[field] ??= `The ${field} ${issue.message}.`;
        }
      }
      setErrors(Object.keys(byField).length > 0 ? byField : { name: error.message });
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(name, url, events);
    setErrors(found);
    const first = (["name", "url", "events"] as const).find((f) => found[f]);
    if (first) return document.getElementById(`webhook-${first}`)?.focus();
    create.mutate();
  };
  const clear = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-webhook-title" className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <h3 id="new-webhook-title" className="text-sm font-semibold">
        Add a webhook
      </h3>
      <div className="flex flex-wrap gap-3">
        <TextField
          id="webhook-name"
          label="Name"
          value={name}
          placeholder="e.g. #oncall in Slack"
          error={errors.name}
          className="flex-1 basis-48"
          onChange={(value) => {
            setName(value);
            clear("name");
          }}
        />
        <TextField
          id="webhook-url"
          label="URL"
          type="url"
          mono
          value={url}
          placeholder="https://hooks.slack.com/services/…"
          error={errors.url}
          className="flex-[2] basis-72"
          onChange={(value) => {
            setUrl(value);
            clear("url");
          }}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Format</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(
            [
              ["json", "JSON", "Flowprint's event envelope, for your own endpoint"],
              ["slack", "Slack", "a message for a Slack incoming webhook"],
            ] as const
          ).map(([value, label, hint]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="webhook-format" value={value} checked={format === value} onChange={() => setFormat(value)} className="accent-indigo-600" />
              <span>
                <span className="font-medium">{label}</span> <span className="text-zinc-600 dark:text-zinc-400">({hint})</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset aria-describedby={errors.events ? "webhook-events-error" : undefined}>
        <legend id="webhook-events" tabIndex={-1} className="text-sm font-medium">
          Events
        </legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={(e) => {
                  setEvents((current) => (e.target.checked ? WEBHOOK_EVENTS.filter((v) => v === event || current.includes(v)) : current.filter((v) => v !== event)));
                  clear("events");
                }}
                className="mt-0.5 accent-indigo-600"
              />
              <span>
                <span className="font-medium">{WEBHOOK_EVENT_DESCRIPTIONS[event].label}</span> <code className="text-xs text-zinc-500 dark:text-zinc-400">{event}</code>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{WEBHOOK_EVENT_DESCRIPTIONS[event].description}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="webhook-events-error" error={errors.events} />
      </fieldset>
      <Button type="submit" variant="primary" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add webhook"}
      </Button>
    </form>
  );
}
