// The trace_assert grammar. Precedence lives in the rule nesting, loosest first, so the parse
// tree already has the shape evaluation needs and no operator table is consulted afterwards.
//
// Deliberate choices:
// - `not`/`!` bind looser than comparisons (as in Python): `not a == b` is `not (a == b)`.
//   `!` is the same operator, so `!a == b` is `!(a == b)`; when both sides are booleans that
//   agrees with the C reading `(!a) == b` anyway.
// - Comparisons do not chain: `a < b < c` is a syntax error rather than a surprise.
// - A pipe binds tighter than arithmetic and comparison, because its right side is always a
//   function: `spans | len - errors | len > 0` reads as `(spans | len) - (errors | len) > 0`.
// - `x.f(a)` and `x | f(a)` both mean `f(x, a)`: one calling convention, two spellings.
// - A path that starts with a dot (`.status`, `.['k']`, or `.` alone) is relative to the
//   element a predicate of filter/map/any/all/count is looking at.
// - `implies` binds looser than `or` and groups to the right, as implication does in logic:
//   `a or b implies c` is `(a or b) implies c`, `a implies b implies c` is `a implies (b implies c)`.
// - `if c then a else b` is a whole expression, not an operand: its `else` branch runs to the
//   end of the enclosing expression, and as an operand it goes in parentheses
//   (`x and (if c then a else b)`), as Python's conditional expression does. That leaves no
//   question of where `if c then a else b == 1` ends. `else` is required: a missing branch
//   would have to invent a value.
// - Names after a dot may be keywords (`.not` is an attribute someone may well have); bare
//   names may not, so `and`/`or`/`not`/`implies`/`if`/`then`/`else`/`true`/`false`/`nil`
//   always mean themselves.
import * as ohm from "ohm-js";

export const TRACE_ASSERT_GRAMMAR_SOURCE = String.raw`
TraceAssert {
  Assertion = Expr end

  Expr = If | Implies

  If = ifKeyword Expr thenKeyword Expr elseKeyword Expr
  Implies = Or impliesOp Implies  -- implies
          | Or

  Or = Or orOp And  -- or
     | And
  And = And andOp Not  -- and
      | Not
  Not = notOp Not  -- not
      | Compare
  Compare = Sum compareOp Sum  -- compare
          | Sum
  Sum = Sum sumOp Product  -- binary
      | Product
  Product = Product productOp Unary  -- binary
          | Unary
  Unary = "-" Unary  -- negate
        | Pipe
  Pipe = Pipe pipeOp PipeCall  -- pipe
       | Postfix
  PipeCall = ident Arguments  -- withArguments
           | ident  -- bare
  Postfix = Postfix "." name Arguments  -- method
          | Postfix "." name  -- member
          | Postfix "[" Expr "]"  -- index
          | Primary
  Arguments = "(" ListOf<Expr, ","> ")"
  Primary = "(" Expr ")"  -- paren
          | literal
          | "[" ListOf<Expr, ","> "]"  -- list
          | ident Arguments  -- call
          | ident  -- name
          | Relative
  Relative = "." name  -- member
           | "." "[" Expr "]"  -- index
           | "."  -- element

  impliesOp (an operator) = "implies" ~namePart
  ifKeyword = "if" ~namePart
  thenKeyword = "then" ~namePart
  elseKeyword = "else" ~namePart
  orOp (an operator) = "||" | "or" ~namePart
  andOp (an operator) = "&&" | "and" ~namePart
  notOp = "!" ~"=" | "not" ~namePart
  compareOp (a comparison) = "==" | "!=" | "<=" | ">=" | "<" | ">"
  sumOp (an operator) = "+" | "-"
  productOp (an operator) = "*" | "/" | "%"
  pipeOp = "|" ~"|"

  literal = number | string | true | false | nil
  true = "true" ~namePart
  false = "false" ~namePart
  nil = "nil" ~namePart

  number (a number) = digit+ fraction? exponent?
  fraction = "." digit+
  exponent = ("e" | "E") ("+" | "-")? digit+

  string = "'" singleQuoted* "'"  -- single
                    | "\"" doubleQuoted* "\""  -- double
  singleQuoted = ~("'" | "\\" | lineBreak) any  -- plain
               | escape
  doubleQuoted = ~("\"" | "\\" | lineBreak) any  -- plain
               | escape
  escape = "\\" escaped
  escaped (an escape sequence) = "u" hexDigit hexDigit hexDigit hexDigit  -- unicode
          | "n" | "t" | "r" | "b" | "f" | "v" | "0" | "\\" | "'" | "\"" | "/"
  lineBreak = "\n" | "\r" | "\u2028" | "\u2029"

  ident (a name) = ~keyword name
  name = nameStart namePart*
  nameStart = letter | "_"
  namePart = alnum | "_"
  keyword = ("and" | "or" | "not" | "implies" | "if" | "then" | "else" | "true" | "false" | "nil") ~namePart
}
`;

export const traceAssertGrammar: ohm.Grammar = ohm.grammar(TRACE_ASSERT_GRAMMAR_SOURCE);
