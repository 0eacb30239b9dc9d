import { describe, expect, it } from 'vitest';
import { ALPHABET, ALPHABET_AS_PRINTED, generateOneHot, oneHot } from '../../docs/build/gen-one-hot.ts';

describe('the one-hot alphabet of the text example (Zhang, Zhao and LeCun, 2015)', () => {
  it('has one channel per distinct character, and the page says how many', () => {
    expect(new Set(ALPHABET).size).toBe(ALPHABET.length);
    expect(ALPHABET_AS_PRINTED).toHaveLength(70);
    expect(ALPHABET).toHaveLength(69);
    const html = generateOneHot();
    expect(html).toContain('lists 70 characters');
    expect(html).toContain('69 distinct characters');
    expect(html).not.toMatch(/alphabet has 70/);
  });

  it('every character is one-hot: exactly one channel is 1 ("-" included)', () => {
    const text = [...'dummy-review'];
    const m = oneHot(text.join(''), text.length);
    text.forEach((ch, t) => {
      const ones = m.filter((row) => row[t] === 1).length;
      expect(ones, `"${ch}"`).toBe(ch === ' ' ? 0 : 1);
    });
    expect(m[ALPHABET.indexOf('d')]![0]).toBe(1);
    expect(ALPHABET.indexOf('d')).toBe(3); // the lecture: d is the 4th position
  });
});
