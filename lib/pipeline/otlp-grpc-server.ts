// OTLP/gRPC on its standard port (4317): TraceService/Export through the same admission,
// decoding and writer as OTLP/HTTP; MetricsService and LogsService answer every item rejected.
// Messages stay raw bytes (no generated stubs): the protobuf decoder is lib/otlp's, the one
// OTLP/HTTP uses. grpc-js inflates gzip and enforces the size limit itself.
import * as grpc from "@grpc/grpc-js";
import { countOtherSignalItems, encodeExportResponse, encodeGrpcStatusDetails, encodeOtherSignalResponse, OtlpDecodeError, type OtherSignal } from "../otlp";
import { errorFields, logger } from "../http/logger";
import { admitCaller, ingestTraceExport, RPC, withAdmission, type IngestRefusal } from "./ingest-trace-export";

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const asBytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

function exportMethod(service: string): grpc.MethodDefinition<Uint8Array, Uint8Array> {
  return {
    path: `/opentelemetry.proto.collector.${service}/Export`,
    requestStream: false,
    responseStream: false,
    requestSerialize: asBuffer,
    requestDeserialize: asBytes,
    responseSerialize: asBuffer,
    responseDeserialize: asBytes,
  };
}

type Export = grpc.handleUnaryCall<Uint8Array, Uint8Array>;

function grpcError(refusal: IngestRefusal): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  if (refusal.retryAfterSeconds) metadata.set("grpc-status-details-bin", asBuffer(encodeGrpcStatusDetails(refusal.rpcCode, refusal.message, refusal.retryAfterSeconds)));
  // google.rpc.Code and gRPC status numbers are the same.
  return { code: refusal.rpcCode as grpc.status, details: refusal.message, metadata };
}

const firstValue = (metadata: grpc.Metadata, key: string): string | null => {
  const [value] = metadata.get(key);
  return typeof value === "string" ? value : null;
};

const exportTraces: Export = (call, callback) => {
  void (async () => {
    const admitted = await admitCaller("otlp_grpc", { workspaceHeader: firstValue(call.metadata, "x-workspace-id"), authorization: firstValue(call.metadata, "authorization") });
    if (!admitted.ok) return callback(grpcError(admitted));
    const outcome = await withAdmission("otlp_grpc", () => ingestTraceExport("otlp_grpc", call.request, "protobuf", admitted.workspaceId));
    if (!outcome.ok) return callback(grpcError(outcome));
    callback(null, encodeExportResponse("protobuf", { rejectedSpans: outcome.rejectedSpans, errorMessage: outcome.errorMessage }));
  })().catch((error: unknown) => {
    logger.error(errorFields(error), "OTLP/gRPC export failed");
    callback({ code: grpc.status.INTERNAL, details: "The export could not be processed." });
  });
};

function exportOther(signal: OtherSignal): Export {
  return (call, callback) => {
    try {
      callback(null, encodeOtherSignalResponse("protobuf", signal, countOtherSignalItems(call.request, "protobuf", signal)));
    } catch (error) {
      if (!(error instanceof OtlpDecodeError)) throw error;
      callback({ code: RPC.INVALID_ARGUMENT as grpc.status, details: error.message });
    }
  };
}

/** Starts the server on host:port; resolves to the port it bound (the one asked, or a free one for 0). */
export function startOtlpGrpcServer(host: string, port: number, maxMessageBytes: number): Promise<{ port: number; server: grpc.Server }> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": maxMessageBytes });
  server.addService({ Export: exportMethod("trace.v1.TraceService") }, { Export: exportTraces });
  server.addService({ Export: exportMethod("metrics.v1.MetricsService") }, { Export: exportOther("metrics") });
  server.addService({ Export: exportMethod("logs.v1.LogsService") }, { Export: exportOther("logs") });
  return new Promise((resolve, reject) => {
    server.bindAsync(`${host.includes(":") ? `[${host}]` : host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve({ port: bound, server })));
  });
}
