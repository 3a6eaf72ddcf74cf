// POST /api/v1/setup {email, password, name?}: creates the first administrator and signs them
// in. Public, and answers 409 once any user exists.
import { ApiError, ConflictError } from "@/lib/api/errors";
import { newUserSchema } from "@/lib/api/auth.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import { handleJson } from "@/lib/api/route-handler";
import { createFirstAdmin } from "@/lib/pipeline/auth/create-user";
import { runtimeAuth } from "@/lib/pipeline/auth/request-principal";
import { getRuntime } from "@/lib/pipeline/runtime";

export const dynamic = "force-dynamic";

export const POST = handleJson(async (request: Request) => {
  const auth = await runtimeAuth();
  if (!auth) throw new ApiError(404, "not_found", "Authentication is off on this instance (FLOWPRINT_AUTH=off): there is nothing to set up.");
  const input = newUserSchema.parse(await readJsonBody(request));
  const ipAddress = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  const created = await createFirstAdmin(getRuntime().store, auth, input, { ipAddress, source: "setup" });
  if (!created) throw new ConflictError("Flowprint is set up already: sign in instead.");
  // Signed in at once, with the session cookie of a normal sign-in.
  const signedIn = await auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers: request.headers, asResponse: true });
  const response = Response.json({ user: { id: created.id, email: created.email, instance_admin: true }, workspaces: created.workspaces }, { status: 201 });
  for (const cookie of signedIn.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
});
