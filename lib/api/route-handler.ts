// Wraps a JSON route handler so every failure becomes the API's error shape.
import { toErrorResponse } from "./errors";

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

export function handleJson<Args extends unknown[]>(handler: (...args: Args) => Promise<unknown>) {
  return async (...args: Args): Promise<Response> => {
    try {
      const result = await handler(...args);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      return jsonResponse(body, status);
    }
  };
}

export type WorkspaceRouteContext = { params: Promise<{ workspaceId: string }> };
