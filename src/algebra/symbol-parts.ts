import { assertIdentifier, nameParts } from './symbols.ts';

/**
 * A symbol as structure: what every printer reads (LaTeX `\tilde{z}_{1}`,
 * the elements' light HTML, SVG, text `z̃1`), so nothing parses printed
 * output back. Read from an identifier once, here:
 * - `w1` → base w, index [1]; `z_2_3` → z, [2, 3]; `foo` → foo;
 * - an accent spelled SymPy's way on a letter or Greek name: `ztilde1` → z̃ with index [1];
 * - a channel superscript: `w1_2` → w, channel 1, index [2] (w^{(1)}_{2}).
 */
export type Accent = 'tilde' | 'hat' | 'bar';

export interface SymbolParts {
  /** the identifier itself (what text and JSON print) */
  readonly name: string;
  /** the letters: `z`, `foo`, or a Greek letter's name (`delta`) */
  readonly base: string;
  readonly accent?: Accent;
  /** a channel written as a superscript in parentheses */
  readonly channel?: string;
  /** subscripts, in order (digits, or identifier parts) */
  readonly index: readonly string[];
}

/** Lower-case Greek letters by name, typeset as the letter (as SymPy prints them). */
export const GREEK: ReadonlySet<string> = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega']);

const CHANNEL = /^([A-Za-z]+)(\d+)_(\d+)$/;
const ACCENTED = /^([A-Za-z]|[a-z]{2,7})(tilde|hat|bar)$/;

const cache = new Map<string, SymbolParts>();

/** The parts of an identifier; throws for anything that is not one. */
export function symbolParts(name: string): SymbolParts {
  const hit = cache.get(name);
  if (hit) return hit;
  assertIdentifier(name, 'symbol');
  const channel = CHANNEL.exec(name);
  const { head, subs } = channel ? { head: channel[1]!, subs: [channel[3]!] } : nameParts(name);
  const accent = ACCENTED.exec(head);
  const accented = accent && (accent[1]!.length === 1 || GREEK.has(accent[1]!));
  const parts: SymbolParts = {
    name,
    base: accented ? accent[1]! : head,
    ...(accented ? { accent: accent[2] as Accent } : {}),
    ...(channel ? { channel: channel[2]! } : {}),
    index: subs,
  };
  if (cache.size > 4096) cache.clear();
  cache.set(name, parts);
  return parts;
}
