import { describe, expect, it } from "vitest";
import { readServerConfig as readConfig } from "./server-config";

const readServerConfig = (env: Record<string, string>) => readConfig(env as NodeJS.ProcessEnv);

describe("readServerConfig: drafting with a model", () => {
  it("is off without FLOWPRINT_LLM_BASE_URL", () => {
    expect(readServerConfig({}).llmDraft).toBeNull();
    expect(readServerConfig({ FLOWPRINT_LLM_BASE_URL: "  ", FLOWPRINT_LLM_MODEL: "x" }).llmDraft).toBeNull();
  });

  it("reads the endpoint, key, model and timeout, with defaults", () => {
    expect(readServerConfig({ FLOWPRINT_LLM_BASE_URL: "http://localhost:11434/v1" }).llmDraft).toEqual({ baseUrl: "http://localhost:11434/v1", apiKey: null, model: "gpt-4o-mini", timeoutMs: 60_000 });
    expect(
      readServerConfig({ FLOWPRINT_LLM_BASE_URL: "https://api.openai.com/v1", FLOWPRINT_LLM_API_KEY: "sk-test", FLOWPRINT_LLM_MODEL: "gpt-4.1", FLOWPRINT_LLM_TIMEOUT_MS: "5000" }).llmDraft,
    ).toEqual({ baseUrl: "https://api.openai.com/v1", apiKey: "sk-test", model: "gpt-4.1", timeoutMs: 5000 });
  });

  it("names the variable of a bad value", () => {
    expect(() => readServerConfig({ FLOWPRINT_LLM_BASE_URL: "localhost:11434" })).toThrow('FLOWPRINT_LLM_BASE_URL must be an http(s) URL such as http://localhost:11434/v1, got "localhost:11434".');
    expect(() => readServerConfig({ FLOWPRINT_LLM_BASE_URL: "http://m/v1", FLOWPRINT_LLM_TIMEOUT_MS: "soon" })).toThrow('FLOWPRINT_LLM_TIMEOUT_MS must be a positive integer, got "soon".');
  });
});
