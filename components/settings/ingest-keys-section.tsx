"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { NewKeyCallout } from "./new-key-callout";
import { jsonBody, requestJson } from "./request-json";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RelativeTime } from "@/components/ui/relative-time";

export interface IngestKey {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

export function useIngestKeys(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.ingestKeys(workspaceId),
    queryFn: () => requestJson<{ ingest_keys: IngestKey[] }>(workspaceApi(workspaceId, "/ingest-keys")),
  });
}

// Mirrors lib/api/ingest-keys.schemas.ts.
const MAX_NAME = 100;

export function IngestKeysSection({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const keys = useIngestKeys(workspaceId);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<IngestKey | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.ingestKeys(workspaceId) });

  const create = useMutation({
    mutationFn: (keyName: string) => requestJson<{ key: string; ingest_key: IngestKey }>(workspaceApi(workspaceId, "/ingest-keys"), jsonBody("POST", { name: keyName })),
    onSuccess: (result) => {
      setCreated({ name: result.ingest_key.name, key: result.key });
      setName("");
      void refresh();
    },
    onError: (error) => setNameError(error.message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => requestJson<void>(workspaceApi(workspaceId, `/ingest-keys/${encodeURIComponent(id)}`), { method: "DELETE" }),
    onSuccess: () => {
      setRevoking(null);
      void refresh();
    },
  });

  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === "") return setNameError("Give the key a name, such as the collector or service that will use it.");
    if (trimmed.length > MAX_NAME) return setNameError(`Use at most ${MAX_NAME} characters.`);
    setNameError(null);
    create.mutate(trimmed);
  };

  const list = keys.data?.ingest_keys ?? [];
  const active = list.filter((k) => k.revoked_at === null);

  return (
    <section aria-labelledby="ingest-keys-title" className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 id="ingest-keys-title" className="text-base font-semibold">
          Ingest keys
        </h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          Ingestion is open until a key exists. From then on every OTLP request needs <code className="rounded bg-zinc-100 px-1 text-[12px] dark:bg-zinc-800">Authorization: Bearer &lt;key&gt;</code> and lands in the key&apos;s own workspace; revoking the last key does not reopen it.
        </p>
      </div>

      <div className="space-y-4 px-5 py-4">
        <form onSubmit={onCreate} noValidate className="flex flex-wrap items-start gap-2">
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor="new-key-name" className="text-sm font-medium">
              New key name
            </label>
            <input
              id="new-key-name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(null);
              }}
              placeholder="e.g. production collector"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "new-key-name-error" : undefined}
              autoComplete="off"
              className={`mt-1 h-9 w-full rounded-md border bg-white px-2.5 text-sm focus:outline-2 focus:outline-indigo-500/50 dark:bg-zinc-950 ${nameError ? "border-red-500" : "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700"}`}
            />
            {nameError ? (
              <p id="new-key-name-error" className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
                {nameError}
              </p>
            ) : null}
          </div>
          <Button type="submit" variant="primary" className="mt-6" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </form>

        {created ? <NewKeyCallout name={created.name} secret={created.key} onDone={() => setCreated(null)} /> : null}

        {keys.isPending ? (
          <Skeleton rows={2} label="Loading ingest keys" />
        ) : keys.isError ? (
          <ErrorState what="ingest keys" error={keys.error} onRetry={() => keys.refetch()} />
        ) : list.length === 0 ? (
          <p className="rounded-md border border-dashed border-zinc-300 px-4 py-5 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No keys yet: any client that can reach this server may send traces.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
            <table className="w-full text-left text-sm" data-testid="ingest-keys">
              <caption className="sr-only">
                Ingest keys of this workspace: {active.length} active, {list.length - active.length} revoked
              </caption>
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Key
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Created
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((key) => (
                  <tr key={key.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60" data-testid="ingest-key-row">
                    <td className={`px-3 py-2 font-medium ${key.revoked_at ? "text-zinc-500 line-through dark:text-zinc-400" : ""}`}>{key.name}</td>
                    <td className="px-3 py-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">{key.prefix}…</td>
                    <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      <RelativeTime iso={key.created_at} />
                    </td>
                    <td className="px-3 py-2">
                      {key.revoked_at ? (
                        <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" title={`Revoked ${key.revoked_at}`}>
                          revoked
                        </span>
                      ) : (
                        <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">active</span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right">
                      {key.revoked_at ? null : (
                        <Button
                          size="sm"
                          onClick={() => {
                            revoke.reset();
                            setRevoking(key);
                          }}
                          aria-label={`Revoke ${key.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      {revoking ? (
        <RevokeKeyDialog keyName={revoking.name} pending={revoke.isPending} error={revoke.error?.message ?? null} onConfirm={() => revoke.mutate(revoking.id)} onCancel={() => setRevoking(null)} />
      ) : null}
    </section>
  );
}
