// API tokens as users see them: `fp_` and 40 random base62-ish characters; stored as a
// SHA-256 hash with the first characters kept to tell tokens apart.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "fp_";
const PREFIX_SHOWN = 10;

export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const token = API_TOKEN_PREFIX + randomBytes(30).toString("base64url");
  return { token, prefix: token.slice(0, PREFIX_SHOWN), hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token in an `Authorization: Bearer` header; null without one. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization?.trim() ?? "");
  return match ? match[1] : null;
}
