"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/relative-time";
import { workspaceApi } from "@/lib/api/query-keys";
import { jsonBody, requestJson } from "@/components/settings/request-json";
import { AccountSection, AccountTable, bodyRow, fieldClass, FormError } from "./section";

interface Member {
  user_id: string;
  email: string;
  name: string;
  role: string;
  added_at: string;
}

const ROLES = ["viewer", "editor", "admin"] as const;

/** `canCreateUsers` (instance administrators): the form also creates the account of someone new. */
export function MembersSection({ workspaceId, canManage, canCreateUsers }: { workspaceId: string; canManage: boolean; canCreateUsers: boolean }) {
  const queryClient = useQueryClient();
  const key = ["members", workspaceId];
  const members = useQuery({ queryKey: key, queryFn: () => requestJson<{ members: Member[] }>(workspaceApi(workspaceId, "/members")) });
  // The audit log below records every change made here.
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ["audit", workspaceId] })]);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>("viewer");
  const [password, setPassword] = useState("");
  const add = useMutation({
    mutationFn: async () => {
      if (password !== "") await requestJson("/api/v1/users", jsonBody("POST", { email: email.trim(), password }));
      return requestJson<Member>(workspaceApi(workspaceId, "/members"), jsonBody("POST", { email: email.trim(), role }));
    },
    onSuccess: () => {
      setEmail("");
      setPassword("");
      void refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({ userId, next }: { userId: string; next: string | null }) =>
      requestJson<unknown>(workspaceApi(workspaceId, `/members/${encodeURIComponent(userId)}`), next === null ? { method: "DELETE" } : jsonBody("PATCH", { role: next })),
    onSettled: () => void refresh(),
  });
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };

  return (
    <AccountSection id="members-title" title="Members" intro="Viewers read everything; editors also change settings, drift, exports, test runs and ingest keys; admins also manage members and the audit log.">
      {canManage ? (
        <form onSubmit={onAdd} className="flex flex-wrap items-end gap-2" aria-label="Add a member">
          <label className="min-w-0 flex-1 basis-56 text-sm font-medium">
            {canCreateUsers ? "Email" : "Email of an existing user"}
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className={fieldClass} autoComplete="off" />
          </label>
          {canCreateUsers ? (
            <label className="min-w-0 flex-1 basis-56 text-sm font-medium">
              First password, for someone new
              <input type="password" minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} placeholder="leave empty for an existing user" className={fieldClass} autoComplete="new-password" />
            </label>
          ) : null}
          <label className="text-sm font-medium">
            Role
            <select value={role} onChange={(e) => setRole(e.target.value)} className={fieldClass}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="primary" disabled={add.isPending}>
            Add member
          </Button>
        </form>
      ) : null}
      <FormError message={add.error?.message ?? change.error?.message ?? null} />
      {members.isPending ? (
        <Skeleton rows={2} label="Loading members" />
      ) : members.isError ? (
        <ErrorState what="members" error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <AccountTable testId="members" label="Members" headers={["Member", "Role", "Added", ""]}>
              {members.data.members.map((m) => (
                <tr key={m.user_id} className={bodyRow} data-testid="member-row">
                  <td className="px-3 py-2">
                    <div className="font-medium">{m.email}</div>
                    {m.name && m.name !== m.email ? <div className="text-xs text-zinc-500">{m.name}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    <select aria-label={`Role of ${m.email}`} value={m.role} disabled={!canManage || change.isPending} onChange={(e) => change.mutate({ userId: m.user_id, next: e.target.value })} className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950">
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <RelativeTime iso={m.added_at} />
                  </td>
                  <td className="px-3 py-2 text-right">
                    {canManage ? (
                      <Button size="sm" onClick={() => change.mutate({ userId: m.user_id, next: null })} aria-label={`Remove ${m.email}`} disabled={change.isPending}>
                        Remove
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
        </AccountTable>
      )}
    </AccountSection>
  );
}
