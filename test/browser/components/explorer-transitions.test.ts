import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow } from './helpers.ts';

/**
 * Issue 24, "stuck state": a change that leaves another field invalid for the
 * new spec drops or clamps that field and says so (a polite status), so the
 * view, the controls and the URL always agree. One test per transition.
 */
afterEach(cleanup);

const field = (el: Element, name: string) => shadow(el).querySelector<HTMLInputElement>(`input[type="text"][name="${name}"]`)!;

/** Types a value into a field and commits it (Enter or leaving the field). */
async function commit(el: Element, name: string, value: string): Promise<void> {
  const box = field(el, name);
  await userEvent.fill(box, value);
  box.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

async function choose(el: Element, name: string, value: string): Promise<void> {
  const select = shadow(el).querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

async function toggleTransposed(el: Element): Promise<void> {
  shadow(el).querySelector<HTMLInputElement>('input[name="transposed"]')!.click();
  await settle(el);
}

const status = (el: Element) => part(el, 'status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The composed views show the explorer's own spec: every spec attribute of the matrix equals the explorer's. */
async function expectAgreement(el: Element, names: readonly string[]): Promise<void> {
  const matrix = shadow(el).querySelector('conv-matrix')!;
  await settle(matrix);
  for (const n of names) expect([n, matrix.getAttribute(n)]).toEqual([n, el.getAttribute(n)]);
  expect(part(el, 'error')).toBeNull();
}

const NAMES = ['input', 'kernel', 'stride', 'padding', 'dilation', 'output-padding', 'in-channels', 'out-channels', 'groups', 'weights', 'padding-mode'];

describe('<conv-explorer>: a change another field cannot take', () => {
  it('transposed → regular with output padding: the padding goes, the view redraws regular, the URL follows, later edits apply', async () => {
    const before = location.href;
    try {
      history.replaceState(null, '', `${location.pathname}?input=4&kernel=3&stride=2&transposed&output-padding=1`);
      const el = await mount('<conv-explorer url-state></conv-explorer>');
      expect(shadow(el).querySelector('conv-transposed')).not.toBeNull();
      await toggleTransposed(el);
      expect(part(el, 'error')).toBeNull();
      expect(el.hasAttribute('transposed')).toBe(false);
      expect(el.hasAttribute('output-padding')).toBe(false);
      expect(field(el, 'output-padding').value).toBe('');
      expect(shadow(el).querySelector<HTMLInputElement>('input[name="transposed"]')!.checked).toBe(false);
      expect(shadow(el).querySelector('conv-transposed')).toBeNull();
      expect(shadow(el).querySelector('conv-window')).not.toBeNull();
      expect(status(el)).toMatch(/output padding 1 .*only a transposed convolution/i);
      expect(part(el, 'status')!.getAttribute('role')).toBe('status');
      const q = new URLSearchParams(location.search);
      expect(q.has('transposed')).toBe(false);
      expect(q.has('output-padding')).toBe(false);
      await expectAgreement(el, NAMES);
      // a later edit applies (it used to be ignored until output padding was cleared)
      await commit(el, 'kernel', '2');
      expect(shadow(el).querySelector('conv-matrix')!.getAttribute('kernel')).toBe('2');
      expect(new URLSearchParams(location.search).get('kernel')).toBe('2');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('a smaller stride makes the output padding too large: it is clamped below max(stride, dilation)', async () => {
    const el = await mount('<conv-explorer input="4" kernel="3" stride="3" transposed output-padding="2"></conv-explorer>');
    await commit(el, 'stride', '2');
    expect(el.getAttribute('output-padding')).toBe('1');
    expect(field(el, 'output-padding').value).toBe('1');
    expect(status(el)).toMatch(/output padding .*2.*1/i);
    await expectAgreement(el, NAMES);
    await commit(el, 'stride', '1');
    expect(el.hasAttribute('output-padding')).toBe(false);
    await expectAgreement(el, NAMES);
  });

  it('a smaller dilation makes the output padding too large: clamped per axis', async () => {
    const el = await mount('<conv-explorer input="4x4" kernel="2x2" dilation="3x1" stride="1x2" transposed output-padding="2x1"></conv-explorer>');
    await commit(el, 'dilation', '2x1');
    expect(el.getAttribute('output-padding')).toBe('1x1');
    await expectAgreement(el, NAMES);
  });

  it('a smaller input (or padding) leaves the kernel larger than the padded input: the kernel is clamped to fit', async () => {
    const el = await mount('<conv-explorer input="6" kernel="5"></conv-explorer>');
    await commit(el, 'input', '3');
    expect(el.getAttribute('kernel')).toBe('3');
    expect(status(el)).toMatch(/kernel 5 .*3/i);
    await expectAgreement(el, NAMES);
    const padded = await mount('<conv-explorer input="4x4" kernel="5x3" padding="1"></conv-explorer>');
    await commit(padded, 'padding', '0');
    expect(padded.getAttribute('kernel')).toBe('4x3');
    await expectAgreement(padded, NAMES);
  });

  it('a larger dilation leaves the kernel larger than the padded input: clamped', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3"></conv-explorer>');
    await commit(el, 'dilation', '3');
    expect(el.getAttribute('kernel')).toBe('2');
    await expectAgreement(el, NAMES);
  });

  it('channels that groups no longer divides: groups falls to a common divisor', async () => {
    const el = await mount('<conv-explorer input="4" kernel="3" in-channels="4" out-channels="4" groups="4"></conv-explorer>');
    await commit(el, 'in-channels', '6');
    expect(el.getAttribute('groups')).toBe('2');
    expect(status(el)).toMatch(/groups 4 .*2/i);
    await expectAgreement(el, NAMES);
  });

  it('stride 2 with padding "same": the padding is written as the numbers it stood for', async () => {
    const el = await mount('<conv-explorer input="6" kernel="4" padding="same"></conv-explorer>');
    await commit(el, 'stride', '2');
    expect(el.getAttribute('padding')).toBe('1,2');
    expect(status(el)).toMatch(/same/);
    await expectAgreement(el, NAMES);
  });

  it('a smaller input with reflect padding: the padding is clamped to what reflect can mirror', async () => {
    const el = await mount('<conv-explorer input="6" kernel="3" padding="3" padding-mode="reflect"></conv-explorer>');
    await commit(el, 'input', '3');
    expect(el.getAttribute('padding')).toBe('2');
    await expectAgreement(el, NAMES);
  });

  it('ticking transposed with reflect padding: back to zeros, the only mode a transposed convolution has', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3" padding="1" padding-mode="reflect"></conv-explorer>');
    await toggleTransposed(el);
    expect(el.hasAttribute('transposed')).toBe(true);
    expect(el.hasAttribute('padding-mode')).toBe(false);
    expect(shadow(el).querySelector<HTMLSelectElement>('select[name="padding-mode"]')!.value).toBe('zeros');
    expect(shadow(el).querySelector('conv-transposed')).not.toBeNull();
    expect(status(el)).toMatch(/reflect/);
    await expectAgreement(el, NAMES);
  });

  it('a weight list that no longer fits the kernel: back to the default names', async () => {
    const el = await mount('<conv-explorer input="6" kernel="3" weights="x,y,z"></conv-explorer>');
    await commit(el, 'kernel', '2');
    expect(el.hasAttribute('weights')).toBe(false);
    expect(status(el)).toMatch(/x,y,z/);
    await expectAgreement(el, NAMES);
  });

  it('convolution mode is kept; choosing a mode never leaves a stale error', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3" stride="2" transposed output-padding="1"></conv-explorer>');
    await choose(el, 'mode', 'convolution');
    await toggleTransposed(el);
    expect(el.getAttribute('mode')).toBe('convolution');
    expect(el.hasAttribute('output-padding')).toBe(false);
    await expectAgreement(el, [...NAMES, 'mode']);
  });

  it('a value of the edited field itself that cannot work is explained inline; fixing another field clears it', async () => {
    const el = await mount('<conv-explorer input="6" kernel="3"></conv-explorer>');
    await commit(el, 'kernel', '9');
    expect(part(el, 'error')!.dataset.attribute).toBe('kernel');
    // nothing else was changed behind the reader's back
    expect(el.getAttribute('input')).toBe('6');
    expect(shadow(el).querySelector('conv-matrix')!.getAttribute('kernel')).toBe('3');
    await commit(el, 'input', '10');
    expect(el.getAttribute('kernel')).toBe('9');
    await expectAgreement(el, NAMES);
  });
});
