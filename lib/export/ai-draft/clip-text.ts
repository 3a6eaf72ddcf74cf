// Context sent to a model is measured in UTF-8 bytes, the unit its limits and our bounds are
// stated in; a cut never splits a character.

const encoder = new TextEncoder();

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** `text` when it fits in `maxBytes`, else its longest prefix that fits with a note of what was cut. */
export function clipText(text: string, maxBytes: number): string {
  const total = byteLength(text);
  if (total <= maxBytes) return text;
  const note = `…[cut, ${total} bytes]`;
  const room = Math.max(0, maxBytes - byteLength(note));
  let kept = "";
  let used = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > room) break;
    kept += char;
    used += size;
  }
  return kept + note;
}
