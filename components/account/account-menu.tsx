"use client";

import { useRouter } from "next/navigation";
import { useSession } from "./use-session";
import { Button } from "@/components/ui/button";

/** Who is signed in, and the way out; nothing on an open instance. */
export function AccountMenu() {
  const router = useRouter();
  const session = useSession();
  const user = session.data?.user;
  if (!user) return null;
  const signOut = async () => {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    router.replace("/sign-in");
    router.refresh();
  };
  return (
    <div className="space-y-1 border-t border-zinc-200 pt-2 text-xs dark:border-zinc-800" data-testid="account-menu">
      <div className="truncate text-zinc-600 dark:text-zinc-400" title={user.email}>
        {user.email}
        {user.instance_admin ? <span className="ml-1 text-zinc-500">(administrator)</span> : null}
      </div>
      <Button size="sm" variant="ghost" onClick={signOut}>
        Sign out
      </Button>
    </div>
  );
}
