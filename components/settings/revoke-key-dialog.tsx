"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** A modal confirmation: the native dialog traps focus, closes on Escape and restores focus. */
export function RevokeKeyDialog({
  keyName,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  keyName: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="revoke-title"
      aria-describedby="revoke-description"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="revoke-title" className="text-base font-semibold">
        Revoke “{keyName}”?
      </h2>
      <p id="revoke-description" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Exporters sending with this key will get 401 within a few seconds. This cannot be undone, and revoking the last key does not reopen ingestion to requests without a key.
      </p>
      {error ? (
        <p role="alert" className="mt-3 text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? "Revoking…" : "Revoke key"}
        </Button>
      </div>
    </dialog>
  );
}
