import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, shadow } from './helpers.ts';

/**
 * <conv-receptive-field> numbers its levels the way the prose beside it does.
 * dilated.html's 3×3 stack follows Lin et al.'s figure in the lecture (the input
 * is layer 1: a layer-2 neuron sees 3×3 = 9 inputs, a layer-3 neuron 5×5 = 25),
 * its 1D networks the lecture's other way (input, then layers 1 and 2: a
 * layer-2 neuron sees 4). The sizes are the lecture's numbers.
 */
afterEach(cleanup);

const captions = (el: Element) => [...shadow(el).querySelectorAll('.levels .caption')].map((c) => c.textContent!.trim());
const info = (el: Element) => part(el, 'info')!.textContent!.replace(/\s+/g, ' ');

function hover(target: Element): void {
  target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
}

describe('<conv-receptive-field input-layer="1">: the input is layer 1 (dilated.html, the 3×3 stack)', () => {
  it('labels the levels layer 1 (input), 2 and 3, and the top neuron is a layer-3 neuron seeing 5 × 5 = 25', async () => {
    const el = await mount('<conv-receptive-field kernel="3x3" input="7x7" input-layer="1"></conv-receptive-field>');
    expect(captions(el)).toEqual(['input = layer 1 (7 × 7)', 'layer 2 (5 × 5)', 'layer 3 (3 × 3)']);
    expect(info(el)).toMatch(/^Neuron 5 of layer 3: receptive field 5 × 5 = 25 input positions/);
  });

  it('hovering the middle neuron of layer 2 says layer 2: receptive field 3 × 3 = 9', async () => {
    const el = await mount('<conv-receptive-field kernel="3x3" input="7x7" input-layer="1"></conv-receptive-field>');
    const grids = [...shadow(el).querySelectorAll('.grid')];
    hover(grids[1]!.querySelectorAll('span')[12]!); // the centre of the 5×5 level
    await settle(el);
    expect(info(el)).toMatch(/^Neuron 13 of layer 2: receptive field 3 × 3 = 9 input positions/);
    expect(shadow(el).querySelectorAll('.grid span.on').length).toBe(9);
  });

  it('without the attribute the input is "input" and the convolutions are layers 1 and 2 (the lecture\'s 1D networks: layer 2 sees 4)', async () => {
    const flat = await mount('<conv-receptive-field kernel="3x3" input="7x7"></conv-receptive-field>');
    expect(captions(flat)).toEqual(['input (7 × 7)', 'layer 1 (5 × 5)', 'layer 2 (3 × 3)']);
    const oneD = await mount('<conv-receptive-field kernel="2" stride="2" input="8"></conv-receptive-field>');
    expect([...shadow(oneD).querySelectorAll('svg text:not(.end)')].map((t) => t.textContent)).toEqual(['input', 'layer 1', 'layer 2']);
    expect(info(oneD)).toMatch(/of layer 2: receptive field 4 = 4 input positions/);
  });

  it('input-layer="2" is refused inline, naming the attribute, and the last good labels stay', async () => {
    const el = await mount('<conv-receptive-field kernel="3x3" input="7x7" input-layer="1"></conv-receptive-field>');
    el.setAttribute('input-layer', '2');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('input-layer');
    expect(part(el, 'error')!.textContent).toMatch(/must be 0 or 1/);
    expect(captions(el)[0]).toBe('input = layer 1 (7 × 7)');
  });
});
