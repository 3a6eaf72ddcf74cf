// The second step of prompt deduplication: masked prompts that are otherwise identical but
// differ in a few words ("Write a poem about cats" / "... about dogs") share one template, with
// `{var}` where they differ. Free words cannot be typed like numbers or emails, so the rule is
// a budget instead:
// - the messages must have the same roles, the same number of tokens and the same punctuation;
// - in each user message at most a quarter of the words (at least one) may differ, counting
//   the places an earlier merge already turned into `{var}`;
// - system and developer messages may not differ in words at all: the application's developers
//   write them, so a different word there ("a billing assistant", "Be thorough") is a
//   different prompt or a new version of it, while users' messages are where the variables are;
// - the first word of a message or sentence never differs: that is where instructions put
//   their verb, so "Summarise the ticket" and "Translate the ticket" stay apart.
// Templates are compared in a fixed order and a prompt joins the first template it fits, so
// the outcome depends only on the order of the calls.

export const VARIABLE = "{var}";

interface Token {
  text: string;
  /** Whitespace came before it; kept to write the template back readably. */
  spaced: boolean;
}

export interface MessageTemplate {
  role: string;
  tokens: Token[];
}

const TOKEN = /\n|\{[a-z]+\}|[\p{L}\p{N}_'’-]+|\S/gu;
const WORD = /^(?:\{[a-z]+\}|[\p{L}\p{N}_'’-]+)$/u;
const SENTENCE_END = new Set([".", "!", "?", "\n"]);
const FIXED_ROLES: ReadonlySet<string> = new Set(["system", "developer"]);

export function tokenizeMessage(role: string, maskedText: string): MessageTemplate {
  const tokens: Token[] = [];
  let end = 0;
  for (const match of maskedText.matchAll(TOKEN)) {
    tokens.push({ text: match[0], spaced: match.index > end && /\s/.test(maskedText[match.index - 1]) });
    end = match.index + match[0].length;
  }
  return { role, tokens };
}

/** Messages with the same shape key may merge; the key also indexes the candidates. */
export function shapeKey(messages: readonly MessageTemplate[]): string {
  return messages.map((message) => `${message.role}:${message.tokens.length}`).join("|");
}

export function renderTemplate(messages: readonly MessageTemplate[]): string {
  return messages
    .map((message) => {
      let text = "";
      for (const [i, token] of message.tokens.entries()) {
        const previous = message.tokens[i - 1];
        const space = token.spaced && i > 0 && token.text !== "\n" && previous.text !== "\n";
        text += (space ? " " : "") + token.text;
      }
      return `${message.role}: ${text}`;
    })
    .join("\n");
}

/**
 * `template` with the words where `candidate` differs replaced by {var}, or null when the two
 * may not share a template. Both must have the same shape key.
 */
export function mergeTemplates(
  template: readonly MessageTemplate[],
  candidate: readonly MessageTemplate[],
): MessageTemplate[] | null {
  const merged: MessageTemplate[] = [];
  for (const [m, message] of template.entries()) {
    const tokens = mergeMessage(message.tokens, candidate[m].tokens, FIXED_ROLES.has(message.role));
    if (tokens === null) return null;
    merged.push({ role: message.role, tokens });
  }
  return merged;
}

function mergeMessage(tokens: readonly Token[], other: readonly Token[], fixed: boolean): Token[] | null {
  const words = tokens.filter((token) => WORD.test(token.text)).length;
  const budget = fixed ? 0 : Math.max(1, Math.floor(words / 4));
  let variables = 0;
  let sentenceStart = true;
  const merged: Token[] = [];
  for (const [i, token] of tokens.entries()) {
    const theirs = other[i].text;
    const isWord = WORD.test(token.text);
    if (token.text === VARIABLE || token.text !== theirs) {
      if (!isWord || !WORD.test(theirs) || sentenceStart) return null;
      variables += 1;
      if (variables > budget) return null;
      merged.push({ text: VARIABLE, spaced: token.spaced });
    } else {
      merged.push(token);
    }
    if (isWord) sentenceStart = false;
    else if (SENTENCE_END.has(token.text)) sentenceStart = true;
  }
  return merged;
}
