import { describe, expect, it } from 'vitest';
import { LazyPart } from '../../components/shared/lazy-part.ts';

/** A lazy part fetches its chunk once, hands it over synchronously after, and tries again after a failed fetch. */
describe('LazyPart', () => {
  it('imports once however many elements ask, and is synchronous after', async () => {
    let calls = 0;
    const part = new LazyPart('the test engine', async () => { calls++; return { answer: 42 }; });
    expect(part.ready).toBe(false);
    expect(() => part.get()).toThrow(/the test engine is not loaded yet/);
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(part.ready).toBe(true);
    expect(part.get().answer).toBe(42);
    await part.load();
    expect(calls).toBe(1);
  });

  it('rejects when the fetch fails, stays not ready, and fetches again on the next load', async () => {
    let calls = 0;
    const part = new LazyPart('a flaky chunk', async () => {
      calls++;
      if (calls === 1) throw new Error('network down');
      return { ok: true };
    });
    await expect(part.load()).rejects.toThrow('network down');
    expect(part.ready).toBe(false);
    expect((await part.load()).ok).toBe(true);
    expect(calls).toBe(2);
    expect(part.ready).toBe(true);
  });
});
