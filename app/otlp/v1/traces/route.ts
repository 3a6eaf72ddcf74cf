// POST /otlp/v1/traces: OTLP/HTTP receiver
import { methodNotAllowed, receiveOtlpTraces } from "@/lib/pipeline/receive-otlp-traces";

export const dynamic = "force-dynamic";

export const POST = receiveOtlpTraces;
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
