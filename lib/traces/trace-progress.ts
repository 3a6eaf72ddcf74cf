// Whether a trace is still being received. Instrumentations export a span when it ends, so a
// request's root span (the outermost one, which ends last) usually arrives after its children:
// until it does, the trace has no root service or operation to show.

export interface TraceProgressInput {
  /** "" until the root span has arrived. */
  rootService: string;
  /** open or processing while spans may still arrive; complete once discovered. */
  state: string;
}

/** The root span has not arrived and the trace is not complete: a request still in flight. */
export function isTraceInProgress(trace: TraceProgressInput): boolean {
  return trace.rootService === "" && trace.state !== "complete";
}
