import type { FlagSpec, ParsedArgs } from './args.ts';
import { type WorkLimits, WORK_LIMITS, resolveWorkLimits, withWorkLimits } from '../work/limits.ts';

/**
 * `--max-work <factor>`, taken by every command that computes: the documented
 * work limits (src/work/limits.ts) times the factor. A request over the
 * limits is refused (exit 2) with the estimate and this way out.
 */
export const WORK_FLAG: FlagSpec = {
  name: 'max-work', kind: 'option', value: '1',
  description: `scale the work limits (default 1: ${millions(WORK_LIMITS.terms)} expanded terms, ${millions(WORK_LIMITS.entries)} matrix entries, ${millions(WORK_LIMITS.denseCells)} dense cells; about 1 GB, a few seconds)`,
};

function millions(n: number): string {
  return `${n / 1e6}M`;
}

export function workLimitsOf(args: ParsedArgs): WorkLimits {
  return resolveWorkLimits(args.options.get(WORK_FLAG.name), WORK_LIMITS, `--${WORK_FLAG.name}`);
}

/** Runs the engine part of a command under the limits its flags ask for. */
export function withWorkFlag<T>(args: ParsedArgs, fn: () => T): T {
  return withWorkLimits(workLimitsOf(args), fn);
}
