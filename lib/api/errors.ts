// One place that turns failures into the API's error shape: { error: { code, message, issues? } }.
import { ZodError } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

export function errorBody(code: string, message: string, issues?: { path: string; message: string }[]) {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** Maps any thrown value to a status and body; unknown errors are logged, never echoed. */
/** The API's answer to a thrown error; `cause` is set for an unexpected one, which the caller logs. */
export function toErrorResponse(error: unknown): { status: number; body: ReturnType<typeof errorBody>; cause?: unknown } {
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const first = issues[0];
    const message = first ? `Invalid ${first.path || "request"}: ${first.message}` : "Invalid request.";
    return { status: 400, body: errorBody("invalid_request", message, issues) };
  }
  if (error instanceof ApiError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.issues) };
  }
  return { status: 500, body: errorBody("internal_error", "Internal server error."), cause: error };
}
