/**
 * Puts the live elements in place of their static fallbacks, one per task:
 * each element renders (KaTeX included) in its own task, so the page never
 * blocks for long while a dozen matrices typeset. Slots in view go first.
 * When all are in, `<html data-hydrated>` is set (the crawl test waits for it).
 */
function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
}

function activate(slot: HTMLElement): void {
  const tpl = slot.querySelector(':scope > template');
  if (!(tpl instanceof HTMLTemplateElement)) return;
  const live = document.importNode(tpl.content, true);
  slot.querySelector(':scope > .fallback')?.remove();
  tpl.remove();
  slot.append(live);
  slot.classList.add('is-live');
}

export async function hydrate(doc: Document = document): Promise<void> {
  const slots = [...doc.querySelectorAll<HTMLElement>('.live')];
  const first = slots.filter(inView);
  const rest = slots.filter((s) => !first.includes(s));
  for (const slot of [...first, ...rest]) {
    await nextTask();
    const t0 = performance.now();
    activate(slot);
    const el = slot.lastElementChild as (Element & { updateComplete?: Promise<unknown> }) | null;
    await el?.updateComplete;
    performance.measure(`convmat ${slot.dataset.tag ?? ''} ${slot.id || ''}`.trim(), { start: t0, detail: el?.outerHTML.slice(0, 200) });
  }
  if (doc.querySelector('.identity-live')) {
    const { mountIdentityPanels } = await import('./identity-panel.ts');
    await mountIdentityPanels(doc);
  }
  await nextTask();
  doc.documentElement.dataset.hydrated = String(slots.length);
}
