// The encoders use protoc-gen-es' generated code; these tests read their output back with
// protobufjs from the .proto files, an independent implementation.
import path from "node:path";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { encodeExportResponse, encodeRpcStatus } from "./index";

const root = new protobuf.Root();
root.resolvePath = (_origin, target) => (target.startsWith("google/protobuf/") ? target : path.resolve(import.meta.dirname, "proto", target));
root.loadSync(["opentelemetry/proto/collector/trace/v1/trace_service.proto", "google/rpc/status.proto"]);
const ResponseType = root.lookupType("opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse");
const StatusType = root.lookupType("google.rpc.Status");

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("encodeExportResponse", () => {
  it("omits partial_success when nothing was rejected", () => {
    expect(encodeExportResponse("protobuf", { rejectedSpans: 0, errorMessage: "" })).toHaveLength(0);
    expect(JSON.parse(text(encodeExportResponse("json", { rejectedSpans: 0, errorMessage: "" })))).toStrictEqual({});
  });

  it("reports rejected spans in protobuf", () => {
    const bytes = encodeExportResponse("protobuf", { rejectedSpans: 3, errorMessage: "3 spans rejected: 3 without a name" });
    const decoded = ResponseType.toObject(ResponseType.decode(bytes), { longs: String });
    expect(decoded).toStrictEqual({ partialSuccess: { rejectedSpans: "3", errorMessage: "3 spans rejected: 3 without a name" } });
  });

  it("reports rejected spans in JSON (int64 as a decimal string, as proto3 JSON writes it)", () => {
    const bytes = encodeExportResponse("json", { rejectedSpans: 2, errorMessage: "2 spans rejected: 2 without a name" });
    expect(JSON.parse(text(bytes))).toStrictEqual({ partialSuccess: { rejectedSpans: "2", errorMessage: "2 spans rejected: 2 without a name" } });
  });

  it("carries a warning with zero rejected spans", () => {
    const bytes = encodeExportResponse("json", { rejectedSpans: 0, errorMessage: "clock skew" });
    expect(JSON.parse(text(bytes))).toStrictEqual({ partialSuccess: { errorMessage: "clock skew" } });
  });
});

describe("encodeRpcStatus", () => {
  it("encodes google.rpc.Status in protobuf", () => {
    const bytes = encodeRpcStatus("protobuf", 3, "Invalid protobuf body: truncated.");
    expect(StatusType.toObject(StatusType.decode(bytes))).toStrictEqual({ code: 3, message: "Invalid protobuf body: truncated." });
  });

  it("encodes google.rpc.Status in JSON, UTF-8", () => {
    const bytes = encodeRpcStatus("json", 16, "Missing or invalid ingest key — “x”.");
    expect(JSON.parse(text(bytes))).toStrictEqual({ code: 16, message: "Missing or invalid ingest key — “x”." });
  });
});
