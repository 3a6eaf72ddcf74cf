// grpc-status-details-bin: the google.rpc.Status a gRPC error carries in its trailers, with a
// google.rpc.RetryInfo saying when to try again, as OTLP/gRPC prescribes for throttling.
import { create, toBinary } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { StatusSchema } from "./gen/google/rpc/status_pb";

/** RetryInfo { retry_delay (1): Duration { seconds (1) } }: one message, not worth a generated schema. */
function retryInfo(delaySeconds: number): Uint8Array {
  return new BinaryWriter().tag(1, WireType.LengthDelimited).fork().tag(1, WireType.Varint).int64(delaySeconds).join().finish();
}

export function encodeGrpcStatusDetails(code: number, message: string, retryAfterSeconds?: number): Uint8Array {
  const details = retryAfterSeconds ? [{ typeUrl: "type.googleapis.com/google.rpc.RetryInfo", value: retryInfo(retryAfterSeconds) }] : [];
  return toBinary(StatusSchema, create(StatusSchema, { code, message, details }));
}
