// Requests and responses of the account routes: first-run setup and who is signed in.
import { z } from "zod";

export const newUserSchema = z.object({
  email: z.email("must be an email address").max(254),
  password: z.string().min(8, "must be at least 8 characters").max(256, "must be at most 256 characters"),
  name: z.string().trim().max(100).default(""),
});

export type { SessionState as SessionView } from "../pipeline/auth/session-view";
