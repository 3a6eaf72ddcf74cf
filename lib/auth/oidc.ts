// The provider id of OpenID Connect sign-in in Better Auth's routes (/api/auth/callback/oidc).
export const OIDC_PROVIDER_ID = "oidc";
