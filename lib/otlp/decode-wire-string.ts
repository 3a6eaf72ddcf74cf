// UTF-8 bytes of a protobuf string field → string, tuned for OTLP, where the same short
// strings (attribute keys, methods, service and scope names) repeat in every span. Short
// ASCII strings go through a small cache keyed by their bytes, so a repeated key is one hash
// and compare instead of a new string that V8 must then internalize to use as a property
// name. Anything else goes to TextDecoder.

const CACHE_SIZE = 4096; // power of two
const MAX_CACHED_LENGTH = 48;
const cache: string[] = new Array<string>(CACHE_SIZE).fill("");

// ignoreBOM: a leading U+FEFF in a protobuf string is text, not a byte-order mark. Not fatal:
// invalid UTF-8 becomes U+FFFD, as in protobuf-es and the Go collector's default reader.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

export function decodeWireString(buf: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length === 0) return "";
  if (length > MAX_CACHED_LENGTH) return utf8.decode(buf.subarray(start, end));
  // Hash a few sampled bytes only: the comparison below reads every byte of a hit anyway, and
  // a collision merely costs a miss.
  let hash = Math.imul(length ^ buf[start], 0x01000193);
  hash = Math.imul(hash ^ buf[end - 1], 0x01000193);
  hash = Math.imul(hash ^ buf[start + (length >>> 1)], 0x01000193);
  hash = Math.imul(hash ^ buf[end - 2 < start ? start : end - 2], 0x01000193);
  hash = Math.imul(hash ^ buf[start + (length >>> 2)], 0x01000193);
  const slot = (hash ^ (hash >>> 15)) & (CACHE_SIZE - 1);
  const cached = cache[slot];
  if (cached.length === length) {
    // Cached strings are ASCII, so a match also proves these bytes are ASCII.
    let i = 0;
    while (i < length && cached.charCodeAt(i) === buf[start + i]) i++;
    if (i === length) return cached;
  }
  for (let i = start; i < end; i++) {
    // Only ASCII is cached: the comparison above matches UTF-16 code units against bytes.
    if (buf[i] > 0x7f) return utf8.decode(buf.subarray(start, end));
  }
  // String.fromCharCode costs per character, TextDecoder per call; they cross near 20 bytes.
  const text = length <= 20 ? String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]) : utf8.decode(buf.subarray(start, end));
  cache[slot] = text;
  return text;
}
