import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextTask } from './next-task.ts';

/**
 * Progressive reveal of a heavy FIRST render: while rendering, the element
 * says how many of its parts may wait (`defer(n)`) and asks `shown(k)`
 * (k = 1…n) before rendering part k. After the first render one more part is
 * shown per task, so typesetting is spread over short tasks instead of one
 * long one. `done()` resolves when every part is shown (the host's
 * updateComplete awaits it). Once all are shown, later renders show
 * everything at once and `defer` is ignored.
 */
export class RevealController implements ReactiveController {
  private parts = 0;
  private count = 0;
  private settled = false;
  private running: Promise<void> | null = null;
  private rendered: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Up to `n` parts of the first render wait for later tasks. */
  defer(n: number): void {
    if (!this.settled) this.parts = Math.max(this.parts, n);
  }

  /** True when part `k` (1-based) may be rendered. */
  shown(k: number): boolean {
    return this.settled || k <= this.count;
  }

  hostUpdated(): void {
    const rendered = this.rendered;
    this.rendered = null;
    rendered?.();
    if (this.settled) return;
    if (this.count >= this.parts) this.settled = true;
    else void this.done();
  }

  /** Resolves once every deferred part has been rendered. */
  done(): Promise<void> {
    if (this.settled) return Promise.resolve();
    this.running ??= (async () => {
      while (this.count < this.parts) {
        await nextTask();
        this.count++;
        const rendered = new Promise<void>((resolve) => (this.rendered = resolve));
        this.host.requestUpdate();
        await rendered;
      }
    })().finally(() => { this.running = null; });
    return this.running;
  }
}
