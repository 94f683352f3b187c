import { describe, expect, it } from "vitest";
import { BackgroundWriter } from "./background-writer.js";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("BackgroundWriter", () => {
  it("runs writes one at a time, in order, and finish waits for all", async () => {
    const w = new BackgroundWriter(2);
    const log: string[] = [];
    let running = 0;
    for (const n of [1, 2, 3, 4, 5]) {
      await w.add(async () => {
        running++;
        expect(running).toBe(1);
        await tick();
        log.push(`w${n}`);
        running--;
      });
    }
    await w.finish();
    expect(log).toEqual(["w1", "w2", "w3", "w4", "w5"]);
  });

  it("lets the caller run ahead by at most maxQueued writes", async () => {
    const w = new BackgroundWriter(2);
    let done = 0;
    const slow = async () => {
      await tick();
      done++;
    };
    await w.add(slow);
    await w.add(slow);
    expect(done).toBe(0);
    await w.add(slow); // waits for room: the first write has finished
    expect(done).toBeGreaterThanOrEqual(1);
    await w.finish();
    expect(done).toBe(3);
  });

  it("reports the first failure and starts no later write", async () => {
    const w = new BackgroundWriter(1);
    let later = 0;
    await w.add(async () => {
      throw new Error("disk full");
    });
    await expect(
      (async () => {
        await w.add(async () => later++);
        await w.add(async () => later++);
      })(),
    ).rejects.toThrow("disk full");
    await expect(w.finish()).rejects.toThrow("disk full");
    expect(later).toBe(0);
  });
});
