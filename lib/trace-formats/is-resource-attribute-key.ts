// Zipkin has no resource: OpenTelemetry's Zipkin exporter writes resource attributes as span
// tags, and the Collector's Zipkin translator moves the tags named in the semantic conventions'
// resource attributes back to the resource. These are those names (semconv 1.6.1, which the
// translator reads, plus the OpenCensus ones it adds), as prefixes where a whole namespace is
// resource-only.
const RESOURCE_PREFIXES = [
  "aws.ecs.",
  "aws.eks.",
  "aws.log.",
  "cloud.",
  "container.",
  "device.",
  "host.",
  "k8s.",
  "opencensus.",
  "os.",
  "process.",
  "telemetry.",
  "webengine.",
];

const RESOURCE_KEYS = new Set([
  "deployment.environment",
  "service.namespace",
  "service.instance.id",
  "service.version",
  "faas.name",
  "faas.id",
  "faas.version",
  "faas.instance",
  "faas.max_memory",
]);

export function isResourceAttributeKey(key: string): boolean {
  return RESOURCE_KEYS.has(key) || RESOURCE_PREFIXES.some((prefix) => key.startsWith(prefix));
}
