import { describe, expect, it } from "vitest";
import { parseContentType } from "./index";

describe("parseContentType", () => {
  it.each([
    ["application/x-protobuf", "protobuf"],
    ["Application/X-Protobuf", "protobuf"],
    ["application/x-protobuf; charset=binary", "protobuf"],
    ["application/json", "json"],
    ["application/json; charset=utf-8", "json"],
    ["  APPLICATION/JSON ;charset=UTF-8", "json"],
    [null, null],
    ["", null],
    ["text/plain", null],
    ["application/protobuf", null],
    ["application/grpc", null],
    ["application/jsonl", null],
    ["application/json-seq", null],
    ["multipart/form-data; boundary=application/json", null],
  ] as const)("%j → %j", (header, expected) => {
    expect(parseContentType(header)).toBe(expected);
  });
});
