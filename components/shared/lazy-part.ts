/**
 * A module an element needs only once it has data (KaTeX, its stylesheet, the
 * engine code behind a derivation or an image), kept out of the embed
 * bundle's start: `import()` makes it a chunk of its own, fetched by the
 * first element that asks for it and shared by every element after.
 * ConvElement awaits an element's parts (`static lazyParts`) before its first
 * render; from then on `get()` hands the module over synchronously.
 */
export class LazyPart<M> {
  private module: M | null = null;
  private loading: Promise<M> | null = null;

  constructor(private readonly what: string, private readonly importer: () => Promise<M>) {}

  /** Fetches the module once; every later call returns the same promise (a failed fetch may be tried again). */
  load(): Promise<M> {
    this.loading ??= this.importer().then(
      (m) => (this.module = m),
      (e: unknown) => { this.loading = null; throw e; },
    );
    return this.loading;
  }

  get ready(): boolean {
    return this.module !== null;
  }

  /** The loaded module; throws when called before `load()` resolved. */
  get(): M {
    if (this.module === null) throw new Error(`${this.what} is not loaded yet (await its load())`);
    return this.module;
  }
}
