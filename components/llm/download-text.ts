/** Saves `text` as a file named `fileName`, as a link with a download attribute would. */
export function downloadText(text: string, fileName: string, type = "application/yaml"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}
