export type RiskBadge = "high" | "medium" | "low";

/** The dashboard badge of a risk score: ≥ 0.7 high, ≥ 0.4 medium, else low. */
export function classifyRisk(riskScore: number): RiskBadge {
  if (riskScore >= 0.7) return "high";
  if (riskScore >= 0.4) return "medium";
  return "low";
}
