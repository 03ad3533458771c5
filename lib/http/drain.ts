import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

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
 * reconnects elsewhere); after the delay the server stops accepting, waits for the requests in
 * flight, closes the kept-alive connections left idle, waits for any request that came on one of
 * them meanwhile, and past the timeout cuts what is left.
 *
 * Idle connections are closed last, not first: a client may be sending on one at that very moment,
 * and the request is then lost without an answer. Closed after the requests in flight, only a
 * connection that stayed idle through the whole drain can meet that race.
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
    // net's close stops accepting; http's own close would also close the idle connections at once.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(this.server, () => resolve()));
    const deadline = Date.now() + timeoutMs;
    await this.settle(deadline);
    this.server.closeIdleConnections();
    await this.settle(deadline);
    const cut = this.inFlight.size;
    this.server.closeAllConnections();
    await closed;
    return { cut };
  }

  /** Waits until no request is in flight, or the deadline. */
  private async settle(deadline: number): Promise<void> {
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.settled = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now()))),
      ]);
      clearTimeout(timer);
    }
  }
}
