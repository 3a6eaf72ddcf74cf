/** Text colour of an error rate: red from 5 %, amber for any errors below that. */
export function errorTone(rate: number): string {
  if (rate >= 0.05) return "font-medium text-red-700 dark:text-red-400";
  if (rate > 0) return "text-amber-700 dark:text-amber-400";
  return "";
}
