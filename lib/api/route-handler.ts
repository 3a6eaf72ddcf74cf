// Wraps a JSON route handler so every failure becomes the API's error shape, and every request
// is timed, logged and answered with its X-Request-ID.
import { errorFields, logger } from "../http/logger";
import { observeRequest, requestIdOf } from "../pipeline/observe-request";
import { toErrorResponse } from "./errors";

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

export function handleJson<Args extends unknown[]>(handler: (...args: Args) => Promise<unknown>) {
  return async (...args: Args): Promise<Response> => {
    const startedAt = performance.now();
    const request = args[0] instanceof Request ? args[0] : null;
    const requestId = requestIdOf(request);
    let response: Response;
    try {
      const result = await handler(...args);
      response = result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      const { status, body, cause } = toErrorResponse(error);
      if (cause !== undefined) logger.error({ request_id: requestId, ...errorFields(cause) }, "unhandled error");
      response = jsonResponse(body, status);
    }
    // Some handlers return responses whose headers are frozen (a fetch() passed through).
    try {
      response.headers.set("x-request-id", requestId);
    } catch {
      // left without the header
    }
    observeRequest(request, response.status, startedAt, requestId);
    return response;
  };
}

export type WorkspaceRouteContext = { params: Promise<{ workspaceId: string }> };
