import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DRIFT_SETTINGS } from "./drift-settings";

describe("DEFAULT_DRIFT_SETTINGS", () => {
  it("are the workspace columns' defaults", () => {
    const schema = readFileSync(path.join(__dirname, "../../prisma/schema.prisma"), "utf8");
    const columnDefault = (field: string) => Number(new RegExp(`^\\s*${field}\\s+\\w+\\s+@default\\(([^)]+)\\)`, "m").exec(schema)?.[1]);
    expect(DEFAULT_DRIFT_SETTINGS).toEqual({
      learningMs: columnDefault("driftLearningMs"),
      learningTraces: columnDefault("driftLearningTraces"),
      confirmMs: columnDefault("driftConfirmMs"),
      missingMs: columnDefault("driftMissingMs"),
      rareRatio: columnDefault("driftRareRatio"),
    });
  });
});
