import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { expressionParser } from '../spec-from-attributes.ts';
import { nextTask } from './next-task.ts';

export interface SpecViewOptions<V> {
  /** the host's properties whose change recomputes the view (read from the host by name) */
  keys: readonly string[];
  /** turns the host's attributes into a spec and asks src/view for its view; throws a ConvmatError on bad input */
  compute: () => V;
  /** called with each view accepted (to fire `spec-change`, clamp a step…) */
  accepted?: (view: V) => void;
  /** false while the code `compute` calls is not loaded (see LazyPartsController): nothing is computed meanwhile */
  ready?: () => boolean;
  /** true when `compute` needs the expression parser (mathjs), which is loaded first */
  needsParser?: () => boolean;
}

/**
 * Attributes → spec → view. Before each update of the host it recomputes the
 * view when one of `keys` changed since the last computation. A computation
 * that throws keeps the last good view and records the error, which the host
 * shows inline (part="error"); the next good one clears it. Nothing of this
 * state is written by anyone else.
 */
export class SpecViewController<V> implements ReactiveController {
  private current: V | null = null;
  private failure: unknown = null;
  private seen: readonly unknown[] | null = null;

  constructor(private readonly host: ReactiveControllerHost & object, private readonly options: SpecViewOptions<V>) {
    host.addController(this);
  }

  /** The last good view, or null before the first. */
  get view(): V | null {
    return this.current;
  }

  /** Why the last computation failed, or null. */
  get error(): unknown {
    return this.failure;
  }

  hostUpdate(): void {
    if (this.stale()) this.compute();
  }

  /**
   * Computes the view now when it is due, and resolves in the next task: the
   * host's first update computes (the engine's work) in one task and renders
   * (KaTeX and the DOM) in the next, so neither blocks for long.
   */
  computeAhead(): Promise<void> | null {
    if (!this.stale()) return null;
    this.compute();
    return nextTask();
  }

  /** Computes the view again (an input outside `keys` arrived) and updates the host. */
  refresh(): void {
    this.compute();
    this.host.requestUpdate();
  }

  /** Records a failure of work the view started later (a deferred check), and updates the host. */
  fail(e: unknown): void {
    this.failure = e;
    this.host.requestUpdate();
  }

  private snapshot(): unknown[] {
    const h = this.host as Record<string, unknown>;
    return this.options.keys.map((k) => h[k]);
  }

  private stale(): boolean {
    if (this.options.ready && !this.options.ready()) return false;
    const now = this.snapshot();
    return this.seen === null || now.some((v, i) => v !== this.seen![i]);
  }

  private compute(): void {
    this.seen = this.snapshot();
    try {
      if (this.options.needsParser?.() && !expressionParser.ready) {
        expressionParser.load().then(() => this.refresh(), (e: unknown) => this.fail(e));
        return;
      }
      const view = this.options.compute();
      this.current = view;
      this.failure = null;
      this.options.accepted?.(view);
    } catch (e) {
      this.failure = e;
    }
  }
}
