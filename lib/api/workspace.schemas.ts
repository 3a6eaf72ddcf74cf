// Path and query helpers shared by every workspace-scoped route.
import { z } from "zod";

export const workspaceParamsSchema = z.object({
  workspaceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be letters, digits, '-' or '_', at most 64 characters"),
});

/** Query strings arrive as URLSearchParams; empty values mean "not given". */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") out[key] = value;
  return out;
}
