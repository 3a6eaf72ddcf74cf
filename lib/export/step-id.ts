/** `POST /orders/:id` → `post_orders_id`: a stable id for a request or step. */
export function stepId(label: string): string {
  const id = label
    .toLowerCase()
    .replace(/[{}:*]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(id) ? id.slice(0, 60) : `step_${id}`.slice(0, 60);
}
