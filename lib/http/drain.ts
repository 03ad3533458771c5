import type { Server, ServerResponse } from 'node:http';

export interface DrainOptions {
  /**
   * How long the server keeps serving, `/ready` already answering 503 and every response closing
   * its connection, before it stops accepting: the time a load balancer needs to stop sending.
   */
  delayMs: number;
  /** Longest wait for the requests still in flight once the server stops accepting; what is left then is cut. */
  timeoutMs: number;
}

export interface DrainResult {
  /** Requests still unanswered when the drain timeout ran out, whose connections were cut. */
  cut: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The requests in flight on one HTTP server, and its graceful stop. Draining turns `/ready` to 503
 * and makes every response close its connection (so a kept-alive client finishes what it sent and
 * reconnects elsewhere); after the delay the server stops accepting and closes its idle
 * connections, waits for the requests in flight up to the timeout, then cuts what is left.
 */
export class HttpDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private settled: (() => void) | null = null;
  private draining = false;

  constructor(private readonly server: Server) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** Counts a request until its response is done (or its connection gone). */
  track(res: ServerResponse): void {
    if (this.draining) res.setHeader('connection', 'close');
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) this.settled?.();
    });
  }

  async drain({ delayMs, timeoutMs }: DrainOptions): Promise<DrainResult> {
    if (!this.draining) {
      this.draining = true;
      for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      if (delayMs > 0) await sleep(delayMs);
    }
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.settled = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    const cut = this.inFlight.size;
    this.server.closeAllConnections();
    await closed;
    return { cut };
  }
}
