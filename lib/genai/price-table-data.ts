// The default LLM price list: public list prices in USD per 1M tokens, standard (not batch, not
// cached-input) text tiers, for prompts below the long-context tier where a provider has one.
//
// This table ages: providers cut prices and ship models every few months. A workspace corrects
// or extends it with its own `llm_prices` overrides (see price-table-schema.ts), which win over
// these entries for the same model; keep this list to widely used models whose price is
// well known, and move `as_of` whenever an entry is checked again.
//
// Keys are model names as providers publish them. They are matched after normalisation (see
// price-table.ts), so one entry covers `openai/gpt-4o`, `gpt-4o-2024-08-06` and `gpt-4.1` as
// `gpt-4-1`; a dated key is only needed where a snapshot is priced differently from its family.

import type { PriceTable } from "./price-table";

export const DEFAULT_PRICE_TABLE: PriceTable = {
  as_of: "2025-11-30",
  prices: {
    // OpenAI
    "gpt-5": { input_per_million: 1.25, output_per_million: 10 },
    "gpt-5-mini": { input_per_million: 0.25, output_per_million: 2 },
    "gpt-5-nano": { input_per_million: 0.05, output_per_million: 0.4 },
    "gpt-5-pro": { input_per_million: 15, output_per_million: 120 },
    "gpt-5.1": { input_per_million: 1.25, output_per_million: 10 },
    "gpt-4.1": { input_per_million: 2, output_per_million: 8 },
    "gpt-4.1-mini": { input_per_million: 0.4, output_per_million: 1.6 },
    "gpt-4.1-nano": { input_per_million: 0.1, output_per_million: 0.4 },
    "gpt-4.5-preview": { input_per_million: 75, output_per_million: 150 },
    "gpt-4o": { input_per_million: 2.5, output_per_million: 10 },
    // The first gpt-4o snapshot kept its launch price after later snapshots got cheaper.
    "gpt-4o-2024-05-13": { input_per_million: 5, output_per_million: 15 },
    "chatgpt-4o-latest": { input_per_million: 5, output_per_million: 15 },
    "gpt-4o-realtime-preview": { input_per_million: 5, output_per_million: 20 },
    "gpt-4o-mini": { input_per_million: 0.15, output_per_million: 0.6 },
    "gpt-4o-mini-realtime-preview": { input_per_million: 0.6, output_per_million: 2.4 },
    "o1": { input_per_million: 15, output_per_million: 60 },
    "o1-preview": { input_per_million: 15, output_per_million: 60 },
    "o1-mini": { input_per_million: 1.1, output_per_million: 4.4 },
    "o1-pro": { input_per_million: 150, output_per_million: 600 },
    // o3 has cost this since the June 2025 price cut (it launched at 10 / 40).
    "o3": { input_per_million: 2, output_per_million: 8 },
    "o3-mini": { input_per_million: 1.1, output_per_million: 4.4 },
    "o3-pro": { input_per_million: 20, output_per_million: 80 },
    "o4-mini": { input_per_million: 1.1, output_per_million: 4.4 },
    "gpt-4-turbo": { input_per_million: 10, output_per_million: 30 },
    // GPT-4 Turbo previews are named gpt-4-MMDD-preview and would otherwise price as gpt-4.
    "gpt-4-1106-preview": { input_per_million: 10, output_per_million: 30 },
    "gpt-4-0125-preview": { input_per_million: 10, output_per_million: 30 },
    "gpt-4": { input_per_million: 30, output_per_million: 60 },
    "gpt-4-32k": { input_per_million: 60, output_per_million: 120 },
    "gpt-3.5-turbo": { input_per_million: 0.5, output_per_million: 1.5 },
    // Azure OpenAI's name for the same model.
    "gpt-35-turbo": { input_per_million: 0.5, output_per_million: 1.5 },
    "gpt-3.5-turbo-1106": { input_per_million: 1, output_per_million: 2 },
    "gpt-3.5-turbo-0613": { input_per_million: 1.5, output_per_million: 2 },
    "gpt-3.5-turbo-16k": { input_per_million: 3, output_per_million: 4 },
    "gpt-3.5-turbo-instruct": { input_per_million: 1.5, output_per_million: 2 },
    "text-embedding-3-small": { input_per_million: 0.02, output_per_million: 0 },
    "text-embedding-3-large": { input_per_million: 0.13, output_per_million: 0 },
    "text-embedding-ada-002": { input_per_million: 0.1, output_per_million: 0 },

    // Anthropic
    "claude-opus-4-5": { input_per_million: 5, output_per_million: 25 },
    "claude-opus-4-1": { input_per_million: 15, output_per_million: 75 },
    "claude-opus-4": { input_per_million: 15, output_per_million: 75 },
    "claude-sonnet-4-5": { input_per_million: 3, output_per_million: 15 },
    "claude-sonnet-4": { input_per_million: 3, output_per_million: 15 },
    "claude-haiku-4-5": { input_per_million: 1, output_per_million: 5 },
    // Some gateways and tools put the version first.
    "claude-4-opus": { input_per_million: 15, output_per_million: 75 },
    "claude-4-sonnet": { input_per_million: 3, output_per_million: 15 },
    "claude-3-7-sonnet": { input_per_million: 3, output_per_million: 15 },
    "claude-3-5-sonnet": { input_per_million: 3, output_per_million: 15 },
    "claude-3-5-haiku": { input_per_million: 0.8, output_per_million: 4 },
    "claude-3-opus": { input_per_million: 15, output_per_million: 75 },
    "claude-3-sonnet": { input_per_million: 3, output_per_million: 15 },
    "claude-3-haiku": { input_per_million: 0.25, output_per_million: 1.25 },

    // Google Gemini (prompts up to 128K tokens for 1.5, up to 200K for 2.5 Pro and 3 Pro)
    "gemini-3-pro": { input_per_million: 2, output_per_million: 12 },
    "gemini-2.5-pro": { input_per_million: 1.25, output_per_million: 10 },
    "gemini-2.5-flash": { input_per_million: 0.3, output_per_million: 2.5 },
    "gemini-2.5-flash-lite": { input_per_million: 0.1, output_per_million: 0.4 },
    "gemini-2.0-flash": { input_per_million: 0.1, output_per_million: 0.4 },
    "gemini-2.0-flash-lite": { input_per_million: 0.075, output_per_million: 0.3 },
    "gemini-1.5-pro": { input_per_million: 1.25, output_per_million: 5 },
    "gemini-1.5-flash": { input_per_million: 0.075, output_per_million: 0.3 },
    "gemini-1.5-flash-8b": { input_per_million: 0.0375, output_per_million: 0.15 },

    // Mistral (La Plateforme)
    "mistral-large": { input_per_million: 2, output_per_million: 6 },
    "mistral-medium": { input_per_million: 0.4, output_per_million: 2 },
    "mistral-small": { input_per_million: 0.1, output_per_million: 0.3 },
    "magistral-medium": { input_per_million: 2, output_per_million: 5 },
    "magistral-small": { input_per_million: 0.5, output_per_million: 1.5 },
    "codestral": { input_per_million: 0.3, output_per_million: 0.9 },
    "pixtral-large": { input_per_million: 2, output_per_million: 6 },
    "pixtral-12b": { input_per_million: 0.15, output_per_million: 0.15 },
    "ministral-8b": { input_per_million: 0.1, output_per_million: 0.1 },
    "ministral-3b": { input_per_million: 0.04, output_per_million: 0.04 },
    "mistral-nemo": { input_per_million: 0.15, output_per_million: 0.15 },
    "open-mistral-nemo": { input_per_million: 0.15, output_per_million: 0.15 },
    "open-mistral-7b": { input_per_million: 0.25, output_per_million: 0.25 },
    "open-mixtral-8x7b": { input_per_million: 0.7, output_per_million: 0.7 },
    "open-mixtral-8x22b": { input_per_million: 2, output_per_million: 6 },
    "mistral-embed": { input_per_million: 0.1, output_per_million: 0 },

    // Llama: open weights, so the price depends on who serves it. Only names that identify the
    // provider are listed; a bare `llama-3.3-70b` stays unpriced rather than guessed.
    // Groq
    "llama-3.3-70b-versatile": { input_per_million: 0.59, output_per_million: 0.79 },
    "llama-3.1-8b-instant": { input_per_million: 0.05, output_per_million: 0.08 },
    "llama3-70b-8192": { input_per_million: 0.59, output_per_million: 0.79 },
    "llama3-8b-8192": { input_per_million: 0.05, output_per_million: 0.08 },
    // Together AI (`meta-llama/...-Turbo`)
    "llama-3.3-70b-instruct-turbo": { input_per_million: 0.88, output_per_million: 0.88 },
    "meta-llama-3.1-8b-instruct-turbo": { input_per_million: 0.18, output_per_million: 0.18 },
    "meta-llama-3.1-70b-instruct-turbo": { input_per_million: 0.88, output_per_million: 0.88 },
    "meta-llama-3.1-405b-instruct-turbo": { input_per_million: 3.5, output_per_million: 3.5 },
    // Amazon Bedrock (`meta.llama3-...-v1:0`, on-demand, US regions)
    "llama3-3-70b-instruct": { input_per_million: 0.72, output_per_million: 0.72 },
    "llama3-1-70b-instruct": { input_per_million: 0.72, output_per_million: 0.72 },
    "llama3-1-8b-instruct": { input_per_million: 0.22, output_per_million: 0.22 },
  },
};
