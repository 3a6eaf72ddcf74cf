"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";

/** "Sign in with <provider>": Better Auth answers with the provider's authorization URL. */
export function OidcSignIn({ name, next }: { name: string; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const go = async () => {
    setPending(true);
    setError(null);
    const callbackURL = next.startsWith("/") && !next.startsWith("//") ? next : "/";
    const response = await fetch("/api/auth/sign-in/social", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider: OIDC_PROVIDER_ID, callbackURL }) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { url?: string; message?: string } | null;
    if (response?.ok && body?.url) {
      window.location.assign(body.url);
      return;
    }
    setPending(false);
    setError(body?.message ?? `${name} could not be reached; try again.`);
  };
  return (
    <div className="mt-6 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <Button className="w-full" onClick={go} disabled={pending}>
        Sign in with {name}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
