import { checkIdentity, getIdentity, isIdentityId } from '../../src/check/identities/catalogue.ts';
import type { IdentityId, IdentityReport } from '../../src/check/identities/types.ts';

/**
 * Runs identity checks off the main thread, so a heavy instance never
 * blocks the page. Messages: {kind: 'check', id, spec} → {report} or
 * {error}; {kind: 'next', id, index} → {spec} (the index-th instance).
 */
export type WorkerRequest =
  | { seq: number; kind: 'check'; id: string; spec: unknown }
  | { seq: number; kind: 'next'; id: string; index: number };

/** `stopped`: the page ended the check (cancel or timeout); `error` says why. */
export type WorkerReply = { seq: number; report?: IdentityReport; spec?: unknown; error?: string; stopped?: boolean };

function identity(id: string) {
  if (!isIdentityId(id)) throw new Error(`unknown identity ${id}`);
  return getIdentity(id as IdentityId) as unknown as {
    instances(o: { count: number; seed?: number }): Generator<unknown>;
  };
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.kind === 'check') {
      identity(m.id);
      postMessage({ seq: m.seq, report: checkIdentity(m.id as IdentityId, m.spec as never) } satisfies WorkerReply); // strict keys, as the library
    } else {
      let spec: unknown = null;
      let n = 0;
      for (const s of identity(m.id).instances({ count: m.index + 1 })) { spec = s; n++; }
      postMessage({ seq: m.seq, spec: n > m.index ? spec : null } satisfies WorkerReply);
    }
  } catch (err) {
    postMessage({ seq: m.seq, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
};
