// The workspace's learning window in words, for the empty state and the learning card.

function formatWindow(ms: number): string {
  if (ms % 86_400_000 === 0 && ms > 0) return `${ms / 86_400_000} ${ms === 86_400_000 ? "day" : "days"}`;
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000} ${ms === 3_600_000 ? "hour" : "hours"}`;
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 1000)} s`;
}

export function learningWindowText(ms: number, traces: number): string {
  const time = `its first ${formatWindow(ms)} of traffic`;
  const count = `its first ${traces} ${traces === 1 ? "trace" : "traces"}`;
  if (ms > 0 && traces > 0) return `${time} and ${count}, whichever ends later`;
  return ms > 0 ? time : traces > 0 ? count : "no time at all (learning is switched off)";
}
