// The workspace's llm_content setting applied to decoded spans before they are stored: prompt
// and completion text dropped, or kept with personal data redacted. Spans without LLM content
// are left as they are.
import { applyContentPrivacy, holdsLlmContent, type ContentPrivacyMode } from "../genai/content-privacy";
import type { Span } from "../otlp/span";

/** Replaces the content of `spans` in place; returns how many spans were changed. */
export function protectLlmContent(spans: Span[], mode: ContentPrivacyMode): number {
  if (mode === "keep") return 0;
  let changed = 0;
  for (const span of spans) {
    if (!holdsLlmContent(span)) continue;
    const protectedSpan = applyContentPrivacy(span, mode);
    span.attributes = protectedSpan.attributes;
    span.events = protectedSpan.events;
    changed++;
  }
  return changed;
}
