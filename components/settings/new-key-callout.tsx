"use client";

import { OneTimeSecret } from "./one-time-secret";

/** The one time a key's secret is visible: the server keeps only its hash. */
export function NewKeyCallout({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <OneTimeSecret
      title={`Copy the key “${name}” now`}
      note="It will not be shown again. Flowprint stores only a hash of it; if it is lost, create a new key and revoke this one."
      secret={secret}
      label="new ingest key"
      testId="new-key"
      onDone={onDone}
    />
  );
}
