// The file name an exported flow downloads as. Variants of one entry point share its name, and
// two names can slug alike, so the fingerprint's first digits make every flow's file its own.
import type { ExportableFlow } from "./build-flowprint-test";

const FINGERPRINT_DIGITS = 8;
const MAX_SLUG_CHARS = 100;

/** `checkout → POST /orders · + loyalty`, fingerprint `ac768ca7…` → `checkout-post-orders-loyalty-ac768ca7.yaml`. */
export function exportFileName(flow: Pick<ExportableFlow, "name" | "fingerprint">): string {
  const slug = flow.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG_CHARS)
    .replace(/^-+|-+$/g, "");
  const tag = flow.fingerprint.toLowerCase().replace(/[^0-9a-f]/g, "").slice(0, FINGERPRINT_DIGITS);
  return `${[slug || "flow", tag].filter(Boolean).join("-")}.yaml`;
}
