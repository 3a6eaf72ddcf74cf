import fs from "node:fs";
import path from "node:path";
import { decodeTraceRequest } from "../lib/otlp";
const dir = path.resolve(process.cwd(), "../shared/corpora/otlp");
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const text = fs.readFileSync(path.join(dir, f), "utf8");
  if (!text.includes("resourceSpans")) continue;
  let j = JSON.parse(text); if (!j.resourceSpans && j.result) j = j.result;
  try {
    const r = decodeTraceRequest(new TextEncoder().encode(JSON.stringify(j)), "json", "w", 0);
    console.log(r.spans.length, r.rejectedSpans, r.errorMessage, f.slice(-50), r.spans.slice(0,1).map(s=>[s.service,s.kind,s.status,s.startNs,s.parentSpanId, s.isSynthetic, JSON.stringify(s.attributes).slice(0,150)]));
  } catch (e) { console.log("ERR", f, (e as Error).message); }
}
