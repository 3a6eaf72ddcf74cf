// POST /api/v2/spans: Zipkin's collector API (Zipkin v2 JSON), ingested as OTLP is
import { receiveZipkinSpans, zipkinMethodNotAllowed } from "@/lib/pipeline/receive-zipkin-spans";

export const dynamic = "force-dynamic";

export const POST = receiveZipkinSpans;
export const GET = zipkinMethodNotAllowed;
export const PUT = zipkinMethodNotAllowed;
export const PATCH = zipkinMethodNotAllowed;
export const DELETE = zipkinMethodNotAllowed;
