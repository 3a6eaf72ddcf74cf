// GET, POST /api/v1/users: the instance's users; an instance administrator adds people here
// (with a first password to hand over), then gives them roles in workspaces.
import { ApiError, ConflictError } from "@/lib/api/errors";
import { createUserSchema } from "@/lib/api/accounts.schemas";
import { readJsonBody } from "@/lib/api/read-json-body";
import { jsonResponse } from "@/lib/api/route-handler";
import { instanceRoute } from "@/lib/api/workspace-route";
import { decideInstanceAdmin, type Principal } from "@/lib/auth/policy";
import { audit } from "@/lib/pipeline/auth/audit";
import { createPasswordUser, EmailTakenError } from "@/lib/pipeline/auth/create-user";
import { runtimeAuth } from "@/lib/pipeline/auth/request-principal";
import { getRuntime } from "@/lib/pipeline/runtime";
import { listUsers, setInstanceAdmin } from "@/lib/store/account-repository";

export const dynamic = "force-dynamic";

function requireInstanceAdmin(principal: Principal) {
  const decision = decideInstanceAdmin(principal);
  if (!decision.allow) throw new ApiError(decision.status, decision.status === 401 ? "unauthenticated" : "forbidden", decision.message);
}

export const GET = instanceRoute(async (_request, _context, _visible, principal) => {
  requireInstanceAdmin(principal);
  return { users: await listUsers(getRuntime().store) };
});

export const POST = instanceRoute(async (request, _context, _visible, principal) => {
  requireInstanceAdmin(principal);
  const auth = await runtimeAuth();
  if (!auth) throw new ApiError(404, "not_found", "Authentication is off on this instance (FLOWPRINT_AUTH=off): there are no users.");
  const input = createUserSchema.parse(await readJsonBody(request));
  try {
    const user = await createPasswordUser(auth, input);
    if (input.instance_admin) await setInstanceAdmin(getRuntime().store, user.id, true);
    await audit(request, principal, "user.create", { target: user.email, details: { instance_admin: input.instance_admin } });
    return jsonResponse({ user: { id: user.id, email: user.email, instance_admin: input.instance_admin } }, 201);
  } catch (error) {
    if (error instanceof EmailTakenError) throw new ConflictError(error.message);
    throw error;
  }
});
