// A Diagnosis as both diagnosis routes return it: snake_case, with the scope and window it covers.
import type { Diagnosis } from "../diagnosis/diagnose-traces";
import type { DiagnosisResponse, DiagnosisScopeView } from "./diagnosis.schemas";
import { snakeCaseKeys } from "./snake-case-keys";

export function diagnosisView(diagnosis: Diagnosis, scope: DiagnosisScopeView, range: { fromMs: number; toMs: number }, sampleSize: number): DiagnosisResponse {
  return {
    scope: { ...scope, from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString(), sample_size: sampleSize },
    ...(snakeCaseKeys(diagnosis) as Omit<DiagnosisResponse, "scope">),
  };
}
