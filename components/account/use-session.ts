"use client";

import { useQuery } from "@tanstack/react-query";
import type { SessionView } from "@/lib/api/auth.schemas";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";

/** Who is signed in and whether accounts are on; one request shared by every component asking. */
export function useSession() {
  return useQuery({ queryKey: queryKeys.session(), queryFn: () => fetchJson<SessionView>("/api/v1/session"), staleTime: 60_000 });
}
