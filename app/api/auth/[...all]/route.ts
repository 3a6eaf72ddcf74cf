// /api/auth/*: Better Auth's own endpoints (sign-in, sign-out, session). Public by nature; 404
// when authentication is off.
import { errorBody } from "@/lib/api/errors";
import { runtimeAuth } from "@/lib/pipeline/auth/request-principal";
import { isEmailSignIn, throttledSignIn } from "@/lib/pipeline/auth/throttled-sign-in";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const auth = await runtimeAuth();
  if (!auth) return Response.json(errorBody("not_found", "Authentication is off on this instance (FLOWPRINT_AUTH=off)."), { status: 404 });
  const response = isEmailSignIn(request) ? await throttledSignIn(auth, request) : await auth.handler(request);
  // Throttled sign-ins: HTTP's own header beside the library's X-Retry-After.
  const retry = response.headers.get("x-retry-after");
  if (response.status === 429 && retry && !response.headers.has("retry-after")) response.headers.set("retry-after", retry);
  return response;
}

export const GET = handle;
export const POST = handle;
