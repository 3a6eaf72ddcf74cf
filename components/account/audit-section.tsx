"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/relative-time";
import { workspaceApi } from "@/lib/api/query-keys";
import { requestJson } from "@/components/settings/request-json";
import { AccountSection, AccountTable, bodyRow, fieldClass } from "./section";

interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: unknown;
  ip_address: string | null;
}

const PAGE = 20;

/** The workspace's audit log, newest first, for its admins. */
export function AuditSection({ workspaceId }: { workspaceId: string }) {
  const [action, setAction] = useState("");
  const [offset, setOffset] = useState(0);
  const query = `/audit?limit=${PAGE}&offset=${offset}${action ? `&action=${encodeURIComponent(action)}` : ""}`;
  const log = useQuery({ queryKey: ["audit", workspaceId, query], queryFn: () => requestJson<{ events: AuditEvent[]; total: number }>(workspaceApi(workspaceId, query)) });
  return (
    <AccountSection id="audit-title" title="Audit log" intro="Who changed members, tokens, ingest keys, settings and drift here, and when. Admins only.">
      <label className="block max-w-xs text-sm font-medium">
        Action starts with
        <input
          value={action}
          onChange={(e) => {
            setAction(e.target.value);
            setOffset(0);
          }}
          placeholder="e.g. member. or settings."
          className={fieldClass}
        />
      </label>
      {log.isPending ? (
        <Skeleton rows={3} label="Loading the audit log" />
      ) : log.isError ? (
        <ErrorState what="the audit log" error={log.error} onRetry={() => log.refetch()} />
      ) : (
        <>
          <AccountTable testId="audit-log" label="Audit log" headers={["When", "Who", "What", "Details"]}>
                {log.data.events.map((e) => (
                  <tr key={e.id} className={bodyRow}>
                    <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      <RelativeTime iso={e.at} />
                    </td>
                    <td className="px-3 py-2">{e.actor}</td>
                    <td className="px-3 py-2 font-mono text-xs">
                      {e.action}
                      {e.target ? <span className="ml-1 text-zinc-500">{e.target}</span> : null}
                    </td>
                    <td className="max-w-md truncate px-3 py-2 font-mono text-xs text-zinc-600 dark:text-zinc-400" title={e.details ? JSON.stringify(e.details) : undefined}>
                      {e.details ? JSON.stringify(e.details) : ""}
                    </td>
                  </tr>
                ))}
          </AccountTable>
          <div className="flex items-center justify-between text-xs text-zinc-600 dark:text-zinc-400">
            <span>
              {log.data.total === 0 ? "No events" : `${offset + 1}-${Math.min(offset + PAGE, log.data.total)} of ${log.data.total}`}
            </span>
            <span className="flex gap-2">
              <Button size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Newer
              </Button>
              <Button size="sm" disabled={offset + PAGE >= log.data.total} onClick={() => setOffset(offset + PAGE)}>
                Older
              </Button>
            </span>
          </div>
        </>
      )}
    </AccountSection>
  );
}
