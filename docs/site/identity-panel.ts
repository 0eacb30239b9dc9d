import type { IdentityReport } from '../../src/check/identities/types.ts';
import type { WorkerReply, WorkerRequest } from './identity-worker.ts';

/**
 * The live part of each identity on the Identities page: the check of the
 * lecture's instance, and a form to check any other spec (JSON, as the
 * library takes it) or to draw the next valid instance. Checks run in a
 * worker; the verdict carries part="verdict" and data-verdict like the elements'.
 */
type Request = { kind: 'check'; id: string; spec: unknown } | { kind: 'next'; id: string; index: number };

/** How long a check may run before it is stopped (the worker is ended and a fresh one starts next time). */
export const CHECK_TIMEOUT_MS = 15_000;

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, (r: WorkerReply) => void>();

/** Ends the worker and answers every open request with `reason` (cancel, timeout). */
function stopAll(reason: string): void {
  worker?.terminate();
  worker = null;
  for (const [id, resolve] of pending) resolve({ seq: id, error: reason, stopped: true });
  pending.clear();
}

function ask(req: Request, timeoutMs: number): Promise<WorkerReply> {
  worker ??= new Worker(new URL('./identity-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<WorkerReply>) => { pending.get(e.data.seq)?.(e.data); pending.delete(e.data.seq); };
  const id = ++seq;
  return new Promise((resolve) => {
    const timer = setTimeout(() => stopAll(`stopped after ${timeoutMs / 1000} s; try a smaller spec`), timeoutMs);
    pending.set(id, (r) => { clearTimeout(timer); resolve(r); });
    worker!.postMessage({ ...req, seq: id } as WorkerRequest);
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

function factText(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function showReport(out: HTMLElement, r: WorkerReply): void {
  out.replaceChildren();
  if (r.stopped) {
    out.append(el('p', { className: 'identity-stopped', role: 'status' } as Partial<HTMLParagraphElement>, `Check stopped: ${r.error}.`));
    return;
  }
  if (r.error || !r.report) {
    out.append(el('p', { className: 'identity-error', role: 'alert' } as Partial<HTMLParagraphElement>, `Invalid spec: ${r.error ?? 'no report'}`));
    return;
  }
  const rep: IdentityReport = r.report;
  const verdict = el('p', { className: 'identity-verdict' }, `${rep.holds ? '✓' : '✗'} ${rep.summary}`);
  verdict.setAttribute('part', 'verdict');
  verdict.dataset.verdict = rep.holds ? 'pass' : 'fail';
  out.append(verdict);
  if (rep.differences.length) {
    const items = rep.differences.map((d) => el('li', {}, `${d.name}: ${d.left} ≠ ${d.right} (difference ${d.difference})`));
    const all = rep.comparisons.find((c) => !c.equal)?.mismatchCount ?? items.length;
    const more = all > items.length ? `, the first ${items.length} of ${all}` : '';
    out.append(el('p', {}, `Differing entries (${rep.differences[0]!.comparison}${more}):`), el('ul', {}, ...items));
  } else if (rep.reason) out.append(el('p', {}, rep.reason));
  const facts = Object.entries(rep.facts);
  if (facts.length) {
    const rows = facts.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, factText(v))));
    out.append(el('div', { className: 'table-wrap' }, el('table', {}, el('caption', {}, 'Facts'), el('tbody', {}, ...rows))));
  }
}

async function mount(host: HTMLElement, timeoutMs: number): Promise<void> {
  const id = host.dataset.identity!;
  const spec = host.dataset.spec ?? '{}';
  const area = el('textarea', { rows: 3, spellcheck: false, value: JSON.stringify(JSON.parse(spec)) });
  area.setAttribute('aria-label', `Spec for ${id} (JSON)`);
  const out = el('div', { className: 'identity-result' });
  out.setAttribute('aria-live', 'polite');
  const check = el('button', { type: 'button' }, 'Check');
  const next = el('button', { type: 'button' }, 'Next instance');
  const cancel = el('button', { type: 'button', className: 'identity-cancel', hidden: true }, 'Cancel');
  let index = 0;
  /** Runs one request with the buttons showing that it runs and how to stop it. */
  const busy = async (req: Request): Promise<WorkerReply> => {
    check.disabled = next.disabled = true;
    cancel.hidden = false;
    out.setAttribute('aria-busy', 'true');
    try {
      return await ask(req, timeoutMs);
    } finally {
      check.disabled = next.disabled = false;
      cancel.hidden = true;
      out.removeAttribute('aria-busy');
    }
  };
  const run = async () => {
    let value: unknown;
    try { value = JSON.parse(area.value); } catch { showReport(out, { seq: 0, error: 'the spec is not valid JSON' }); return; }
    showReport(out, await busy({ kind: 'check', id, spec: value }));
  };
  cancel.addEventListener('click', () => stopAll('cancelled'));
  check.addEventListener('click', () => { void run(); });
  next.addEventListener('click', async () => {
    index++;
    const r = await busy({ kind: 'next', id, index });
    if (r.error) { showReport(out, r); return; }
    if (r.spec == null) { index = -1; return; }
    area.value = JSON.stringify(r.spec);
    await run();
  });
  const form = el('form', { className: 'identity-form' }, area, el('div', { className: 'buttons' }, check, next, cancel));
  form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
  host.querySelector(':scope > .fallback')?.remove();
  host.append(el('p', { className: 'identity-label' }, 'Live check of the lecture’s instance; edit the spec to try others:'), form, out);
  await run();
}

export async function mountIdentityPanels(doc: Document = document, timeoutMs = CHECK_TIMEOUT_MS): Promise<void> {
  await Promise.all([...doc.querySelectorAll<HTMLElement>('.identity-live[data-identity]')].map((h) => mount(h, timeoutMs)));
}
