// What every demo service module exports: a factory from its tracer and peers' URLs to routes.
import type { Tracer } from "@opentelemetry/api";
import type { ServiceUrls } from "../config";
import type { RawHandler, Route } from "../http-server";

export interface ServiceContext {
  tracer: Tracer;
  urls: ServiceUrls;
}

export interface ServiceDefinition {
  routes: Route[];
  /** Handler for paths outside the router (the message queue's delivery endpoint). */
  raw?: RawHandler;
  /** Finishes accepted background work before telemetry is flushed on shutdown. */
  drain?: () => Promise<void>;
}

export type CreateService = (context: ServiceContext) => ServiceDefinition;
