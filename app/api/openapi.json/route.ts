// GET /api/openapi.json: Flowprint's own REST API as an OpenAPI 3.1 document (public, no data)
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";

// The document depends on the code alone, so it is built once, at build time.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=3600" } });
}
