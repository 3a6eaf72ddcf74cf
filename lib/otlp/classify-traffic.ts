// Marks spans that flow discovery must not learn from. Test runs replay known flows (counting
// them would inflate occurrence counts and hide drift behind the test's own traffic), and
// health checks and crawlers hit a handful of trivial endpoints so often that they would
// outrank every real user flow while carrying no information about it.
import { SpanKind, type AttributeValue, type Attributes, type SpanKindNumber } from "./span";

export interface TrafficInput {
  name: string;
  kind: SpanKindNumber;
  attributes: Attributes;
  resourceAttributes: Attributes;
}

export interface TrafficClass {
  isTestGenerated: boolean;
  isSynthetic: boolean;
}

/** Set on every span of an exported test's run; spans the runner creates itself are named "flowprint.*". */
export const TEST_EXECUTION_ATTRIBUTE = "flowprint.execution.id";
/** On the runner's step span (`flowprint.step <id>`): the id of the request sent under it. */
export const STEP_ID_ATTRIBUTE = "flowprint.step.id";

export function classifyTraffic(span: TrafficInput): TrafficClass {
  return { isTestGenerated: isTestGenerated(span), isSynthetic: isSynthetic(span) };
}

export function isTestGenerated(span: TrafficInput): boolean {
  return (
    span.name.startsWith("flowprint.") ||
    span.attributes[TEST_EXECUTION_ATTRIBUTE] !== undefined ||
    // The runner may tag its whole process instead of each span.
    span.resourceAttributes[TEST_EXECUTION_ATTRIBUTE] !== undefined
  );
}

// Current semantic conventions, the pre-1.21 key, and the captured request header, which
// instrumentations record as a string array.
const USER_AGENT_KEYS = ["user_agent.original", "http.user_agent", "http.request.header.user-agent"];

// Probes announce themselves with a product token at the start of the user agent.
const PROBE_PREFIXES = ["kube-probe/", "prometheus/", "googlehc/", "elb-healthchecker/"];

// Crawlers put "bot", "crawler" or "spider" into their product token (Googlebot, bingbot,
// YandexBot, Baiduspider, AhrefsBot, "Sogou web spider"). Matching whole tokens, not
// substrings, keeps browsers out: no browser token ends in "bot" except the CUBOT phone
// brand, which Android user agents carry as a device model.
const BOT_TOKEN = /^(?:[a-z0-9]*(?:bot|crawler|spider)|slurp|facebookexternalhit)$/;
const NOT_BOTS = new Set(["cubot"]);

export function isSynthetic(span: TrafficInput): boolean {
  for (const key of USER_AGENT_KEYS) {
    const value = span.attributes[key];
    if (typeof value === "string" && isSyntheticUserAgent(value)) return true;
    if (Array.isArray(value) && value.some((v: AttributeValue) => typeof v === "string" && isSyntheticUserAgent(v))) {
      return true;
    }
  }
  // Only the server side of a call is the health endpoint itself; a client span calling a
  // dependency's /health is part of the caller's real work.
  if (span.kind === SpanKind.SERVER) {
    for (const key of ["http.route", "url.path", "http.target"]) {
      const value = span.attributes[key];
      if (typeof value === "string" && isHealthPath(value)) return true;
    }
  }
  return false;
}

// A service sees few distinct user agents, each on many spans: remember recent verdicts.
const MAX_REMEMBERED_AGENTS = 512;
const rememberedAgents = new Map<string, boolean>();

export function isSyntheticUserAgent(userAgent: string): boolean {
  let verdict = rememberedAgents.get(userAgent);
  if (verdict === undefined) {
    verdict = judgeUserAgent(userAgent);
    if (rememberedAgents.size >= MAX_REMEMBERED_AGENTS) rememberedAgents.clear();
    rememberedAgents.set(userAgent, verdict);
  }
  return verdict;
}

function judgeUserAgent(userAgent: string): boolean {
  const ua = userAgent.trim().toLowerCase();
  if (PROBE_PREFIXES.some((prefix) => ua.startsWith(prefix))) return true;
  for (const token of ua.split(/[^a-z0-9]+/)) {
    if (token !== "" && BOT_TOKEN.test(token) && !NOT_BOTS.has(token)) return true;
  }
  return false;
}

const HEALTH_PATHS = new Set(["/health", "/healthz", "/livez", "/readyz", "/ready", "/ping"]);

export function isHealthPath(path: string): boolean {
  // http.target carries the query string; url.path and http.route do not.
  const query = path.indexOf("?");
  let p = query === -1 ? path : path.slice(0, query);
  if (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  return HEALTH_PATHS.has(p);
}
