import { describe, expect, it } from "vitest";
import { OPENAI_BASE_URL_DEFAULT, resolveLlmEndpoint } from "./resolve-llm-endpoint";

const FLOWPRINT = { FLOWPRINT_LLM_BASE_URL: "http://vllm.internal:8000/v1", FLOWPRINT_LLM_API_KEY: "fp-key" };
const OPENAI = { OPENAI_BASE_URL: "http://litellm.internal:4000/v1", OPENAI_API_KEY: "sk-openai" };

describe("resolveLlmEndpoint", () => {
  it("takes nothing from nowhere", () => {
    expect(resolveLlmEndpoint({}, {})).toEqual({ baseUrl: null, apiKey: null, apiKeyFrom: null });
  });

  it("takes the OPENAI_ pair alone, as the OpenAI SDK does, OpenAI's own endpoint when only the key is set", () => {
    expect(resolveLlmEndpoint({}, OPENAI)).toEqual({ baseUrl: "http://litellm.internal:4000/v1", apiKey: "sk-openai", apiKeyFrom: "OPENAI_API_KEY" });
    expect(resolveLlmEndpoint({}, { OPENAI_API_KEY: "sk-openai" })).toEqual({ baseUrl: OPENAI_BASE_URL_DEFAULT, apiKey: "sk-openai", apiKeyFrom: "OPENAI_API_KEY" });
    expect(resolveLlmEndpoint({}, { OPENAI_BASE_URL: "http://localhost:11434/v1/" })).toEqual({ baseUrl: "http://localhost:11434/v1", apiKey: null, apiKeyFrom: null });
  });

  it("puts Flowprint's variables before OpenAI's, and flags before both", () => {
    expect(resolveLlmEndpoint({}, { ...OPENAI, ...FLOWPRINT })).toEqual({ baseUrl: "http://vllm.internal:8000/v1", apiKey: "fp-key", apiKeyFrom: "FLOWPRINT_LLM_API_KEY" });
    expect(resolveLlmEndpoint({ baseUrl: "http://flag:1/v1", apiKey: "flag-key" }, { ...OPENAI, ...FLOWPRINT })).toEqual({ baseUrl: "http://flag:1/v1", apiKey: "flag-key", apiKeyFrom: "--api-key" });
    // Flowprint's key goes wherever the endpoint is, OpenAI's included.
    expect(resolveLlmEndpoint({}, { OPENAI_API_KEY: "sk-openai", FLOWPRINT_LLM_API_KEY: "fp-key" })).toMatchObject({ baseUrl: OPENAI_BASE_URL_DEFAULT, apiKey: "fp-key" });
  });

  it("sends OPENAI_API_KEY only to the endpoint OPENAI_BASE_URL names, never to one named elsewhere", () => {
    expect(resolveLlmEndpoint({}, { ...OPENAI, FLOWPRINT_LLM_BASE_URL: "http://vllm.internal:8000/v1" })).toEqual({ baseUrl: "http://vllm.internal:8000/v1", apiKey: null, apiKeyFrom: null });
    expect(resolveLlmEndpoint({ baseUrl: "https://other.example/v1" }, { OPENAI_API_KEY: "sk-openai" })).toMatchObject({ apiKey: null });
    // The same endpoint named twice is still OpenAI's (or OPENAI_BASE_URL's).
    expect(resolveLlmEndpoint({ baseUrl: "https://api.openai.com/v1/" }, { OPENAI_API_KEY: "sk-openai" })).toMatchObject({ apiKey: "sk-openai" });
    expect(resolveLlmEndpoint({}, { ...OPENAI, FLOWPRINT_LLM_BASE_URL: "http://litellm.internal:4000/v1/" })).toMatchObject({ apiKey: "sk-openai" });
  });

  it("counts an empty variable as unset", () => {
    expect(resolveLlmEndpoint({}, { FLOWPRINT_LLM_BASE_URL: "", FLOWPRINT_LLM_API_KEY: "", ...OPENAI })).toMatchObject({ baseUrl: "http://litellm.internal:4000/v1", apiKey: "sk-openai" });
    expect(resolveLlmEndpoint({}, { OPENAI_API_KEY: "" })).toEqual({ baseUrl: null, apiKey: null, apiKeyFrom: null });
  });

  it("names the variable holding an endpoint that is not an http(s) URL", () => {
    expect(() => resolveLlmEndpoint({}, { FLOWPRINT_LLM_BASE_URL: "nope" })).toThrow('FLOWPRINT_LLM_BASE_URL must be an http(s) URL, got "nope"');
    expect(() => resolveLlmEndpoint({}, { OPENAI_BASE_URL: "ftp://x" })).toThrow('OPENAI_BASE_URL must be an http(s) URL, got "ftp://x"');
    expect(() => resolveLlmEndpoint({ baseUrl: "x" }, {})).toThrow('--base-url must be an http(s) URL, got "x"');
  });
});
