// Accounts: setup, the session, users, workspaces, members, API tokens and the audit log.
import { addMemberSchema, auditQuerySchema, changeMemberSchema, createTokenSchema, createUserSchema, memberParamsSchema } from "../../accounts.schemas";
import { newUserSchema, type SessionView } from "../../auth.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import type { listUsers } from "../../../store/account-repository";
import type { WorkspaceView } from "../../../store/workspace-repository";
import { arrayOf, bool, dateTime, fieldsOf, int, nullable, objectWith, oneOfValues, str } from "../json-schema";
import { errorResponse, NO_CONTENT, WORKSPACE_PATH, type ApiOperation, type ApiResponse } from "../operation";
import { ref } from "../shared-schemas";

const authOff = (what: string): ApiResponse => errorResponse(`Authentication is off on this instance (FLOWPRINT_AUTH=off): ${what}.`);
const auditPage: ApiResponse = { description: "Newest first.", json: objectWith({ events: arrayOf(ref("AuditEvent")), total: int() }) };
const createdToken: ApiResponse = {
  description: "The token, shown this once (Flowprint keeps only its hash), and how it is listed.",
  json: objectWith({ token: str("fp_…: send as Authorization: Bearer."), api_token: ref("ApiToken") }),
};
const newUser = objectWith({ id: str(), email: str(), instance_admin: bool() });

export const ACCOUNT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/session",
    operationId: "getSession",
    summary: "Whether authentication is on, whether setup is due, and who is signed in",
    description: "The dashboard asks before anyone has signed in.",
    tag: "accounts",
    access: "public",
    responses: {
      200: {
        description: "The caller's session state.",
        json: fieldsOf<SessionView>()({
          auth: oneOfValues(["on", "off"]),
          setup_required: bool("No user exists yet: /setup creates the first administrator."),
          user: nullable(objectWith({ id: str(), email: str(), name: str(), instance_admin: bool() })),
          oidc: nullable(objectWith({ name: str("The sign-in button's label.") }, { description: "The OpenID Connect provider people may sign in with; null when none is configured." })),
        }),
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/setup",
    operationId: "setUp",
    summary: "Create the first administrator and sign them in",
    description: "Until the first administrator exists, whoever calls this first becomes it: on an instance others can reach, set FLOWPRINT_ADMIN_EMAIL and FLOWPRINT_ADMIN_PASSWORD before its first start instead.",
    tag: "accounts",
    access: "public",
    body: newUserSchema,
    responses: {
      201: {
        description: "The first administrator, signed in; it becomes admin of every workspace that already exists.",
        json: objectWith({ user: newUser, workspaces: arrayOf(str(), "The workspaces it became admin of.") }),
        headers: { "set-cookie": { description: "The session cookie of a normal sign-in.", schema: str() } },
      },
      404: authOff("there is nothing to set up"),
      409: errorResponse("Flowprint is set up already: sign in instead."),
    },
  },
  {
    method: "get",
    path: "/api/v1/users",
    operationId: "listUsers",
    summary: "The instance's users",
    tag: "accounts",
    access: "instance-admin",
    responses: {
      200: {
        description: "By email.",
        json: objectWith({
          users: arrayOf(fieldsOf<Awaited<ReturnType<typeof listUsers>>[number]>()({ id: str(), email: str(), name: str(), instance_admin: bool(), created_at: dateTime() })),
        }),
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/users",
    operationId: "createUser",
    summary: "Add a person, with a first password to hand over",
    description: "There is no sign-up: an instance administrator adds people here, then gives them roles in workspaces.",
    tag: "accounts",
    access: "instance-admin",
    body: createUserSchema,
    responses: {
      201: { description: "The new user.", json: objectWith({ user: newUser }) },
      404: authOff("there are no users"),
      409: errorResponse("The email is in use."),
    },
  },
  {
    method: "get",
    path: "/api/v1/workspaces",
    operationId: "listWorkspaces",
    summary: "The workspaces the caller has a role in",
    description: "Every one on an open instance and for instance administrators.",
    tag: "accounts",
    access: "instance",
    responses: {
      200: { description: "By id.", json: objectWith({ workspaces: arrayOf(fieldsOf<WorkspaceView>()({ id: str(), name: str(), created_at: dateTime() })) }) },
    },
  },
  {
    method: "get",
    path: "/api/v1/tokens",
    operationId: "listApiTokens",
    summary: "Your API tokens",
    tag: "accounts",
    access: "signed-in-user",
    responses: { 200: { description: "With their prefix and when they were last used; never the tokens.", json: objectWith({ tokens: arrayOf(ref("ApiToken")) }) } },
  },
  {
    method: "post",
    path: "/api/v1/tokens",
    operationId: "createApiToken",
    summary: "Create an API token for scripts and CI",
    description: "It acts as you, limited to its scope (read or write; never admin actions), to one workspace when workspace_id is given, and to its expiry (90 days unless expires_in_days says otherwise, null for none).",
    tag: "accounts",
    access: "signed-in-user",
    body: createTokenSchema,
    responses: { 201: createdToken, 404: errorResponse("No workspace workspace_id that you have a role in.") },
  },
  {
    method: "delete",
    path: "/api/v1/tokens/{tokenId}",
    operationId: "revokeApiToken",
    summary: "Revoke one of your API tokens",
    description: "Immediate. An instance administrator may revoke anyone's.",
    tag: "accounts",
    access: "signed-in-user",
    responses: { 204: NO_CONTENT, 404: errorResponse("No such token of yours.") },
  },
  {
    method: "get",
    path: "/api/v1/audit",
    operationId: "listInstanceAuditEvents",
    summary: "The whole instance's audit log",
    description: "Sign-ins, users, and every workspace's events; filtered by `action` prefix and `actor`.",
    tag: "accounts",
    access: "instance-admin",
    query: auditQuerySchema,
    responses: { 200: auditPage },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/audit`,
    operationId: "listWorkspaceAuditEvents",
    summary: "The workspace's audit log",
    description: "Filtered by `action` prefix and `actor`.",
    tag: "accounts",
    access: "admin",
    params: workspaceParamsSchema,
    query: auditQuerySchema,
    responses: { 200: auditPage },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/members`,
    operationId: "listMembers",
    summary: "Who has which role in the workspace",
    tag: "accounts",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: { description: "The members.", json: objectWith({ members: arrayOf(ref("Member")) }) } },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/members`,
    operationId: "addMember",
    summary: "Give an existing user a role in the workspace",
    tag: "accounts",
    access: "admin",
    params: workspaceParamsSchema,
    body: addMemberSchema,
    responses: { 201: { description: "The member.", json: ref("Member") }, 404: errorResponse("No user with that email: an instance administrator adds people first.") },
  },
  {
    method: "patch",
    path: `${WORKSPACE_PATH}/members/{userId}`,
    operationId: "changeMemberRole",
    summary: "Change a member's role",
    tag: "accounts",
    access: "admin",
    params: memberParamsSchema,
    body: changeMemberSchema,
    responses: {
      200: { description: "The member with the new role.", json: ref("Member") },
      404: errorResponse("No such member."),
      409: errorResponse("It would leave the workspace without an admin."),
    },
  },
  {
    method: "delete",
    path: `${WORKSPACE_PATH}/members/{userId}`,
    operationId: "removeMember",
    summary: "Remove a member from the workspace",
    tag: "accounts",
    access: "admin",
    params: memberParamsSchema,
    responses: { 204: NO_CONTENT, 404: errorResponse("No such member."), 409: errorResponse("It would leave the workspace without an admin.") },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/tokens`,
    operationId: "listWorkspaceApiTokens",
    summary: "The workspace's own API tokens",
    description: "Tokens that belong to no person: they keep working when their creator leaves.",
    tag: "accounts",
    access: "admin",
    params: workspaceParamsSchema,
    responses: { 200: { description: "Never the tokens themselves.", json: objectWith({ tokens: arrayOf(ref("ApiToken")) }) } },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/tokens`,
    operationId: "createWorkspaceApiToken",
    summary: "Create a workspace token",
    description: "It acts as a viewer (read) or an editor (write) of this workspace only.",
    tag: "accounts",
    access: "admin",
    params: workspaceParamsSchema,
    // The route drops workspace_id: the token's workspace is the one in the path.
    body: createTokenSchema.omit({ workspace_id: true }),
    responses: { 201: createdToken },
  },
  {
    method: "delete",
    path: `${WORKSPACE_PATH}/tokens/{tokenId}`,
    operationId: "revokeWorkspaceApiToken",
    summary: "Revoke one of the workspace's own tokens",
    tag: "accounts",
    access: "admin",
    params: workspaceParamsSchema,
    responses: { 204: NO_CONTENT, 404: errorResponse("No such token of this workspace.") },
  },
];
