// POST /v1/logs: Flowprint stores traces only; every item is answered as rejected, with why
import { receiveOtherSignal } from "@/lib/pipeline/receive-otlp-other-signals";
import { methodNotAllowed } from "@/lib/pipeline/receive-otlp-traces";

export const dynamic = "force-dynamic";

export const POST = receiveOtherSignal("logs");
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
