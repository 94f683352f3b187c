/**
 * Writes handed over one after another on their own connection while the caller goes on:
 * the full scan stores its blocking keys this way, so PostgreSQL maintains the key table's
 * indexes on one core while Node computes the next keys (and later blocks and scores) on the
 * other. At most `maxQueued` writes wait; `add` then waits for room, so memory stays bounded
 * however far the writes fall behind. The first failure is thrown by the next `add` or by
 * `finish`, and no later write starts.
 */
export class BackgroundWriter {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: { error: unknown } | null = null;
  private readonly room: (() => void)[] = [];

  constructor(private readonly maxQueued: number) {}

  async add(write: () => Promise<unknown>): Promise<void> {
    this.throwIfFailed();
    while (this.queued >= this.maxQueued) {
      await new Promise<void>((resolve) => this.room.push(resolve));
      this.throwIfFailed();
    }
    this.queued++;
    this.queue = this.queue.then(async () => {
      try {
        if (!this.failure) await write();
      } catch (error) {
        this.failure ??= { error };
      } finally {
        this.queued--;
        this.room.shift()?.();
      }
    });
  }

  /** Waits for every write handed over; throws the first failure. */
  async finish(): Promise<void> {
    await this.queue;
    this.throwIfFailed();
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure.error;
  }
}
