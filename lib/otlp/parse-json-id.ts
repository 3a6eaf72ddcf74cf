// OTLP/JSON deviates from proto3 JSON by writing ids as hex, but some producers (older SDKs,
// data-prepper fixtures, generic proto3 JSON encoders) write base64. Hex wins when the text is
// valid hex of the expected length; otherwise base64 that decodes to the expected length.
import { decodeBase64 } from "./decode-base64";

const HEX_PATTERN = /^[0-9a-fA-F]*$/;

/** Bytes of an id written as hex or base64; null when it is neither. */
export function parseJsonId(text: string, byteLength: number): Uint8Array | null {
  if (text.length === byteLength * 2 && HEX_PATTERN.test(text)) return hexToBytes(text);
  const fromBase64 = decodeBase64(text);
  if (fromBase64 !== null && fromBase64.length === byteLength) return fromBase64;
  // Wrong-length hex is still hex: report it as a length problem, not an encoding one.
  if (text.length % 2 === 0 && HEX_PATTERN.test(text)) return hexToBytes(text);
  return fromBase64;
}

function hexToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}
