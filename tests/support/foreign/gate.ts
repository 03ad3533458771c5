/** Holds the answer for one citizen until released: a request in flight, for as long as a test needs. */
export class Gate {
  private release: () => void = () => undefined;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  private noticeArrival: () => void = () => undefined;
  /** Resolves once a held request has arrived. */
  readonly arrived = new Promise<void>((resolve) => (this.noticeArrival = resolve));

  constructor(readonly personalId: string) {}

  pass(): Promise<void> {
    this.noticeArrival();
    return this.opened;
  }

  open(): void {
    this.release();
  }
}
