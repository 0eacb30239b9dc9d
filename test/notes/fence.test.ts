import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenceWords, parseFence, renderFence } from '../../src/notes/fence.ts';
import { badInputLine, convmat } from '../cli/run-cli.ts';
import { cellCount as kinds } from './figure-markup.ts';

/** The attributes of the first element of a fragment (`<conv-… a="b" c>`), decoded. */
function attributesOf(html: string): Record<string, string> {
  const open = /^<(conv-[a-z-]+)((?:\s+[\w-]+(?:="[^"]*")?)*)>/.exec(html);
  if (!open) throw new Error(`no element at the start of ${html.slice(0, 80)}`);
  const out: Record<string, string> = { tag: open[1]! };
  for (const m of open[2]!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
    out[m[1]!] = (m[2] ?? '').replace(/&#(\d+);/g, (_s, n: string) => String.fromCharCode(Number(n)));
  }
  return out;
}


describe('a ```convmat fence: a view and the CLI flags', () => {
  it('splits words as a shell does: quotes keep spaces, # starts a comment line', () => {
    expect(fenceWords(`window --layer "nn.Conv2d(1, 1, 3)"\n  # a comment\n --weights 'a b'`)).toEqual(['window', '--layer', 'nn.Conv2d(1, 1, 3)', '--weights', 'a b']);
    expect(fenceWords('matrix --input=5x5 --kernel=3')).toEqual(['matrix', '--input=5x5', '--kernel=3']);
    expect(() => fenceWords('window --layer "nn.Conv2d(1')).toThrow(/quote that is not closed/);
  });

  it('reads the flags into the spec and the element attributes, in the CLI syntax', () => {
    const f = parseFence('window --input 5x5 --kernel 3x3 --stride 2 --padding 1 --frame 2');
    expect(f.view).toBe('window');
    expect(f.spec).toEqual({ input: '5x5', kernel: '3x3', stride: '2', padding: '1' });
    expect(f.attributes).toEqual([['input', '5x5'], ['kernel', '3x3'], ['stride', '2'], ['padding', '1'], ['step', '2']]);
    expect(parseFence('transposed --input 3 --kernel 3 --transposed --output-padding 1').attributes)
      .toEqual([['input', '3'], ['kernel', '3'], ['transposed', ''], ['output-padding', '1']]);
  });

  it('becomes the live element with the static figure inside, cells counted from the arithmetic', () => {
    // 5×5 input, padding 1: a 7×7 drawn input of which 49 − 25 = 24 cells are padding; output ⌊(5 + 2 − 3)/2⌋ + 1 = 3 per axis
    const out = renderFence('window --input 5x5 --kernel 3x3 --stride 2 --padding 1 --format svg');
    expect(attributesOf(out)).toEqual({ tag: 'conv-window', input: '5x5', kernel: '3x3', stride: '2', padding: '1' });
    expect(out.trimEnd()).toMatch(/<\/conv-window>$/);
    const inside = out.slice(out.indexOf('>') + 1, out.lastIndexOf('</conv-window>'));
    // the SVG file as an image (its ids and stylesheet stay its own), named by the fence
    const img = /^<img alt="window figure: input 5x5, kernel 3x3, stride 2, padding 1" style="max-width:100%;height:auto" src="data:image\/svg\+xml,([^"]*)">$/.exec(inside);
    expect(img).not.toBeNull();
    const svg = decodeURIComponent(img![1]!);
    expect(svg).toMatch(/<svg[\s>]/);
    expect(kinds(svg, 'input')).toBe(25);
    expect(kinds(svg, 'padding')).toBe(24);
    expect(kinds(svg, 'output')).toBe(9);
  });

  it('gives each view its element', () => {
    const tags = ['window', 'transposed', 'matrix', 'receptive-field', 'checkerboard']
      .map((v) => attributesOf(renderFence(`${v} --input 6 --kernel 3`)).tag);
    expect(tags).toEqual(['conv-window', 'conv-transposed', 'conv-matrix', 'conv-receptive-field', 'conv-checkerboard']);
  });

  it('escapes every attribute value: hostile text cannot open a tag or leave its quotes', () => {
    const hostile = `nn.Conv2d(1, 1, 3)"><script>alert(1)</script><x y='`;
    const out = renderFence(`window --input 6 --layer '${hostile.replace(/'/g, '')}'`);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/\son\w+=/i);
    // an accepted value with quotes in it (Python strings in a layer) comes back whole
    const layer = `nn.Conv2d(1, 1, 3, padding="same", padding_mode='zeros')`;
    const ok = renderFence(`window --format svg --input 6 --layer '${layer.replace(/'/g, '"')}'`);
    expect(attributesOf(ok).layer).toBe(layer.replace(/'/g, '"'));
    expect(ok).toContain('&#34;same&#34;');
  });

  it('puts a bad fence\'s one-line error in place, escaped, with the flag as the user wrote it', () => {
    const cases: [string, RegExp][] = [
      ['', /view: must start the fence: one of window, transposed, matrix, receptive-field, checkerboard/],
      ['  # only a comment\n', /view: must start the fence/],
      ['windows --input 5', /view: is not a figure.*did you mean window\?/],
      ['--input 5 --kernel 3', /view: is required/],
      ['window --input 5 --kernel 3 -o x.svg', /--output: has no place in a fence/],
      ['window --input 5 --kernel 3 --help', /--help: has no place in a fence/],
      ['window --input 5 --kernal 3', /--kernal.*did you mean --kernel/],
      ['window --input 5 --kernel 9', /^convmat: --kernel/],
      ['window --input 5 --kernel 3 --output-padding 7 --transposed', /--output-padding/],
      ['window --input 5 --kernel 3 --format tikz', /--format/],
      ['window --input 5 --kernel 3 --frame -1', /--frame/],
      ['window --input 5 --kernel 3 --frame 3', /--frame: must be an integer from 0 to 2/],
      ['window --input <b>5</b>', /--input/],
    ];
    for (const [body, message] of cases) {
      const out = renderFence(body);
      const m = /^<p class="convmat-fence-error" role="note" data-convmat-error="">([^<\n]*)<\/p>\n$/.exec(out);
      expect(m, `${body} → ${out}`).not.toBeNull();
      const text = m![1]!.replace(/&#(\d+);/g, (_s, n: string) => String.fromCharCode(Number(n)));
      expect(text, body).toMatch(message);
    }
    expect(renderFence('window --input <b>5</b>')).toContain('&#60;b&#62;');
  });

  it('says what `convmat figure` says about the same words', async () => {
    const bodies = ['window --input 5 --kernel 9', 'window --input 5 --kernal 3', 'windows --input 5', 'window --input 5 --kernel 3 --frame 9',
      'window --input 5 --kernel 3 --format svgz', 'window --input 5 --kernel 3 --stride 0'];
    const cli = await Promise.all(bodies.map((body) => convmat(['figure', ...body.split(' ')])));
    bodies.forEach((body, i) => {
      const line = renderFence(body).replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_s, n: string) => String.fromCharCode(Number(n))).trim();
      expect(line, body).toBe(badInputLine(cli[i]!));
    });
  });

  it('never throws, whatever the body', () => {
    const word = fc.oneof(fc.constantFrom('window', 'matrix', '--input', '--kernel', '5x5', '3', '--transposed', '"', "'", '--frame', '#', '\n', '--layer'), fc.string({ maxLength: 8 }));
    fc.assert(fc.property(fc.array(word, { maxLength: 10 }), (words) => {
      const out = renderFence(words.join(' '));
      expect(out).toMatch(/^<(conv-[a-z-]+|p class="convmat-fence-error")[\s>]/);
      expect(out).not.toMatch(/<script/i);
    }), { numRuns: 150 });
  });
});
