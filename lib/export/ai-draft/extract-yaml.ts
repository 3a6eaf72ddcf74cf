// Models wrap files in Markdown fences and sometimes a sentence around them, however firmly
// told not to; the file is what is inside.

const FENCED = /```[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)\n?[ \t]*```/g;

/** The YAML of a model's answer: a yaml fence's content, else the first fence's, else the text from `version:` on. */
export function extractYaml(answer: string): string {
  const blocks = [...answer.matchAll(FENCED)].map((m) => ({ language: m[1].toLowerCase(), body: m[2] }));
  const chosen = blocks.find((b) => b.language === "yaml" || b.language === "yml") ?? blocks[0];
  if (chosen) return finish(chosen.body);
  // An answer cut off by the token limit opens a fence it never closes.
  const open = /^\s*```[^\n]*\n/.exec(answer);
  if (open) return finish(answer.slice(open[0].length));
  const start = /^(---[ \t]*$|version[ \t]*:)/m.exec(answer);
  return finish(start ? answer.slice(start.index) : answer);
}

function finish(text: string): string {
  const trimmed = text.replace(/^\s*\n/, "").trimEnd();
  return trimmed === "" ? "" : `${trimmed}\n`;
}
