import { noChange, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { nextFrame } from './next-task.ts';

/**
 * Progressive reveal of a heavy render: while rendering, the element says how
 * many of its parts may wait (`defer(n)`) and asks `shown(k)` (k = 1…n), or
 * `part(k, …)`, before rendering part k. After the first render one more part
 * is shown per frame, so typesetting, style and layout are spread over short
 * tasks instead of one long one. `done()` resolves when every part is shown (the host's
 * updateComplete awaits it). Once all are shown, later renders show
 * everything at once and `defer` is ignored, until `again(from)`: a new view
 * (another spec) redraws parts before `from` in the frame of the change and
 * the later ones in the tasks after it, each keeping its last drawing until
 * then, so the frame that answers an attribute change carries only its first parts.
 */
export class RevealController implements ReactiveController {
  private parts = 0;
  private count = 0;
  private settled = false;
  private running: Promise<void> | null = null;
  private rendered: (() => void) | null = null;
  /** the parts the last render drew (content or kept), and those this render draws */
  private before = new Set<number>();
  private now = new Set<number>();

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

  /**
   * Part `k`: `make()` once it may be rendered; until then its last drawing
   * stays (lit's noChange) when the last render drew it, else `placeholder`.
   */
  part<T, P>(k: number, make: () => T, placeholder: P): T | P | typeof noChange {
    if (this.shown(k)) { this.now.add(k); return make(); }
    if (this.before.has(k)) { this.now.add(k); return noChange; }
    return placeholder;
  }

  /** A new view replaces a drawn one: parts from `from` on are redrawn in the tasks after this render (nothing to do before the first render ends). */
  again(from: number): void {
    if (!this.settled || this.parts < from) return;
    this.settled = false;
    this.count = from - 1;
  }

  hostUpdate(): void {
    this.before = this.now;
    this.now = new Set();
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
        // a frame between parts: each part is styled and laid out on its own, not all in the frame after the last
        await nextFrame();
        this.count++;
        const rendered = new Promise<void>((resolve) => (this.rendered = resolve));
        this.host.requestUpdate();
        await rendered;
      }
    })().finally(() => { this.running = null; });
    return this.running;
  }
}
