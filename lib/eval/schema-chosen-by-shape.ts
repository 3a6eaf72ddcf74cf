// A schema that first looks at the input's shape to pick the one schema that parses it. Where a
// union would report "Invalid input" for the whole value, the picked schema's own problems come
// back at their own paths, so a file loader can point at the very key that is wrong.
import { z } from "zod";

export type Choice<T> = { schema: z.ZodType<T, unknown> } | { problem: string; path?: PropertyKey[] };

export function schemaChosenByShape<T>(choose: (input: unknown) => Choice<T>): z.ZodType<T, unknown> {
  return z.unknown().transform((input, ctx): T => {
    const choice = choose(input);
    if ("problem" in choice) {
      ctx.addIssue({ code: "custom", message: choice.problem, path: choice.path ?? [], input });
      return z.NEVER;
    }
    const parsed = choice.schema.safeParse(input);
    if (parsed.success) return parsed.data;
    // Passed on as they are: an unknown key stays `unrecognized_keys`, which the loader points at.
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });
}
