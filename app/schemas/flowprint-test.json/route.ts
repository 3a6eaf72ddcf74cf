// GET /schemas/flowprint-test.json: the JSON Schema of Flowprint test files
import { flowprintTestJsonSchema } from "@/lib/export/flowprint-test.schema";

export const dynamic = "force-static";

export function GET() {
  return Response.json(flowprintTestJsonSchema(), { headers: { "cache-control": "public, max-age=3600" } });
}
