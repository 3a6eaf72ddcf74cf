// assistant: answers customers' support questions with an LLM behind the model-server. Most
// questions go to a small model; complaints about damaged goods, where a poor answer costs a
// customer, go to the larger one. Each model call is its own GenAI client span, so a rate-limited
// call and its retry both show in the trace while the path stays the same.
import { HttpError } from "../http-server";
import { simulateWork } from "../latency";
import { chat, ChatApiError, type ChatReply } from "./chat-client";
import type { CreateService } from "./service-definition";

const SYSTEM_INSTRUCTION =
  "You are the customer support assistant of Bean & Brew, a shop for coffee beans and brewing equipment. " +
  "Answer in at most two short sentences, greet the customer by name, and mention the order id when the question has one. " +
  "Never promise a refund for an order that has shipped.";

const SMALL_MODEL = "gpt-4o-mini";
const LARGE_MODEL = "gpt-4o";
const COMPLAINT = /damaged|broken|refund|complain/i;

/** One retry, as client SDKs do on a 429; a second refusal is passed on as 503. */
const MAX_ATTEMPTS = 2;

interface QuestionRequest {
  customerId?: unknown;
  question?: unknown;
}

function parseQuestion(body: unknown): { customerId: string; question: string } {
  const request = (body ?? {}) as QuestionRequest;
  if (typeof request.customerId !== "string" || typeof request.question !== "string" || request.question.trim() === "") {
    throw new HttpError(400, "customerId and question are required");
  }
  if (request.question.length > 2_000) throw new HttpError(400, "question is longer than 2000 characters");
  return { customerId: request.customerId, question: request.question };
}

export const createService: CreateService = ({ tracer, urls }) => {
  async function answer(customerId: string, question: string): Promise<ChatReply> {
    const model = COMPLAINT.test(question) ? LARGE_MODEL : SMALL_MODEL;
    for (let attempt = 1; ; attempt++) {
      try {
        return await chat(tracer, {
          baseUrl: urls["model-server"],
          model,
          systemInstruction: SYSTEM_INSTRUCTION,
          userMessage: question,
          temperature: 0.2,
          maxTokens: 300,
          user: customerId,
        });
      } catch (error) {
        const rateLimited = error instanceof ChatApiError && error.status === 429;
        if (!rateLimited) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new HttpError(503, "the assistant is busy, please try again shortly");
        await simulateWork(200, 400); // back off before retrying
      }
    }
  }

  return {
    routes: [
      {
        method: "POST",
        route: "/assistant/answers",
        handler: async ({ body }) => {
          const { customerId, question } = parseQuestion(body);
          const reply = await answer(customerId, question);
          return { status: 200, body: { answer: reply.content, model: reply.model } };
        },
      },
    ],
  };
};
