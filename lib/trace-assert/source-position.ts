// Offsets are UTF-16 indexes, but people count characters: columns count code points, so an
// emoji earlier on the line does not push the caret one column too far.

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in code points. */
  column: number;
}

export function sourcePosition(source: string, offset: number): SourcePosition {
  const end = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const code = source.charCodeAt(i);
    // The low half of a surrogate pair belongs to the character its high half started.
    if (code >= 0xdc00 && code <= 0xdfff && i > lineStart && isHighSurrogate(source.charCodeAt(i - 1))) continue;
    column++;
  }
  return { line, column };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
