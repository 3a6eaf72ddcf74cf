"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { CreatedWebhook, WebhookView } from "@/lib/api/webhooks.schemas";
import { OneTimeSecret } from "./one-time-secret";
import { requestJson } from "./request-json";
import { WebhookCard } from "./webhook-card";
import { WebhookForm } from "./webhook-form";

export function WebhooksSection({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const webhooks = useQuery({
    queryKey: queryKeys.webhooks(workspaceId),
    queryFn: () => requestJson<{ webhooks: WebhookView[] }>(workspaceApi(workspaceId, "/webhooks")),
  });
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const list = webhooks.data?.webhooks ?? [];

  return (
    <section aria-labelledby="webhooks-title" className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 id="webhooks-title" className="text-base font-semibold">
          Webhooks
        </h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          Flowprint POSTs the events you choose to each URL, as JSON or as a Slack message, signed with the webhook&apos;s secret in the{" "}
          <code className="rounded bg-zinc-100 px-1 text-[12px] dark:bg-zinc-800">Flowprint-Signature</code> header. A delivery that fails is tried again with growing waits; every attempt is in its log.
        </p>
      </div>
      <div className="space-y-4 px-5 py-4">
        <WebhookForm
          workspaceId={workspaceId}
          onCreated={(result) => {
            setCreated(result);
            void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(workspaceId) });
          }}
        />
        {created ? (
          <OneTimeSecret
            title={`Copy the signing secret of “${created.webhook.name}” now`}
            note="It will not be shown again. Your receiver uses it to check each delivery's Flowprint-Signature header; if it is lost, delete the webhook and add it again."
            secret={created.secret}
            label="webhook signing secret"
            testId="new-webhook-secret"
            onDone={() => setCreated(null)}
          />
        ) : null}
        {webhooks.isPending ? (
          <Skeleton rows={2} label="Loading webhooks" />
        ) : webhooks.isError ? (
          <ErrorState what="webhooks" error={webhooks.error} onRetry={() => webhooks.refetch()} />
        ) : list.length === 0 ? (
          <p className="rounded-md border border-dashed border-zinc-300 px-4 py-5 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No webhooks yet: drift, failed test runs and LLM thresholds show only on their pages.
          </p>
        ) : (
          <ul className="space-y-3" aria-label="Webhooks of this workspace">
            {list.map((webhook) => (
              <WebhookCard key={webhook.id} workspaceId={workspaceId} webhook={webhook} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
