// Users, workspace members, API tokens and the audit log: request shapes.
import { z } from "zod";
import { ROLES } from "../auth/policy";
import { newUserSchema } from "./auth.schemas";

export const createUserSchema = newUserSchema.extend({ instance_admin: z.boolean().default(false) });

export const roleSchema = z.enum(ROLES);

export const addMemberSchema = z.object({ email: z.email("must be an email address"), role: roleSchema });
export const changeMemberSchema = z.object({ role: roleSchema });
export const memberParamsSchema = z.object({
  workspaceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be letters, digits, '-' or '_', at most 64 characters"),
  userId: z.string().min(1).max(128),
});

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  scope: z.enum(["read", "write"]),
  /** Limits the token to one workspace; left out, it reaches every workspace of its user. */
  workspace_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be letters, digits, '-' or '_', at most 64 characters")
    .nullable()
    .default(null),
  /** Days until it stops working; null: never (not recommended). */
  expires_in_days: z.number().int().min(1).max(3650).nullable().default(90),
});

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
