import type { Metadata } from "next";
import { DriftAlertView } from "@/components/drift/drift-alert-view";

export const metadata: Metadata = { title: "Drift alert" };

export default async function DriftAlertPage({ params }: { params: Promise<{ workspaceId: string; alertId: string }> }) {
  const { workspaceId, alertId } = await params;
  return <DriftAlertView workspaceId={decodeURIComponent(workspaceId)} alertId={decodeURIComponent(alertId)} />;
}
