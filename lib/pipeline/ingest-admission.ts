// Load shedding for OTLP requests. With SQLite a transaction runs without yielding to the
// event loop, so overload never shows as a queue of spans: it shows as requests piling up
// between arrival and answer. Counting those bounds memory and latency; the refused clients
// retry after Retry-After, as the OTLP specification tells them to.
export class IngestAdmission {
  private inflight = 0;

  constructor(private readonly maxInflight: number) {}

  get current(): number {
    return this.inflight;
  }

  /** Takes a place, or returns false when every place is taken. */
  tryEnter(): boolean {
    if (this.inflight >= this.maxInflight) return false;
    this.inflight++;
    return true;
  }

  leave(): void {
    this.inflight--;
  }
}
