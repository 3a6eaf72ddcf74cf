// Test-only: a span for the diagnoses, every field defaulted as makeTraceSpan does.
import { makeTraceSpan } from "../../traces/testing/make-trace-span";
import type { DiagnosisSpan } from "../diagnosis-span";

export function makeDiagnosisSpan(init: Parameters<typeof makeTraceSpan>[0] & { statusMessage?: string }): DiagnosisSpan {
  const { statusMessage = "", ...rest } = init;
  return { ...makeTraceSpan(rest), statusMessage };
}
