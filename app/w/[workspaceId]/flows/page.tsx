import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Flows" };

export default function FlowsPage() {
  return <PageHeader title="Flows" description="The recurring paths through your system, riskiest first." />;
}
