import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LazyPart } from '../lazy-part.ts';

/**
 * The chunks an element needs before its first render (KaTeX, its
 * stylesheet, the engine code behind a view), kept out of the embed bundle's
 * start. `load()` fetches every part that is missing and never rejects: a
 * part that failed is `error` until a later `load()` fetches it (the host
 * calls `load()` again on its next update while `ready` is false).
 * `onLoaded` runs once all parts are there (e.g. adopting KaTeX's stylesheet).
 */
export class LazyPartsController implements ReactiveController {
  private failure: unknown = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly parts: () => readonly LazyPart<unknown>[],
    private readonly onLoaded: () => void = () => {},
  ) {
    host.addController(this);
  }

  /** Nothing to do on connect: the host calls `load()` from its first update. */
  hostConnected(): void {}

  get ready(): boolean {
    return this.parts().every((p) => p.ready);
  }

  /** The failure of the last load, or null. */
  get error(): unknown {
    return this.failure;
  }

  /** Loads the missing parts; resolves (never rejects) once they are there or one failed. */
  async load(): Promise<void> {
    try {
      if (!this.ready) await Promise.all(this.parts().map((p) => p.load()));
      this.failure = null;
      this.onLoaded();
    } catch (e) {
      this.failure = e;
    }
  }
}
