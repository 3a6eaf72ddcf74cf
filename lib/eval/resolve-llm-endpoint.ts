// Which OpenAI-compatible endpoint `flowprint eval run` calls, and with which key, from its flags
// and the environment. Flowprint's own variables come before OpenAI's, so a shell set up for
// another tool (OPENAI_*) does not override what was set for Flowprint; a flag beats both. The key
// never has to be on the command line, where `ps` and shell history would keep it.
import { httpUrl } from "../runner/cli-values";

/** Where the OpenAI SDK sends requests when OPENAI_BASE_URL is not set. */
export const OPENAI_BASE_URL_DEFAULT = "https://api.openai.com/v1";

export interface LlmEndpointEnv {
  [name: string]: string | undefined;
  FLOWPRINT_LLM_BASE_URL?: string;
  FLOWPRINT_LLM_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_API_KEY?: string;
}

export interface LlmEndpoint {
  /** Without a trailing slash; null when nothing names an endpoint. */
  baseUrl: string | null;
  apiKey: string | null;
  /** The flag or variable the key came from, for the report (never the key itself). */
  apiKeyFrom: string | null;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

/** The first candidate with a value; an empty variable counts as unset, as `FLOWPRINT_LLM_API_KEY= flowprint ...` means. */
function first(candidates: [string, string | undefined][]): [string, string] | null {
  for (const [from, value] of candidates) if (value) return [from, value];
  return null;
}

/**
 * Endpoint: --base-url, else FLOWPRINT_LLM_BASE_URL, else OPENAI_BASE_URL, else OpenAI's own
 * when OPENAI_API_KEY is set (as the OpenAI SDK does).
 * Key: --api-key, else FLOWPRINT_LLM_API_KEY, else OPENAI_API_KEY, but that one only for the
 * endpoint OPENAI_BASE_URL names (OpenAI's own when unset): the OPENAI_ pair goes together, so a
 * key meant for OpenAI is never sent to another server that --base-url or FLOWPRINT_LLM_BASE_URL
 * names.
 */
export function resolveLlmEndpoint(flags: { baseUrl?: string; apiKey?: string }, env: LlmEndpointEnv): LlmEndpoint {
  const openAiBaseUrl = env.OPENAI_BASE_URL || (env.OPENAI_API_KEY ? OPENAI_BASE_URL_DEFAULT : undefined);
  const endpoint = first([
    ["--base-url", flags.baseUrl],
    ["FLOWPRINT_LLM_BASE_URL", env.FLOWPRINT_LLM_BASE_URL],
    ["OPENAI_BASE_URL", openAiBaseUrl],
  ]);
  const baseUrl = endpoint ? httpUrl(endpoint[0], endpoint[1]) : null;
  const pairedWithOpenAiKey = baseUrl !== null && baseUrl === withoutTrailingSlash(env.OPENAI_BASE_URL || OPENAI_BASE_URL_DEFAULT);
  const key = first([
    ["--api-key", flags.apiKey],
    ["FLOWPRINT_LLM_API_KEY", env.FLOWPRINT_LLM_API_KEY],
    ["OPENAI_API_KEY", pairedWithOpenAiKey ? env.OPENAI_API_KEY : undefined],
  ]);
  return { baseUrl, apiKey: key?.[1] ?? null, apiKeyFrom: key?.[0] ?? null };
}

/** How to name an endpoint, for the usage error when none is named. */
export const NO_ENDPOINT_HINT = "give --base-url, or set OPENAI_BASE_URL or FLOWPRINT_LLM_BASE_URL (or just OPENAI_API_KEY, for OpenAI itself)";
