// OTLP/HTTP names exactly two body encodings. Media types are case-insensitive and may carry
// parameters ("application/json; charset=utf-8"), which change nothing here: OTLP/JSON is
// always UTF-8.
export type OtlpEncoding = "protobuf" | "json";

export function parseContentType(header: string | null): OtlpEncoding | null {
  if (header === null) return null;
  const semicolon = header.indexOf(";");
  const mediaType = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  if (mediaType === "application/x-protobuf") return "protobuf";
  if (mediaType === "application/json") return "json";
  return null;
}
