import { describe, expect, it } from 'vitest';
import { badInputLine, convmat } from './run-cli.ts';

/** Issue 11 through the real binary: refusals name the limit, the estimate and the way out. */
describe('work limits on the command line', () => {
  it('matrix past the limits is refused with the estimate, and --max-work lets a smaller one through', async () => {
    const line = badInputLine(await convmat(['matrix', '--input', '600x600', '--kernel', '3x3']));
    expect(line).toMatch(/^convmat: work: .* needs about 6\.4 million expanded terms; the limit is 3\.0 million .*--max-work 3/);
    const tight = badInputLine(await convmat(['matrix', '--input', '64x64', '--kernel', '3x3', '--max-work', '0.001']));
    expect(tight).toMatch(/needs about [\d,]+ expanded terms; the limit is 3,000/);
    const ok = await convmat(['matrix', '--input', '64x64', '--kernel', '3x3', '--max-work', '1']);
    expect(ok.code).toBe(0);
    expect(badInputLine(await convmat(['matrix', '--input', '6', '--kernel', '3', '--max-work', 'lots']))).toMatch(/^convmat: --max-work: must be a factor/);
  });

  it('eval judges all cases together and refuses overflow naming the case and entry', async () => {
    const grid = (n: number) => Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
    const one = { input: [grid(400)], weight: [[grid(3)]] };
    expect((await convmat(['eval'], JSON.stringify(one))).code).toBe(0);
    expect(badInputLine(await convmat(['eval'], JSON.stringify([one, one])))).toMatch(/first 2 cases together needs about 5\.7 million/);
    const overflow = badInputLine(await convmat(['eval'], JSON.stringify([{ input: [[1]], weight: [[[1]]] }, { input: [[1e200]], weight: [[[1e200]]] }])));
    expect(overflow).toMatch(/^convmat: \[1\]\.output\[0\]\[0\]: is Infinity/);
  });

  it('nesting deeper than any layout is refused before it is read', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    expect(badInputLine(await convmat(['matrix', '--input', '6', '--kernel', '3', '--weights', deep]))).toMatch(/^convmat: --weights: is nested more than 5 levels deep/);
    expect(badInputLine(await convmat(['eval'], deep))).toMatch(/^convmat: stdin: is nested more than 7 levels deep/);
    expect(badInputLine(await convmat(['check', 'matrix-equals-sliding-window', '--spec', `{"input":6,"kernel":3,"weights":${deep}}`]))).toMatch(/^convmat: --spec: is nested/);
  });

  it('names SymPy reads otherwise, names that typeset alike, and control characters', async () => {
    expect(badInputLine(await convmat(['matrix', '--input', '6', '--kernel', '3', '--weights', 'a,zeta,b']))).toMatch(/^convmat: --weights\[1\]: is reserved/);
    expect(badInputLine(await convmat(['matrix', '--input', '6', '--kernel', '3', '--weights', 'w1,w_1,w__1']))).toMatch(/^convmat: --weights: typesets like w1/);
    expect(badInputLine(await convmat(['matrix', '--input', '6', '--kernel', '3', '--inputs', 'w_']))).toMatch(/^convmat: --inputs: typesets like w1 in weights/);
    const ctl = badInputLine(await convmat(['matrix', '--input', '6', '--kernel', '3', '--mode', 'x\u001b[31my\u202e']));
    expect(ctl).toContain('\\u001b[31my\\u202e');
    expect(ctl).not.toMatch(/[\u001b\u202e]/);
  });

  it('messages name the field with the wrong number of axes, once', async () => {
    expect(badInputLine(await convmat(['matrix', '--input', '5x5', '--kernel', '3x3x3']))).toBe(
      'convmat: --kernel: has 3 values (3x3x3) but needs 1 or 2, one per spatial axis. the input has 2 spatial axes',
    );
    const entries = badInputLine(await convmat(['matrix', '--input', '1', '--kernel', '1', '--weights', '1,2']));
    expect(entries).toMatch(/needs 1 entry in shape/);
    expect(entries).not.toMatch(/\(got /);
  });
});
