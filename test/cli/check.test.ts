import { describe, expect, it } from 'vitest';
import { badInputLine, convmat } from './run-cli.ts';

/** `convmat check`: the identities catalogue from a terminal, through the real binary; exit 1 is a real failed check. */
describe('convmat check', { timeout: 20_000 }, () => {
  it('--help lists every identity and the exit codes', async () => {
    const r = await convmat(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: convmat check <identity>/);
    expect(r.stdout).toMatch(/receptive-field-closed-form/);
    expect(r.stdout).toMatch(/Exit codes: 0 .* 1 /s);
  });

  it('exits 0 when the identity holds, and prints the report', async () => {
    const r = await convmat(['check', 'transposed-adjoint', '--input', '5x5', '--kernel', '3x3', '--stride', '2', '--padding', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^transposed-adjoint holds\n/);
  });

  it('exits 1 when it does not hold, naming the counterexample (output padding off by one)', async () => {
    const r = await convmat(['check', 'shape-round-trip', '--input', '6', '--kernel', '3', '--stride', '2', '--padding', '1', '--output-padding', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/does not hold/);
    expect(r.stdout).toMatch(/left:\s+6\n\s+right:\s+5/);
    expect(r.stderr).toBe('');
  });

  it('--json prints the one report shape: holds, summary, comparisons, differences (both sides and their difference), facts', async () => {
    const r = await convmat(['check', 'shape-round-trip', '--json', '--input', '6', '--kernel', '3', '--stride', '2', '--padding', '1', '--output-padding', '0']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(['comparisons', 'differences', 'facts', 'holds', 'id', 'summary']);
    expect(report).toMatchObject({ id: 'shape-round-trip', holds: false, facts: { restoringOutputPadding: [1] } });
    expect(report.differences).toEqual([{ comparison: 'input shape = transposed output shape', index: 1, name: 'axis 0', left: '6', right: '5', difference: '1' }]);
    expect(report.comparisons).toMatchObject([{ equal: false, compared: 2, mismatchCount: 1 }]) // channels and axis 0;
  });

  it('takes a whole identity spec as --spec JSON, and --json prints the report object', async () => {
    const sobel = await convmat(['check', 'rank1-separable', '--json', '--spec', JSON.stringify({ input: [5, 5], kernel: [3, 3], weights: [[1, 0, -1], [2, 0, -2], [1, 0, -1]] })]);
    expect(sobel.code).toBe(0);
    const report = JSON.parse(sobel.stdout) as { holds: boolean; facts: Record<string, unknown> };
    expect(report.holds).toBe(true);
    expect(report.facts.separableMultiplications).toBe(72);
    const rank2 = await convmat(['check', 'rank1-separable', '--spec', JSON.stringify({ input: [5, 5], kernel: [3, 3], weights: [[0, 1, 2], [2, 2, 0], [0, 1, 2]] })]);
    expect(rank2.code).toBe(1);
    expect(rank2.stdout).toMatch(/rank ≥ 2/);
  }, 30_000);

  it.each([
    [['check'], /identity: is required/],
    [['check', 'transposed-adjunct'], /identity: is not a catalogued identity/],
    [['check', 'transposed-adjoint', '--spec', '{'], /--spec: is not valid JSON/],
    [['check', 'transposed-adjoint', '--spec', '{"input":6,"kernel":3}', '--input', '6'], /--spec: goes alone/],
    [['check', 'transposed-adjoint', '--input', '4', '--kernel', '3', '--dilation', '2'], /--kernel: .*spans 5 but the padded input has 4/],
  ])('bad input %j exits 2 with one line', async (args, message) => {
    expect(badInputLine(await convmat(args))).toMatch(message);
  });
});
