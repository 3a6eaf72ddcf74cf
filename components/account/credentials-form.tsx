"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Better Auth's errors carry `message`; Flowprint's carry `error.message`; a 429 says when to retry. */
async function failureMessage(response: Response): Promise<string> {
  const body = await response.json().catch(() => null);
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after") ?? "0");
    return `Too many attempts: try again in ${seconds > 0 ? `${seconds} s` : "a minute"}.`;
  }
  return body?.error?.message ?? body?.message ?? `Request failed with status ${response.status}.`;
}

/** The sign-in form, or with `setup` the form that creates the first administrator. */
export function CredentialsForm({ mode, next }: { mode: "sign-in" | "setup"; next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const body = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), ...(mode === "setup" ? { name: String(form.get("name") ?? "") } : {}) };
    const response = await fetch(mode === "setup" ? "/api/v1/setup" : "/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (response?.ok) {
      // Only a path of this site: `next` comes from the address bar.
      router.replace(next.startsWith("/") && !next.startsWith("//") ? next : "/");
      router.refresh();
      return;
    }
    setPending(false);
    setError(response ? await failureMessage(response) : "Flowprint did not answer; try again.");
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={mode === "setup" ? "Create the first administrator" : "Sign in"}>
      {mode === "setup" ? (
        <label className="block text-sm font-medium">
          Name
          <input name="name" autoComplete="name" className={inputClass} />
        </label>
      ) : null}
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" required autoComplete="username" className={inputClass} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" required minLength={8} autoComplete={mode === "setup" ? "new-password" : "current-password"} className={inputClass} />
      </label>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {mode === "setup" ? "Create administrator" : "Sign in"}
      </Button>
    </form>
  );
}

export function AccountPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-16">
      <div className="mb-6 flex items-center gap-2 font-semibold tracking-tight">
        <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-cyan-400" />
        Flowprint
      </div>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-600 dark:text-zinc-400">{intro}</p>
      {children}
    </main>
  );
}
