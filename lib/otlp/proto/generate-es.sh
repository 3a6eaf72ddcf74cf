#!/usr/bin/env bash
# Regenerates lib/otlp/gen/ from the .proto files here with protoc-gen-es (dev dependency) and
# Debian's protoc (apt-get install protobuf-compiler; google/protobuf/any.proto comes from
# /usr/include). Run from the repository root: bash lib/otlp/proto/generate-es.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
rm -rf lib/otlp/gen
mkdir -p lib/otlp/gen
protoc -I lib/otlp/proto -I /usr/include \
  --plugin=protoc-gen-es=node_modules/.bin/protoc-gen-es \
  --es_out=lib/otlp/gen --es_opt=target=ts,import_extension=none \
  opentelemetry/proto/common/v1/common.proto \
  opentelemetry/proto/resource/v1/resource.proto \
  opentelemetry/proto/trace/v1/trace.proto \
  opentelemetry/proto/collector/trace/v1/trace_service.proto \
  google/rpc/status.proto
