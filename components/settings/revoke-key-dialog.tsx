"use client";

import { ConfirmDialog } from "./confirm-dialog";

export function RevokeKeyDialog({ keyName, pending, error, onConfirm, onCancel }: { keyName: string; pending: boolean; error: string | null; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog
      title={`Revoke “${keyName}”?`}
      description="Exporters sending with this key will get 401 within a few seconds. This cannot be undone, and revoking the last key does not reopen ingestion to requests without a key."
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
