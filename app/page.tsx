import { redirect } from "next/navigation";
import { DEFAULT_WORKSPACE_ID } from "@/lib/workspaces/workspace-id";

export default function Home() {
  redirect(`/w/${DEFAULT_WORKSPACE_ID}/flows`);
}
