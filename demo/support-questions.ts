// Support questions the traffic generator asks the assistant. Each kind is one template that
// only the customer's first name and the order id vary in, as questions typed from a help form
// are: Flowprint's eval export collapses them into one case per kind.
import type { Customer } from "./catalog";

interface QuestionTemplate {
  /** Relative frequency among questions. */
  weight: number;
  text: (firstName: string, orderId: string) => string;
}

const TEMPLATES: QuestionTemplate[] = [
  { weight: 0.4, text: (name, order) => `Hi, this is ${name}. Where is my order ${order}?` },
  { weight: 0.25, text: (name, order) => `Hi, this is ${name}. Can I change the delivery address of order ${order}?` },
  { weight: 0.15, text: (name, order) => `Hi, this is ${name}. Please cancel order ${order}, I ordered it by mistake.` },
  // Complaints go to the larger model: about one question in five.
  { weight: 0.2, text: (name, order) => `Hi, this is ${name}. My order ${order} arrived damaged. What can you do?` },
];

export function supportQuestion(customer: Customer, orderId: string): string {
  const firstName = customer.name.split(" ")[0]!;
  let roll = Math.random() * TEMPLATES.reduce((sum, template) => sum + template.weight, 0);
  const template = TEMPLATES.find((candidate) => (roll -= candidate.weight) < 0) ?? TEMPLATES[0]!;
  return template.text(firstName, orderId);
}
