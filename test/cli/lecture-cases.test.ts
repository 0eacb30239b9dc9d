import { describe, expect, it } from 'vitest';
import { lectureCases } from '../cases.ts';
import { readSum } from '../polynomial-text.ts';
import { specFlags } from '../spec-text.ts';
import { convmat } from './run-cli.ts';

/** Every example of the lecture's case table, spelled as CLI flags and run through the real binary. */
describe.concurrent('lecture cases through `convmat matrix --json`', { timeout: 120_000 }, () => {
  for (const c of lectureCases) {
    it(`${c.id}: ${c.title}`, async () => {
      const r = await convmat(['matrix', ...specFlags(c.spec), '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      const e = c.expected;
      expect(j.equal).toBe(true);
      if (e.shape) expect(j.shape).toEqual(e.shape);
      if (e.matrix) expect(j.matrix).toEqual(e.matrix);
      if (e.outputNames) expect(j.outputNames).toEqual(e.outputNames);
      if (e.nonzeros !== undefined) expect(j.entries).toHaveLength(e.nonzeros);
      if (e.values) expect(j.product.map(Number)).toEqual(e.values);
      if (e.product) {
        e.product.forEach((p, i) => expect(readSum(j.product[i]), `${j.product[i]} vs ${p}`).toEqualPolynomial(readSum(p)));
        // the printed text follows the lecture's term order too
        expect(j.product.slice(0, e.product.length)).toEqual(e.product);
      }
      if (e.output) expect(j.product).toHaveLength(e.output.reduce((a, b) => a * b, 1));
    });
  }
});
