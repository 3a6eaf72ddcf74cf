"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { TelemetrySettings } from "@/lib/api/settings.schemas";
import { ApiTokensSection } from "@/components/account/api-tokens-section";
import { AuditSection } from "@/components/account/audit-section";
import { MembersSection } from "@/components/account/members-section";
import { useSession } from "@/components/account/use-session";
import { IngestKeysSection } from "./ingest-keys-section";
import { requestJson } from "./request-json";
import { SendTracesSection } from "./send-traces-section";
import { TelemetrySettingsForm } from "./telemetry-settings-form";
import { WebhooksSection } from "./webhooks-section";

const SECTIONS = [
  { id: "telemetry-title", label: "Telemetry" },
  { id: "group-llm", label: "LLM traces" },
  { id: "ingest-keys-title", label: "Ingest keys" },
  { id: "webhooks-title", label: "Webhooks" },
  { id: "send-traces-title", label: "Send traces" },
];
/** With accounts on (FLOWPRINT_AUTH=on). */
const ACCOUNT_SECTIONS = [
  { id: "members-title", label: "Members" },
  { id: "api-tokens-title", label: "API tokens" },
  { id: "workspace-tokens-title", label: "Workspace tokens" },
  { id: "audit-title", label: "Audit log" },
];

export function SettingsView({ workspaceId }: { workspaceId: string }) {
  const settings = useQuery({
    queryKey: queryKeys.settings(workspaceId),
    queryFn: () => requestJson<TelemetrySettings>(workspaceApi(workspaceId, "/settings/telemetry")),
    // The form holds its own draft; a background refetch must not look like a change.
    refetchOnWindowFocus: false,
  });
  const session = useSession();
  const accounts = session.data?.auth === "on";
  const user = session.data?.user ?? null;
  const members = useQuery({
    queryKey: ["members", workspaceId],
    queryFn: () => requestJson<{ members: { user_id: string; role: string }[] }>(workspaceApi(workspaceId, "/members")),
    enabled: accounts,
  });
  // The server decides; this only spares others the controls they may not use.
  const isAdmin = user !== null && (user.instance_admin || members.data?.members.some((m) => m.user_id === user.id && m.role === "admin") === true);

  return (
    <>
      <PageHeader
        title="Settings"
        description={
          <>
            Workspace <code className="rounded bg-zinc-100 px-1 text-[13px] dark:bg-zinc-800">{workspaceId}</code>: telemetry, ingest keys, webhooks and how to send traces.
          </>
        }
      />
      <div className="flex items-start gap-8">
        <nav aria-label="Settings sections" className="sticky top-6 hidden w-40 shrink-0 xl:block">
          <ul className="space-y-0.5 text-sm">
            {[...SECTIONS, ...(accounts ? ACCOUNT_SECTIONS.filter((a) => isAdmin || (a.id !== "audit-title" && a.id !== "workspace-tokens-title")) : [])].map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} className="block rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 max-w-4xl flex-1 space-y-6">
          {settings.isPending ? (
            <Skeleton rows={8} label="Loading telemetry settings" className="h-14" />
          ) : settings.isError ? (
            <ErrorState what="the telemetry settings" error={settings.error} onRetry={() => settings.refetch()} />
          ) : (
            <TelemetrySettingsForm key={workspaceId} workspaceId={workspaceId} initial={settings.data} />
          )}
          <IngestKeysSection key={`keys-${workspaceId}`} workspaceId={workspaceId} />
          <WebhooksSection key={`webhooks-${workspaceId}`} workspaceId={workspaceId} />
          <SendTracesSection workspaceId={workspaceId} />
          {accounts ? (
            <>
              <MembersSection workspaceId={workspaceId} canManage={isAdmin} canCreateUsers={user?.instance_admin === true} />
              <ApiTokensSection workspaceId={workspaceId} owner="me" />
              {isAdmin ? (
                <>
                  <ApiTokensSection workspaceId={workspaceId} owner="workspace" />
                  <AuditSection workspaceId={workspaceId} />
                </>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
