/**
 * Where an import's time goes: milliseconds spent per phase of its batches (plan, people,
 * tokens, …), summed over the run. The CLI prints them, so every run of a large import says
 * which writes bound it (docs/benchmarks.md).
 */
export class PhaseTimings {
  readonly ms = new Map<string, number>();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.ms.set(phase, (this.ms.get(phase) ?? 0) + performance.now() - t0);
    }
  }

  /** "plan 1.2 s, people 3.4 s, …" in the order the phases first ran. */
  describe(): string {
    return [...this.ms].map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(", ");
  }
}
