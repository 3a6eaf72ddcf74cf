import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Drift" };

export default function DriftPage() {
  return <PageHeader title="Drift" />;
}
