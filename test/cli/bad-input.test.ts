import { describe, expect, it } from 'vitest';
import { badInputLine, convmat } from './run-cli.ts';

/**
 * Bad input through the real binary: exit 2, nothing on stdout, one line on
 * stderr that names the field (as the user spelled it) and no stack trace.
 */
const matrixCases: Array<[string, string[], RegExp]> = [
  ['stride 0', ['--input', '6', '--kernel', '3', '--stride', '0'], /^convmat: --stride: must be an integer from 1/],
  ['negative dilation', ['--input', '6', '--kernel', '3', '--dilation', '-1'], /^convmat: --dilation: /],
  ['size 0', ['--input', '0', '--kernel', '3'], /^convmat: --input: must be an integer from 1/],
  ['non-integer size', ['--input', '2.5', '--kernel', '1'], /^convmat: --input: /],
  ['kernel larger than the padded input', ['--input', '4', '--kernel', '3', '--dilation', '2'], /^convmat: --kernel: the kernel with dilation 2 spans 5 but the padded input has 4/],
  ['groups not dividing the channels', ['--input', '5', '--kernel', '3', '--in-channels', '2', '--out-channels', '3', '--groups', '2'], /^convmat: --groups: must divide both/],
  ['output padding ≥ max(stride, dilation)', ['--input', '4', '--kernel', '3', '--transposed', '--stride', '2', '--output-padding', '2'], /^convmat: --output-padding: must be smaller than max\(stride, dilation\) = 2/],
  ['output padding without --transposed', ['--input', '4', '--kernel', '3', '--output-padding', '1'], /^convmat: --output-padding: only a transposed/],
  ['same with stride 2', ['--input', '5', '--kernel', '3', '--padding', 'same', '--stride', '2'], /^convmat: --padding: "same" needs stride 1/],
  ['malformed padding', ['--input', '5', '--kernel', '3', '--padding', 'lots'], /^convmat: --padding: expected an integer/],
  ['ragged weight array', ['--input', '3x3', '--kernel', '2x2', '--weights', '[[1,2],[3]]'], /^convmat: --weights\[1\]: ragged array/],
  ['non-numeric weight entry', ['--input', '3', '--kernel', '2', '--weights', '[1,true]'], /^convmat: --weights\[1\]: entries must be numbers, names or expressions/],
  ['weight array of the wrong shape', ['--input', '3', '--kernel', '3', '--weights', '[1,2]'], /^convmat: --weights: needs 3 entries/],
  ['invalid JSON weights', ['--input', '3', '--kernel', '2', '--weights', '[1,2'], /^convmat: --weights: is not valid JSON/],
  ['a name that is not an identifier', ['--input', '3', '--kernel', '3', '--weights', 'x,y,$z'], /^convmat: --weights\[2\]: /],
  ['duplicated input names', ['--input', '3', '--kernel', '3', '--inputs', 'x,x,y'], /^convmat: --inputs: names must be distinct \(got "x"\)/],
  ['a name used by weights and inputs', ['--input', '3', '--kernel', '2', '--weights', 'a,b', '--inputs', 'b,c,d'], /^convmat: --inputs: this name is already used in weights/],
  ['size past the limit', ['--input', '3000x3000', '--kernel', '3'], /^convmat: --input: has 9000000 elements; the engine handles at most/],
  ['too many axes', ['--input', '2x2x2x2', '--kernel', '1'], /^convmat: --input: convmat handles 1, 2 or 3 spatial axes/],
  ['unknown mode', ['--input', '6', '--kernel', '3', '--mode', 'foo'], /^convmat: --mode: expected correlation or convolution/],
  ['missing --input', ['--kernel', '3'], /^convmat: --input: is required/],
  ['unknown flag', ['--input', '6', '--kernal', '3'], /^convmat: --kernal: is not an option of convmat matrix \(got "--kernal"\)\. did you mean --kernel\?/],
  ['unknown flag in snake case', ['--input', '6', '--kernel', '3', '--output_padding', '1'], /^convmat: --output_padding: is not an option of convmat matrix .*did you mean --output-padding\?/],
  ['missing value at the end', ['--kernel', '3', '--input'], /^convmat: --input: needs a value/],
  ['missing value before the next flag', ['--input', '--kernel', '3'], /^convmat: --input: needs a value/],
  ['repeated flag', ['--input', '6', '--input', '7', '--kernel', '3'], /^convmat: --input: is given more than once/],
  ['stray argument', ['6', '--kernel', '3'], /^convmat: argument: convmat matrix takes only --options \(got "6"\)/],
  ['a value given to a switch', ['--input', '6', '--kernel', '3', '--json=yes'], /^convmat: --json: is a switch/],
];

const evalCases: Array<[string, string, RegExp]> = [
  ['empty stdin', '', /^convmat: stdin: expected a JSON case/],
  ['invalid JSON', '{op: conv}', /^convmat: stdin: is not valid JSON/],
  ['not an object', '3', /^convmat: case: must be an object/],
  ['unknown field', '{"input":[[1,2]],"weight":[[[1]]],"outputPadding":1}', /^convmat: outputPadding: is not a key of an eval case \(got 1\)\. did you mean output_padding\?/],
  ['unknown op', '{"op":"corr","input":[[1,2]],"weight":[[[1]]]}', /^convmat: op: must be "conv", "conv_transpose" or "conv_backward"/],
  ['missing weight', '{"input":[[1,2]]}', /^convmat: weight: is required/],
  ['ragged input', '{"input":[[1,2],[3]],"weight":[[[1],[1]]]}', /^convmat: input\[1\]: ragged array/],
  ['non-numeric input', '{"input":[[1,"a"]],"weight":[[[1]]]}', /^convmat: input: entries must be finite numbers \(got "a"\)/],
  ['input without a channel axis', '{"input":[1,2],"weight":[[[1]]]}', /^convmat: input: needs rank 2 or more/],
  ['weight of the wrong rank', '{"input":[[1,2]],"weight":[[1]]}', /^convmat: weight: needs rank 3 or more/],
  ['weight of the wrong shape', '{"input":[[1,2]],"weight":[[[1],[2]]]}', /^convmat: weight: needs shape \[1, 1, 1\]/],
  ['stride 0', '{"input":[[1,2]],"weight":[[[1]]],"stride":0}', /^convmat: stride: must be an integer from 1/],
  ['kernel too large', '{"input":[[1,2]],"weight":[[[1,2,3]]]}', /^convmat: weight: the kernel spans 3 but the padded input has 2/],
  ['groups not dividing', '{"input":[[1,2],[3,4]],"weight":[[[1]],[[1]],[[1]]],"groups":2}', /^convmat: groups: must divide both/],
  ['output_padding too large', '{"op":"conv_transpose","input":[[1,2]],"weight":[[[1,1]]],"stride":2,"output_padding":2}', /^convmat: output_padding: must be smaller than max\(stride, dilation\) = 2/],
  ['same with stride 2', '{"input":[[1,2,3]],"weight":[[[1,1]]],"stride":2,"padding":"same"}', /^convmat: padding: "same" needs stride 1/],
  ['the bad case of an array is named by its index', '[{"input":[[1,2]],"weight":[[[1]]]},{"input":[[1,2]],"weight":[[[1]]],"dilation":-1}]', /^convmat: \[1\]\.dilation: /],
];

describe.concurrent('bad input exits 2 with one line naming the field', { timeout: 120_000 }, () => {
  for (const [title, args, message] of matrixCases) {
    it(`matrix: ${title}`, async () => {
      const line = badInputLine(await convmat(['matrix', ...args]));
      expect(line).toMatch(message);
      expect(line).not.toMatch(/\bat .*\.ts:\d+/);
    });
  }
  for (const [title, stdin, message] of evalCases) {
    it(`eval: ${title}`, async () => {
      expect(badInputLine(await convmat(['eval'], stdin))).toMatch(message);
    });
  }
  it('an unknown command', async () => {
    expect(badInputLine(await convmat(['frobnicate']))).toMatch(/^convmat: command: is not a convmat command; the commands are matrix, eval, explain, check, figure, help/);
  });
  it('an unknown flag of eval', async () => {
    expect(badInputLine(await convmat(['eval', '--input', '6']))).toMatch(/^convmat: --input: is not an option of convmat eval/);
  });
});
