import { LimitError } from '../errors.ts';

/**
 * What `convmat eval` reads from stdin, bounded before anything is parsed:
 * the bytes (checked while reading, so an endless stream stops at once) and
 * the number of cases (counted from the top-level commas before JSON.parse).
 * An eval input of the largest size the work limits accept (a 3D input of
 * 64×64×64 samples written with 17 digits each) is about 5 MB.
 */
export const STDIN_LIMITS = Object.freeze({ bytes: 16 * 1024 * 1024, cases: 10_000 });

export function stdinTooLarge(maxBytes: number): LimitError {
  return new LimitError({
    field: 'stdin', value: undefined,
    rule: `is larger than ${maxBytes.toLocaleString('en-US')} bytes, the most convmat eval reads`,
    fix: 'split the cases over several runs',
  });
}

export function tooManyCases(count: number, max: number): LimitError {
  return new LimitError({
    field: 'stdin', value: undefined,
    rule: `holds ${count > max ? `more than ${max.toLocaleString('en-US')}` : count} cases; convmat eval takes at most ${max.toLocaleString('en-US')} cases per run`,
    fix: 'split the cases over several runs',
  });
}

/** Text without a leading UTF-8 byte-order mark (editors on Windows write one). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
