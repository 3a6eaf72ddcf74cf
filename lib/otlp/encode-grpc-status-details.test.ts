import { fromBinary } from "@bufbuild/protobuf";
import { BinaryReader } from "@bufbuild/protobuf/wire";
import { describe, expect, it } from "vitest";
import { encodeGrpcStatusDetails } from "./encode-grpc-status-details";
import { StatusSchema } from "./gen/google/rpc/status_pb";

describe("grpc-status-details-bin", () => {
  it("carries the status and a RetryInfo with the delay when the client should retry", () => {
    const status = fromBinary(StatusSchema, encodeGrpcStatusDetails(14, "busy", 2));
    expect(status).toMatchObject({ code: 14, message: "busy" });
    expect(status.details.map((d) => d.typeUrl)).toEqual(["type.googleapis.com/google.rpc.RetryInfo"]);
    // RetryInfo.retry_delay (1) → Duration.seconds (1).
    const retryDelay = new BinaryReader(status.details[0].value);
    expect(retryDelay.tag()[0]).toBe(1);
    const duration = new BinaryReader(retryDelay.bytes());
    expect(duration.tag()[0]).toBe(1);
    expect(Number(duration.int64())).toBe(2);
  });

  it("has no details for a refusal a retry will not fix", () => {
    expect(fromBinary(StatusSchema, encodeGrpcStatusDetails(3, "bad")).details).toEqual([]);
  });
});
