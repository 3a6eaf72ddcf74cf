"use client";

import { Button } from "@/components/ui/button";
import { TraceAttributeFilters } from "./trace-attribute-filters";
import { TraceDurationFilter } from "./trace-duration-filter";
import { hasTraceFilters, NO_TRACE_FILTERS, type TraceListParams } from "./trace-list-params";
import { TraceOperationInput } from "./trace-operation-input";
import { CONTROL, controlTone, FieldMessage, QueryField } from "./trace-query-field";
import type { TraceQueryFieldErrors } from "./trace-search-field-errors";
import { TraceStatusFilter } from "./trace-status-filter";
import { TraceTimeRangeFilter } from "./trace-time-range-filter";

const SERVICE_ID = "trace-service-filter";

/**
 * The query bar: which spans a trace must have (service, operation, attributes, status), how long
 * it took and when it started. Choices apply at once; typed values on Enter or on leaving the field.
 */
export function TraceFilters({
  params,
  services,
  operations,
  errors,
  onChange,
}: {
  params: TraceListParams;
  services: string[];
  operations: string[];
  errors: TraceQueryFieldErrors;
  onChange: (patch: Partial<TraceListParams>) => void;
}) {
  return (
    <div role="search" aria-label="Filter traces" className="rounded-lg border border-zinc-200 bg-white px-4 pt-3 pb-1 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
        <QueryField
          label="Service"
          htmlFor={SERVICE_ID}
          message={
            <FieldMessage id={`${SERVICE_ID}-message`} tone="error">
              {errors.service ?? ""}
            </FieldMessage>
          }
        >
          <select
            id={SERVICE_ID}
            aria-describedby={`${SERVICE_ID}-message`}
            aria-invalid={errors.service !== undefined || undefined}
            className={`${CONTROL} ${controlTone(errors.service !== undefined)} max-w-56`}
            value={params.service}
            // Another service's operations differ: the operation starts over, as in Jaeger.
            onChange={(e) => onChange({ service: e.target.value, operation: "" })}
          >
            <option value="">All services</option>
            {services.map((service) => (
              <option key={service} value={service}>
                {service}
              </option>
            ))}
          </select>
        </QueryField>
        <TraceOperationInput value={params.operation} operations={operations} serverError={errors.operation} onCommit={(operation) => onChange({ operation })} />
        <TraceStatusFilter value={params.status} serverError={errors.status} onChange={(status) => onChange({ status })} />
        <TraceDurationFilter min={params.minDurationMs} max={params.maxDurationMs} serverError={errors.duration} onChange={onChange} />
        <TraceTimeRangeFilter since={params.since} to={params.to} serverError={errors.time} onChange={onChange} />
      </div>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <TraceAttributeFilters attrs={params.attrs} serverError={errors.attr} onChange={(attrs) => onChange({ attrs })} />
        {hasTraceFilters(params) ? (
          <Button variant="ghost" className="mt-5 h-9" onClick={() => onChange({ ...NO_TRACE_FILTERS, attrs: [] })}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
