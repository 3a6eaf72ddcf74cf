// Better Auth's endpoints under /api/auth (app/api/auth/[...all]) that Flowprint's pages and
// tests call. Better Auth serves more there; these are the ones Flowprint relies on. Their
// shapes are Better Auth's, not Flowprint's: described here by hand from its handlers.
import { OIDC_PROVIDER_ID } from "../../../auth/oidc";
import { bool, int, nullable, objectWith, oneOfValues, openObject, str, type JsonSchema } from "../json-schema";
import { errorResponse, type ApiOperation, type ApiResponse } from "../operation";

const betterAuthError: JsonSchema = objectWith({ code: str("e.g. INVALID_EMAIL_OR_PASSWORD"), message: str() }, { description: "Better Auth's error shape." });
const setCookie = { "set-cookie": { description: "The session cookie (flowprint.session_token).", schema: str() } };
const authOff: ApiResponse = errorResponse("Authentication is off on this instance (FLOWPRINT_AUTH=off).");
const user: JsonSchema = objectWith({ id: str(), email: str(), name: str() }, { description: "The signed-in user, as Better Auth shows it." });

function jsonBody(description: string, schema: JsonSchema): NonNullable<ApiOperation["body"]> {
  return { description, content: { "application/json": { schema } } };
}

export const SIGN_IN_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/auth/sign-in/email",
    operationId: "signInEmail",
    summary: "Sign in with email and password",
    description:
      "Failed sign-ins are throttled per account (5 in 15 minutes) and per address (20 in 15 minutes; the first X-Forwarded-For hop), answered 429 with Retry-After. A wrong password and an unknown email get the same answer.",
    tag: "sign-in",
    access: "public",
    errorShape: "own",
    body: jsonBody(
      "Also accepted as application/x-www-form-urlencoded.",
      objectWith({ email: str(), password: str() }, { optional: { callbackURL: str("Where to go after signing in."), rememberMe: bool("false: a session that ends with the browser. Default true.") } }),
    ),
    responses: {
      200: {
        description: "Signed in: the session cookie is set.",
        json: objectWith({ redirect: bool(), token: str("The session token (also in the cookie)."), user }, { optional: { url: nullable(str()) } }),
        headers: setCookie,
      },
      401: { description: "Wrong email or password.", json: betterAuthError },
      404: authOff,
      429: {
        description: "Too many failed sign-ins for this account or address.",
        json: objectWith({ code: oneOfValues(["TOO_MANY_FAILED_SIGN_INS"]), message: str() }),
        headers: { "retry-after": { description: "Seconds to wait.", schema: int() } },
      },
    },
  },
  {
    method: "post",
    path: "/api/auth/sign-out",
    operationId: "signOut",
    summary: "Sign out: end the session",
    tag: "sign-in",
    access: "public",
    errorShape: "own",
    body: jsonBody("An empty object.", openObject()),
    responses: { 200: { description: "The session ended and its cookie cleared.", json: objectWith({ success: bool() }), headers: setCookie }, 404: authOff },
  },
  {
    method: "get",
    path: "/api/auth/get-session",
    operationId: "getAuthSession",
    summary: "The session of the cookie sent, or null",
    description: "GET /api/v1/session says the same in Flowprint's terms (roles aside) and also works with authentication off.",
    tag: "sign-in",
    access: "public",
    errorShape: "own",
    responses: {
      200: { description: "The session and its user, or null without a valid session.", json: nullable(objectWith({ session: openObject("id, expiresAt, ..."), user })) },
      404: authOff,
    },
  },
  {
    method: "post",
    path: "/api/auth/sign-in/social",
    operationId: "signInOidc",
    summary: "Start signing in with the OpenID Connect provider",
    description: "Only when FLOWPRINT_OIDC_ISSUER (and FLOWPRINT_PUBLIC_URL) are set. Answers the provider's authorization URL (discovery, PKCE, a nonce) for the browser to open.",
    tag: "sign-in",
    access: "public",
    errorShape: "own",
    body: jsonBody(
      "Which provider, and where to return.",
      objectWith({ provider: oneOfValues([OIDC_PROVIDER_ID]) }, { optional: { callbackURL: str(), errorCallbackURL: str(), disableRedirect: bool() } }),
    ),
    responses: {
      200: { description: "The provider's authorization URL.", json: objectWith({ url: str(), redirect: bool() }) },
      404: authOff,
    },
  },
  {
    method: "get",
    path: "/api/auth/callback/{providerId}",
    operationId: "oidcCallback",
    summary: "Where the OpenID Connect provider sends the browser back",
    description: `Register <FLOWPRINT_PUBLIC_URL>/api/auth/callback/${OIDC_PROVIDER_ID} as the redirect URI at the provider. The ID token is verified against the issuer's keys (issuer, audience, nonce); someone signing in this way the first time gets an account with no role.`,
    tag: "sign-in",
    access: "public",
    errorShape: "own",
    responses: {
      302: {
        description: "To the callbackURL with the session cookie set, or to the error page when the answer does not check out.",
        headers: { location: { description: "Where the browser goes next.", schema: str() }, ...setCookie },
      },
      404: authOff,
    },
  },
];
