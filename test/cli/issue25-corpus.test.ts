import { cpus, loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { type MeasuredStdin, runMeasured } from './hostile/run-measured.ts';

/**
 * Every CLI case of issue 25 through the real binary (bin/convmat.js), each
 * answered (exit 0) or refused (exit 2, one line naming the limit or the
 * field), within 1 GB of resident memory. The 10 s is a hang guard, not a
 * benchmark: it is stretched by the machine's load (load average per core),
 * so a busy shared machine does not make it flaky, while a hang (the old
 * `eval < /dev/zero` ran for 25 s and 9 GB; the old html of nine
 * (a+b+c+d+f)^8 weights for 34 s and 4 GB) still fails.
 */
const LIMIT_KIB = 1024 * 1024;
const guardMs = () => 10_000 * Math.max(1, loadavg()[0]! / cpus().length);

interface Case {
  name: string;
  args: string[];
  stdin?: MeasuredStdin;
  /** 0 answered, 2 refused */
  exit: 0 | 2;
  /** what stderr (on 2) or stdout (on 0) must say */
  says?: RegExp;
  /** what stderr must not say */
  not?: RegExp;
}

const trivial = '{"input":[[1]],"weight":[[[1]]]}';
const cases = (n: number) => `[${Array.from({ length: n }, () => trivial).join(',')}]`;
const POWER = '(a+b+c+d+f)^8';
const stride2 = Array.from({ length: 60 }, () => '2').join(',');

const CASES: Case[] = [
  // §1 exactness
  { name: 'eval 1.234567e21 + 1 − 1.234567e21 is exactly 1', args: ['eval'], stdin: '{"op":"conv","input":[[1.234567e21,1,-1.234567e21]],"weight":[[[1,1,1]]],"stride":1,"padding":0,"dilation":1,"groups":1}', exit: 0, says: /"output":\[\[1\]\]/ },
  { name: 'matrix --weights 9.1e15,1,1 is exact', args: ['matrix', '--input', '4', '--kernel', '3', '--weights', '9.1e15,1,1', '--json'], exit: 0, says: /"9100000000000000\*z1 \+ z2 \+ z3"/ },
  // §3 bounded work
  { name: 'eval with 300,000 trivial cases', args: ['eval'], stdin: cases(300_000), exit: 2, says: /stdin: holds more than 10,000 cases; convmat eval takes at most 10,000/ },
  { name: 'eval with 1M cases', args: ['eval'], stdin: cases(1_000_000), exit: 2, says: /stdin: is larger than 16,777,216 bytes/ },
  { name: 'eval < /dev/zero', args: ['eval'], stdin: { file: '/dev/zero' }, exit: 2, says: /stdin: is larger than 16,777,216 bytes/ },
  { name: 'explain matrix html with nine (a+b+c+d+f)^8 weights', args: ['explain', 'matrix', '--input', '6x6', '--kernel', '3x3', '--format', 'html', '--weights', Array(9).fill(POWER).join(',')], exit: 2, says: /typesetting: .* characters of LaTeX; KaTeX typesets at most 100,000/ },
  { name: 'explain window 9×9 html', args: ['explain', 'window', '--input', '9x9', '--kernel', '3x3', '--format', 'html'], exit: 2, says: /typesetting: the html of this window derivation is [\d,]+ characters of LaTeX/ },
  { name: 'matrix 1D 500,000 --json', args: ['matrix', '--input', '500000', '--kernel', '3', '--json'], exit: 0 },
  { name: 'matrix 1D 500,000 reflect --json', args: ['matrix', '--input', '500000', '--kernel', '3', '--padding', '1', '--padding-mode', 'reflect', '--json'], exit: 0 },
  { name: 'matrix 1D 500,000 transposed --json', args: ['matrix', '--input', '500000', '--kernel', '3', '--transposed', '--json'], exit: 0 },
  { name: 'matrix 1D 500,000 im2col --json', args: ['matrix', '--input', '500000', '--kernel', '3', '--form', 'im2col', '--json'], exit: 2, says: /work: .*needs about 6\.0 million expanded terms/ },
  // §4 strict values
  { name: '--padding-mode Reflect', args: ['matrix', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'Reflect'], exit: 2, says: /--padding-mode: must be one of zeros, reflect/ },
  { name: "--padding-mode ''", args: ['matrix', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', ''], exit: 2, says: /--padding-mode: must be one of/ },
  { name: "--mode ''", args: ['matrix', '--input', '5', '--kernel', '3', '--mode', ''], exit: 2, says: /--mode: expected correlation or convolution/ },
  ...['""', 'null', '"Reflect"'].map((v): Case => ({ name: `eval padding_mode ${v}`, args: ['eval'], stdin: `{"input":[[1,2,3]],"weight":[[[1,1]]],"padding":1,"padding_mode":${v}}`, exit: 2, says: /padding_mode: must be one of/ })),
  // §4 identity exit codes
  { name: 'check transposed-adjoint with reflect padding', args: ['check', 'transposed-adjoint', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'reflect'], exit: 2, says: /--padding-mode: transposed-adjoint needs zeros padding/ },
  { name: 'check input-gradient-is-transposed with circular padding', args: ['check', 'input-gradient-is-transposed', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'circular'], exit: 2, says: /--padding-mode: input-gradient-is-transposed needs zeros padding/ },
  // §4 messages
  { name: 'a 5,000-character flag name', args: ['matrix', `--${'x'.repeat(5000)}`, '1'], exit: 2, says: /^convmat: --x{50,60}\.\.\.: is not an option of convmat matrix/ },
  { name: 'a huge number in --spec', args: ['check', 'transposed-adjoint', '--spec', '{"input":1e400,"kernel":3}'], exit: 2, says: /--input: must be an integer .*\(got Infinity\)/, not: /got null/ },
  { name: 'a huge number in eval', args: ['eval'], stdin: '{"input":[[1,2]],"weight":[[[1]]],"stride":1e999}', exit: 2, says: /stride: .*\(got "1e999"\)/, not: /got null/ },
  { name: 'a BOM on stdin', args: ['eval'], stdin: '\uFEFF{"input":[[1,2]],"weight":[[[1]]]}', exit: 0, says: /"output":\[\[1,2\]\]/ },
  { name: 'a 60-layer stride-2 stack', args: ['explain', 'receptive-field', '--kernel', '3', '--stride', stride2], exit: 2, says: /^convmat: work: the receptive-field derivation needs .* beyond the 1000× that --max-work allows/, not: /^convmat: --?input/ },
  { name: 'explain transposed --format html: no KaTeX warnings', args: ['explain', 'transposed', '--format', 'html'], exit: 0, says: /<!doctype html>/ },
  { name: 'explain gradient --format html: no KaTeX warnings', args: ['explain', 'gradient', '--format', 'html'], exit: 0, says: /<!doctype html>/ },
];

describe('issue 25: every CLI case is answered or refused, bounded', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const guard = guardMs();
    const r = await runMeasured(c.args, c.stdin, guard + 5_000, process.env);
    const seen = `exit ${r.code}, ${Math.round(r.ms)} ms, ${Math.round(r.rssKiB / 1024)} MB: ${r.stderr.slice(0, 300)}`;
    expect(r.killed, seen).toBe(false);
    expect(r.code, seen).toBe(c.exit);
    expect(r.ms, seen).toBeLessThan(guard);
    expect(r.rssKiB, seen).toBeGreaterThan(0);
    expect(r.rssKiB, seen).toBeLessThan(LIMIT_KIB);
    if (c.exit === 2) {
      expect(r.stdout, seen).toBe('');
      expect(r.stderr, seen).toMatch(/^convmat: [^\n]+\n$/);
      if (c.says) expect(r.stderr, seen).toMatch(c.says);
    } else {
      expect(r.stderr, seen).toBe('');
      if (c.says) expect(r.stdout.slice(0, 100_000), seen).toMatch(c.says);
    }
    if (c.not) expect(r.stderr, seen).not.toMatch(c.not);
  }, 600_000);
});
