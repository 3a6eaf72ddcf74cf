// Public API of the trace_assert expression language. Pure: no I/O, no framework, no store.
export type { Expr, SourceRange, CompareOperator, ArithmeticOperator, LogicalOperator, LiteralValue } from "./ast";
export { parseAssertion, type AssertionSyntaxError, type ParseResult } from "./parse-assertion";
export { evaluateAssertion, type AssertionOutcome } from "./evaluate-assertion";
export { formatAssertionOutcome } from "./format-assertion-outcome";
export {
  buildTraceContext,
  type TraceContext,
  type SpanContext,
  type SpanEventContext,
  type SpanKindName,
  type TraceContextSpanInput,
} from "./trace-context";
export type { PlainRecord, PlainValue } from "./plain-value";
export { TRACE_ASSERT_GRAMMAR_SOURCE } from "./grammar";
