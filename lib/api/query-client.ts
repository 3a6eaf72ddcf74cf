// The one QueryClient factory: shared defaults for every client-side query.
import { QueryClient } from "@tanstack/react-query";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Telemetry changes by the second; a short staleTime keeps pages fresh without refetch storms.
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        retry: 1,
      },
    },
  });
}
