"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { WebhookTestResult, WebhookView } from "@/lib/api/webhooks.schemas";
import { WEBHOOK_EVENT_DESCRIPTIONS } from "@/lib/webhooks/webhook-event";
import { ConfirmDialog } from "./confirm-dialog";
import { requestJson } from "./request-json";
import { attemptOutcome, WebhookDeliveries } from "./webhook-deliveries";

/** One webhook: what it receives and where, with Send test, its delivery log and Delete. */
export function WebhookCard({ workspaceId, webhook }: { workspaceId: string; webhook: WebhookView }) {
  const queryClient = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const path = `/webhooks/${encodeURIComponent(webhook.id)}`;

  const test = useMutation({
    mutationFn: () => requestJson<WebhookTestResult>(workspaceApi(workspaceId, `${path}/test`), { method: "POST" }),
    onSuccess: () => {
      setShowLog(true);
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(workspaceId, webhook.id) });
    },
  });
  const remove = useMutation({
    mutationFn: () => requestJson<void>(workspaceApi(workspaceId, path), { method: "DELETE" }),
    onSuccess: () => {
      setDeleting(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(workspaceId) });
    },
  });
  const attempt = test.data?.delivery.attempt_log[0];

  return (
    <li className="rounded-md border border-zinc-200 dark:border-zinc-800" data-testid="webhook-row" aria-labelledby={`webhook-${webhook.id}-name`}>
      <div className="flex flex-wrap items-start gap-3 px-4 py-3">
        <div className="min-w-0 flex-1">
          <h3 id={`webhook-${webhook.id}-name`} className="flex flex-wrap items-center gap-2 text-sm font-semibold">
            {webhook.name}
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 uppercase dark:bg-zinc-800 dark:text-zinc-300">{webhook.format}</span>
          </h3>
          <p className="mt-0.5 truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={webhook.url}>
            {webhook.url}
          </p>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {webhook.events.map((e) => WEBHOOK_EVENT_DESCRIPTIONS[e]?.label ?? e).join(" · ")} · added <RelativeTime iso={webhook.created_at} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => test.mutate()} disabled={test.isPending} aria-label={`Send a test event to ${webhook.name}`}>
            {test.isPending ? "Sending…" : "Send test"}
          </Button>
          <Button size="sm" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog} aria-controls={`webhook-${webhook.id}-log`}>
            {showLog ? "Hide deliveries" : "Deliveries"}
          </Button>
          <Button
            size="sm"
            onClick={() => {
              remove.reset();
              setDeleting(true);
            }}
            aria-label={`Delete ${webhook.name}`}
          >
            Delete
          </Button>
        </div>
      </div>
      <p role="status" className="px-4 text-sm empty:hidden" data-testid="webhook-test-result">
        {test.isError ? <span className="font-medium text-red-700 dark:text-red-400">Test not sent: {test.error.message}</span> : null}
        {test.data && attempt ? (
          test.data.ok ? (
            <span className="font-medium text-emerald-700 dark:text-emerald-400">
              Test delivered: {attempt.status_code} in {attempt.latency_ms} ms
            </span>
          ) : (
            <span className="font-medium text-red-700 dark:text-red-400">
              Test failed: {attemptOutcome(attempt)} after {attempt.latency_ms} ms
            </span>
          )
        ) : null}
      </p>
      {showLog ? (
        <div id={`webhook-${webhook.id}-log`} className="px-4 pt-2 pb-4">
          <WebhookDeliveries workspaceId={workspaceId} webhookId={webhook.id} webhookName={webhook.name} />
        </div>
      ) : (
        <div className="pb-1" />
      )}
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${webhook.name}”?`}
          description="Flowprint stops sending it events at once, including deliveries still waiting for a retry, and its delivery log is deleted with it."
          confirmLabel="Delete webhook"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate()}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
    </li>
  );
}
