"use client";

import { useMutation } from "@tanstack/react-query";
import { ApiRequestError, jsonBody, requestJson } from "@/components/settings/request-json";
import type { EvalExportResponse } from "./llm-types";

/** POSTs an eval export; the dataset is made on request, so it is a mutation, not a cached query. */
export function useEvalExport<Body>(url: string) {
  return useMutation({
    mutationFn: (body: Body) => requestJson<EvalExportResponse>(url, jsonBody("POST", body ?? {})),
  });
}

/** A 422 means the selection holds no recorded prompts: an answer about the data, not a failure. */
export const isNothingToExport = (error: unknown) => error instanceof ApiRequestError && error.status === 422;
