// Email sign-in through Better Auth, refused with 429 and Retry-After while the account or the
// address has failed too often (lib/auth/sign-in-throttle.ts).
import { SignInThrottle } from "../../auth/sign-in-throttle";
import { clientAddress } from "./audit";
import type { Auth } from "./auth-server";

const slot = globalThis as typeof globalThis & { __flowprintSignInThrottle?: SignInThrottle };
const throttle = () => (slot.__flowprintSignInThrottle ??= new SignInThrottle(Date.now));

export function isEmailSignIn(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname.endsWith("/sign-in/email");
}

export async function throttledSignIn(auth: Auth, request: Request): Promise<Response> {
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === "string" ? body.email : "";
  const address = clientAddress(request.headers);
  const wait = throttle().retryAfterSeconds(email, address);
  if (wait > 0) {
    return Response.json(
      { code: "TOO_MANY_FAILED_SIGN_INS", message: `Too many failed sign-ins: try again in ${wait} s.` },
      { status: 429, headers: { "retry-after": String(wait) } },
    );
  }
  const response = await auth.handler(request);
  if (response.status === 401) throttle().recordFailure(email, address);
  else if (response.ok) throttle().recordSuccess(email);
  return response;
}
