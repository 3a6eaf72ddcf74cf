import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Service graph" };

export default function GraphPage() {
  return <PageHeader title="Service graph" />;
}
