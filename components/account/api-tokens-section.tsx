"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/relative-time";
import { OneTimeSecret } from "@/components/settings/one-time-secret";
import { workspaceApi } from "@/lib/api/query-keys";
import { jsonBody, requestJson } from "@/components/settings/request-json";
import { AccountSection, AccountTable, bodyRow, fieldClass, FormError } from "./section";

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  workspace_id: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

function status(t: ApiToken): string {
  if (t.revoked_at) return "revoked";
  if (t.expires_at && Date.parse(t.expires_at) <= Date.now()) return "expired";
  return "active";
}

/**
 * API tokens for scripts, CI and the flowprint CLI: the signed-in user's own (`me`), or, for the
 * workspace's admins, the workspace's own (`workspace`), which belong to no person.
 */
export function ApiTokensSection({ workspaceId, owner }: { workspaceId: string; owner: "me" | "workspace" }) {
  const queryClient = useQueryClient();
  const base = owner === "me" ? "/api/v1/tokens" : workspaceApi(workspaceId, "/tokens");
  const key = ["api-tokens", owner, owner === "me" ? "" : workspaceId];
  const tokens = useQuery({ queryKey: key, queryFn: () => requestJson<{ tokens: ApiToken[] }>(base) });
  // The workspace's audit log records tokens made for it.
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ["audit", workspaceId] })]);
  const [name, setName] = useState("");
  const [scope, setScope] = useState("read");
  const [onlyHere, setOnlyHere] = useState(true);
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      requestJson<{ token: string }>(
        base,
        jsonBody("POST", { name: name.trim(), scope, ...(owner === "me" ? { workspace_id: onlyHere ? workspaceId : null } : {}), expires_in_days: days === "never" ? null : Number(days) }),
      ),
    onSuccess: (result) => {
      setCreated(result.token);
      setName("");
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => requestJson<void>(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" }), onSettled: () => void refresh() });
  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <AccountSection
      id={owner === "me" ? "api-tokens-title" : "workspace-tokens-title"}
      title={owner === "me" ? "Your API tokens" : "Workspace API tokens"}
      intro={
        owner === "me" ? (
          <>
            For scripts, CI and the <code className="rounded bg-zinc-100 px-1 text-[12px] dark:bg-zinc-800">flowprint</code> CLI (<code className="rounded bg-zinc-100 px-1 text-[12px] dark:bg-zinc-800">FLOWPRINT_API_TOKEN</code>). A token acts as you, limited to its scope; it never manages members.
          </>
        ) : (
          "Tokens of this workspace, not of a person: they keep working when their creator leaves, and reach this workspace only, as a viewer (read) or an editor (read and write)."
        )
      }
    >
      <form onSubmit={onCreate} className="flex flex-wrap items-end gap-2" aria-label={owner === "me" ? "Create an API token" : "Create a workspace API token"}>
        <label className="min-w-0 flex-1 basis-48 text-sm font-medium">
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. CI pipeline" className={fieldClass} autoComplete="off" />
        </label>
        <label className="text-sm font-medium">
          Scope
          <select value={scope} onChange={(e) => setScope(e.target.value)} className={fieldClass}>
            <option value="read">read</option>
            <option value="write">read and write</option>
          </select>
        </label>
        <label className="text-sm font-medium">
          Expires
          <select value={days} onChange={(e) => setDays(e.target.value)} className={fieldClass}>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="never">never</option>
          </select>
        </label>
        {owner === "me" ? (
          <label className="flex h-9 items-center gap-2 text-sm">
            <input type="checkbox" checked={onlyHere} onChange={(e) => setOnlyHere(e.target.checked)} />
            only <code className="text-[12px]">{workspaceId}</code>
          </label>
        ) : null}
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      <FormError message={create.error?.message ?? revoke.error?.message ?? null} />
      {created ? (
        <OneTimeSecret title="Copy the token now" note="It is shown this once; Flowprint keeps only its hash." secret={created} label="API token" testId="new-api-token" onDone={() => setCreated(null)} />
      ) : null}
      {tokens.isPending ? (
        <Skeleton rows={2} label="Loading API tokens" />
      ) : tokens.isError ? (
        <ErrorState what="API tokens" error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.tokens.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-4 py-5 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No tokens yet.</p>
      ) : (
        <AccountTable testId={owner === "me" ? "api-tokens" : "workspace-tokens"} label={owner === "me" ? "Your API tokens" : "Workspace API tokens"} headers={["Name", "Token", "Scope", "Workspace", "Last used", "Expires", "Status", ""]}>
              {tokens.data.tokens.map((t) => (
                <tr key={t.id} className={bodyRow}>
                  <td className="px-3 py-2 font-medium">{t.name}</td>
                  <td className="px-3 py-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">{t.prefix}…</td>
                  <td className="px-3 py-2">{t.scope}</td>
                  <td className="px-3 py-2">{t.workspace_id ?? "all of yours"}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">{t.last_used_at ? <RelativeTime iso={t.last_used_at} /> : "never"}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400" title={t.expires_at ?? undefined}>
                    {t.expires_at ? t.expires_at.slice(0, 10) : "never"}
                  </td>
                  <td className="px-3 py-2">{status(t)}</td>
                  <td className="px-3 py-2 text-right">
                    {t.revoked_at ? null : (
                      <Button size="sm" onClick={() => revoke.mutate(t.id)} aria-label={`Revoke ${t.name}`} disabled={revoke.isPending}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
        </AccountTable>
      )}
    </AccountSection>
  );
}
