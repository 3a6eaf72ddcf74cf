// A small OpenID Connect provider for the tests: discovery, an authorization endpoint that signs
// in one configured person without a form, a token endpoint that checks the client, the code
// and its PKCE verifier and returns an RS256 ID token, userinfo and the JWKS.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";

export interface OidcPerson {
  sub: string;
  email: string;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in. */
  person: OidcPerson;
  /** Token requests refused so far, with why. */
  refusals: string[];
  /** Issue ID tokens for this audience instead of the client (a token meant for another client). */
  idTokenAudience: string | null;
  close(): Promise<void>;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  person: OidcPerson;
}

const base64url = (buffer: Buffer) => buffer.toString("base64url");

export async function startOidcProvider(options: { clientId?: string; clientSecret?: string; person: OidcPerson }): Promise<TestOidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, OidcPerson>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider: TestOidcProvider = {
    issuer,
    clientId: options.clientId ?? "flowprint-test",
    clientSecret: options.clientSecret ?? "test-client-secret",
    person: options.person,
    refusals: [],
    idTokenAudience: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: http.ServerResponse, why: string) => {
    provider.refusals.push(why);
    json(res, 400, { error: "invalid_grant", error_description: why });
  };

  server.on("request", async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
    if (url.pathname === "/authorize") {
      const q = url.searchParams;
      if (q.get("client_id") !== provider.clientId || q.get("response_type") !== "code" || !q.get("redirect_uri")) return json(res, 400, { error: "invalid_request" });
      const code = base64url(randomBytes(16));
      grants.set(code, { clientId: provider.clientId, redirectUri: q.get("redirect_uri")!, codeChallenge: q.get("code_challenge"), nonce: q.get("nonce"), person: provider.person });
      const back = new URL(q.get("redirect_uri")!);
      back.searchParams.set("code", code);
      if (q.get("state")) back.searchParams.set("state", q.get("state")!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
      const [clientId, clientSecret] = basic ? Buffer.from(basic[1], "base64").toString().split(":").map(decodeURIComponent) : [form.get("client_id"), form.get("client_secret")];
      if (clientId !== provider.clientId || clientSecret !== provider.clientSecret) return refuse(res, "client authentication failed");
      const grant = grants.get(form.get("code") ?? "");
      grants.delete(form.get("code") ?? "");
      if (!grant) return refuse(res, "unknown or used code");
      if (form.get("redirect_uri") !== grant.redirectUri) return refuse(res, "redirect_uri differs from the authorization request");
      if (grant.codeChallenge) {
        const verifier = form.get("code_verifier") ?? "";
        if (base64url(createHash("sha256").update(verifier).digest()) !== grant.codeChallenge) return refuse(res, "PKCE verifier does not match");
      }
      const accessToken = base64url(randomBytes(24));
      tokens.set(accessToken, grant.person);
      const idToken = await new SignJWT({ email: grant.person.email, email_verified: true, name: grant.person.name, ...(grant.nonce ? { nonce: grant.nonce } : {}) })
        .setProtectedHeader({ alg: "RS256", kid: jwk.kid })
        .setIssuer(issuer)
        .setSubject(grant.person.sub)
        .setAudience(provider.idTokenAudience ?? provider.clientId)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
      return json(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, id_token: idToken, scope: "openid email profile" });
    }
    if (url.pathname === "/userinfo") {
      const person = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
      if (!person) return json(res, 401, { error: "invalid_token" });
      return json(res, 200, { sub: person.sub, email: person.email, email_verified: true, name: person.name });
    }
    json(res, 404, { error: "not_found" });
  });
  return provider;
}
