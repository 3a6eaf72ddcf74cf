// What the model-server "generates": a fixed reply per kind of support question, filled in with
// the name and order id the question mentions. The same prompt always gets the same reply, so a
// replayed eval case has a stable expected output.

interface CannedReply {
  matches: RegExp;
  reply: (name: string, order: string) => string;
}

// First match wins: a damaged order asking for a refund is a damage claim, not a cancellation.
const REPLIES: CannedReply[] = [
  {
    matches: /damaged|broken/i,
    reply: (name, order) =>
      `Hi ${name}, I'm sorry that ${order} arrived damaged. A replacement ships today at no cost, and there is no need to send the damaged item back.`,
  },
  {
    matches: /address/i,
    reply: (name, order) =>
      `Hi ${name}, ${order} has not shipped yet, so its delivery address can still be changed. Reply with the new address and it will be updated within the hour.`,
  },
  {
    matches: /cancel/i,
    reply: (name, order) =>
      `Hi ${name}, ${order} is cancelled. The refund goes back to your original payment method within five business days.`,
  },
  {
    matches: /where is|status|arrive/i,
    reply: (name, order) =>
      `Hi ${name}, ${order} has shipped and should arrive within two business days. The tracking link is in your confirmation e-mail.`,
  },
];

const FALLBACK = (name: string) => `Hi ${name}, thanks for your message. Someone from our support team will reply within one business day.`;

export function cannedReply(question: string): string {
  const name = /\bthis is (\p{L}+)/iu.exec(question)?.[1] ?? "there";
  const orderId = /\bo-[\w-]+/.exec(question)?.[0];
  const order = orderId ? `order ${orderId}` : "your order";
  return REPLIES.find((candidate) => candidate.matches.test(question))?.reply(name, order) ?? FALLBACK(name);
}

/** Rough token count of English text: about 1.3 tokens per word. */
export function countTokens(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.ceil(words * 1.3);
}
