/**
 * A run of generated names, held as its rule instead of its strings: a stem,
 * the form of the index after it, and the ranges. A 64×64 input names 4,096
 * symbols and its output 3,844 more; the checks on names (distinct, a free
 * letter for the outputs) read the rule, and a name is written only when a
 * printer asks for it (`at`). Forms, with channel c and position i (1-based):
 *   flat     stem + i           z7, ztilde3 (single channel)
 *   channel  stem + c + _ + i   y2_3, ztilde2_3 (outputs of several channels)
 *   tensor   stem _ c _ i       z_2_3 (inputs of several channels)
 */
export type FamilyForm = 'flat' | 'channel' | 'tensor';

export class NameFamily {
  readonly length: number;
  private names: string[] | undefined;

  /** `count` positions per channel, numbered from `first`; flat families have one channel. */
  constructor(
    readonly stem: string, readonly form: FamilyForm,
    readonly channels: number, readonly count: number, readonly first: number,
  ) {
    this.length = channels * count;
  }

  /** Name i, row-major over (channel, position). */
  at(i: number): string {
    const c = Math.floor(i / this.count) + 1, k = (i % this.count) + this.first;
    if (this.form === 'flat') return this.stem + k;
    return this.form === 'channel' ? `${this.stem}${c}_${k}` : `${this.stem}_${c}_${k}`;
  }

  /** Every name, made once and kept. */
  all(): readonly string[] {
    if (!this.names) {
      const names: string[] = new Array(this.length);
      for (let i = 0; i < this.length; i++) names[i] = this.at(i);
      this.names = names;
    }
    return this.names;
  }

  /** Whether `name` is one of this family's. */
  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }

  /** The index of `name` in the family (as `at` counts), or −1. */
  indexOf(name: string): number {
    if (!name.startsWith(this.stem)) return -1;
    const m = FORMS[this.form].exec(name.slice(this.stem.length));
    if (!m) return -1;
    const k = Number(m[m.length - 1]), c = m.length > 2 ? Number(m[1]) : 1;
    return c <= this.channels && k >= this.first && k < this.first + this.count ? (c - 1) * this.count + k - this.first : -1;
  }

  /** Whether the two families share a name. */
  meets(other: NameFamily): boolean {
    const a: NameFamily = this, b = other;
    if (a.stem === b.stem) {
      // the three forms' index patterns never match the same text
      if (a.form !== b.form || a.length === 0 || b.length === 0) return false;
      return a.first < b.first + b.count && b.first < a.first + a.count;
    }
    if (!a.stem.startsWith(b.stem) && !b.stem.startsWith(a.stem)) return false; // a shared name would start with both stems
    const [small, large] = a.length <= b.length ? [a, b] : [b, a];
    for (let i = 0; i < small.length; i++) if (large.has(small.at(i))) return true;
    return false;
  }
}

/** An index written without leading zeros, as `at` writes it. */
const FORMS: Record<FamilyForm, RegExp> = {
  flat: /^(0|[1-9]\d*)$/,
  channel: /^([1-9]\d*)_(0|[1-9]\d*)$/,
  tensor: /^_([1-9]\d*)_(0|[1-9]\d*)$/,
};

/** The names of a spec's weights and inputs: listed names, and families read by their rule. */
export class TakenNames {
  constructor(readonly names: ReadonlySet<string>, readonly families: readonly NameFamily[]) {}

  /** Whether any of these names is one of `family`'s. */
  meets(family: NameFamily): boolean {
    for (const n of this.names) if (family.has(n)) return true;
    return this.families.some((f) => f.meets(family));
  }
}
