import { describe, expect, it } from "vitest";
import { planDriftAction } from "./plan-drift-action";

const newVariant = (state: string) => ({ kind: "new_variant", state });
const missing = (state: string) => ({ kind: "variant_missing", state });

describe("planDriftAction", () => {
  it("accepts an open or rare new variant into the baseline", () => {
    expect(planDriftAction(newVariant("open"), "accept")).toEqual({ kind: "move", alert: newVariant("open"), from: "open", to: "accepted", baseline: "add_to_baseline" });
    expect(planDriftAction(newVariant("rare"), "accept")).toEqual({ kind: "move", alert: newVariant("rare"), from: "rare", to: "accepted", baseline: "add_to_baseline" });
  });

  it("accepts a missing variant by taking it out of the baseline", () => {
    expect(planDriftAction(missing("open"), "accept")).toEqual({ kind: "move", alert: missing("open"), from: "open", to: "accepted", baseline: "remove_from_baseline" });
  });

  it("still accepts a dismissed alert", () => {
    expect(planDriftAction(newVariant("dismissed"), "accept")).toEqual({ kind: "move", alert: newVariant("dismissed"), from: "dismissed", to: "accepted", baseline: "add_to_baseline" });
  });

  it("dismisses an open or rare alert without touching the baseline", () => {
    expect(planDriftAction(newVariant("open"), "dismiss")).toEqual({ kind: "move", alert: newVariant("open"), from: "open", to: "dismissed", baseline: null });
    expect(planDriftAction(missing("rare"), "dismiss")).toEqual({ kind: "move", alert: missing("rare"), from: "rare", to: "dismissed", baseline: null });
  });

  it("is idempotent: an alert already in the target state is done", () => {
    expect(planDriftAction(newVariant("accepted"), "accept")).toEqual({ kind: "done" });
    expect(planDriftAction(missing("dismissed"), "dismiss")).toEqual({ kind: "done" });
  });

  it("refuses to dismiss an accepted alert: accepting changed the baseline", () => {
    expect(planDriftAction(newVariant("accepted"), "dismiss")).toEqual({ kind: "conflict", state: "accepted" });
  });

  it("does not know a pending alert (still waiting for late spans) nor one that does not exist", () => {
    expect(planDriftAction(newVariant("pending"), "accept")).toEqual({ kind: "not_found" });
    expect(planDriftAction(newVariant("pending"), "dismiss")).toEqual({ kind: "not_found" });
    expect(planDriftAction(null, "accept")).toEqual({ kind: "not_found" });
  });
});
