// Starts OTLP's standard-port listeners beside the dashboard, once per process. A port already
// taken (a local Collector, another Flowprint) is reported and skipped: the dashboard's own
// /v1/traces keeps working.
import { errorFields, logger } from "../http/logger";
import { getRuntime } from "./runtime";
import { startOtlpGrpcServer } from "./otlp-grpc-server";
import { startOtlpHttpListener } from "./otlp-http-listener";

const slot = globalThis as typeof globalThis & { __flowprintOtlpListeners?: boolean };

function reportFailure(what: string, variable: string, port: number, error: unknown): void {
  const inUse = (error as { code?: string }).code === "EADDRINUSE" || /address already in use|No address added/i.test(String(error));
  logger.error(
    { port, ...errorFields(error) },
    inUse ? `${what} port ${port} is in use: not listening on it (set ${variable} to another port, or 0 to turn it off)` : `${what} on port ${port} did not start`,
  );
}

export async function startOtlpListeners(): Promise<void> {
  if (slot.__flowprintOtlpListeners) return;
  slot.__flowprintOtlpListeners = true;
  const { otlpListeners, maxBodyBytes } = getRuntime().config;
  const { host, httpPort, grpcPort } = otlpListeners;
  await Promise.all([
    httpPort === null
      ? null
      : startOtlpHttpListener(host, httpPort).then(
          (bound) => logger.info({ port: bound.port }, `OTLP/HTTP on http://${host}:${bound.port}/v1/traces`),
          (error: unknown) => reportFailure("OTLP/HTTP", "FLOWPRINT_OTLP_HTTP_PORT", httpPort, error),
        ),
    grpcPort === null
      ? null
      : startOtlpGrpcServer(host, grpcPort, maxBodyBytes).then(
          (bound) => logger.info({ port: bound.port }, `OTLP/gRPC on ${host}:${bound.port}`),
          (error: unknown) => reportFailure("OTLP/gRPC", "FLOWPRINT_OTLP_GRPC_PORT", grpcPort, error),
        ),
  ]);
}
