// GET /schemas/flowprint-eval-dataset.json: the JSON Schema of eval datasets
import { evalDatasetJsonSchema } from "@/lib/eval/eval-dataset.schema";

export const dynamic = "force-static";

export function GET() {
  return Response.json(evalDatasetJsonSchema(), { headers: { "cache-control": "public, max-age=3600" } });
}
