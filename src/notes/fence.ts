import { ConvmatError, ParseError } from '../errors.ts';
import { type FlagSpec, parseArgs } from '../cli/args.ts';
import { SPEC_FLAGS, flagForField, specFromFlags } from '../cli/spec-flags.ts';
import { errorLine, renameField } from '../cli/user-error.ts';
import { didYouMean } from '../geometry/known-keys.ts';
import { escapeHtml } from '../cli/explain-html.ts';
import type { SpecInput } from '../geometry/spec-fields.ts';
import { type FigureViewName, renderFigure } from '../render/figure.ts';

/**
 * A ```convmat fence of a Markdown note: its body is a view and the CLI's
 * flags (`window --input 5x5 --kernel 3x3 --stride 2 --padding 1`), read by
 * the CLI's own parser. It becomes the live element with the static figure
 * inside it, which shows until the element's script renders (and stays when
 * no script runs). A bad fence becomes its one-line error, never a throw:
 * one mistyped flag must not stop a site build.
 */

/** The element that draws each figure view live. */
export const ELEMENT_OF: Readonly<Record<FigureViewName, string>> = {
  window: 'conv-window',
  transposed: 'conv-transposed',
  matrix: 'conv-matrix',
  'receptive-field': 'conv-receptive-field',
  checkerboard: 'conv-checkerboard',
};

/** The flags a fence takes beyond the spec's: how its static fallback is drawn. */
const FALLBACK_FLAGS: readonly FlagSpec[] = [
  { name: 'format', kind: 'option', value: 'html|svg', description: 'the static fallback: KaTeX HTML with inline SVG (default), or the SVG file as an image' },
  { name: 'frame', kind: 'option', value: '0', description: 'the frame the fallback shows (the live element starts there too)' },
  { name: 'animate', kind: 'switch', description: 'the fallback is the animated SVG (all frames, no script)' },
];
const FENCE_FLAGS: readonly FlagSpec[] = [...SPEC_FLAGS, ...FALLBACK_FLAGS];

export interface Fence {
  readonly view: FigureViewName;
  readonly spec: SpecInput;
  /** the element's attributes, in order: the spec flags as written, then the frame as `step` */
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly format: 'html' | 'svg';
  readonly frame?: number;
  readonly animate: boolean;
}

/** The longest fence body read; past it the fence is refused (a note is no place for a data file). */
export const MAX_FENCE_CHARS = 20_000;

/** Splits a fence body into words as a shell would: whitespace separates, '…' and "…" quote. */
export function fenceWords(body: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S)/gy;
  let word: string | null = null;
  for (let i = 0; i < body.length;) {
    if (/\s/.test(body[i]!)) { if (word !== null) words.push(word); word = null; i++; continue; }
    if (body[i] === '#' && word === null) { while (i < body.length && body[i] !== '\n') i++; continue; }
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m || (m[3] !== undefined && (m[3] === '"' || m[3] === "'"))) {
      throw new ParseError({ field: 'fence', value: body.slice(i, i + 40), rule: 'has a quote that is not closed', fix: 'close it, as in --layer "nn.Conv2d(1, 1, 3)"' });
    }
    word = (word ?? '') + (m[1] ?? m[2] ?? m[3]!);
    i = re.lastIndex;
  }
  if (word !== null) words.push(word);
  return words;
}

/** Reads a fence body; throws a ConvmatError that names the view or the flag. */
export function parseFence(body: string): Fence {
  if (body.length > MAX_FENCE_CHARS) throw new ParseError({ field: 'fence', value: `${body.length} characters`, rule: `must be at most ${MAX_FENCE_CHARS} characters` });
  const [view, ...argv] = fenceWords(body);
  if (view === undefined || !Object.hasOwn(ELEMENT_OF, view)) {
    const near = view === undefined ? undefined : didYouMean(view, Object.keys(ELEMENT_OF));
    throw new ParseError({ field: 'view', value: view ?? '', rule: `must be one of ${Object.keys(ELEMENT_OF).join(', ')}`, fix: near ? `did you mean ${near}?` : 'start the fence with a view, as in: window --input 5x5 --kernel 3x3' });
  }
  const args = parseArgs(argv, FENCE_FLAGS, 'figure');
  if (args.switches.has('help')) throw new ParseError({ field: '--help', value: undefined, rule: 'has no place in a fence', fix: 'run convmat figure --help in a terminal' });
  const format = args.options.get('format') ?? 'html';
  if (format !== 'html' && format !== 'svg') throw new ParseError({ field: '--format', value: format, rule: 'must be html or svg in a fence', fix: 'tikz figures go in LaTeX: run convmat figure --format tikz' });
  const frameText = args.options.get('frame');
  // renderFigure checks it against the drawing's frames (a NaN as well)
  const frame = frameText === undefined ? undefined : Number(frameText);
  const spec = specFromFlags(args);
  const attributes: [string, string][] = [];
  for (const flag of SPEC_FLAGS) {
    if (flag.kind === 'switch' ? args.switches.has(flag.name) : args.options.has(flag.name)) attributes.push([flag.name, args.options.get(flag.name) ?? '']);
  }
  if (frame !== undefined && view === 'window') attributes.push(['step', String(frame)]);
  return { view: view as FigureViewName, spec, attributes, format, frame, animate: args.switches.has('animate') };
}

/** A field as the fence's writer spelled it: `outputPadding` → `--output-padding`, the figure's `frame` → `--frame`. */
const flagOf = (field: string) => (FALLBACK_FLAGS.some((f) => f.name === field) ? `--${field}` : flagForField(field));

/** Words for a figure shown as an image: `window figure: input 5x5, kernel 3x3`. */
const altText = (f: Fence) => `${f.view} figure: ${f.attributes.map(([k, v]) => (v === '' ? k : `${k} ${v}`)).join(', ')}`;

/**
 * The SVG file as an image: a file's ids and stylesheet are its own, so two
 * figures on one page cannot clash, and the page's styles cannot reach in.
 */
export function svgImage(svg: string, alt: string): string {
  return `<img alt="${escapeHtml(alt)}" src="data:image/svg+xml,${encodeURIComponent(svg)}">`;
}

/** The one line shown in place of a bad fence (escaped HTML). */
export function fenceError(e: unknown): string {
  const line = e instanceof ConvmatError ? errorLine(renameField(e, flagOf) as ConvmatError) : `convmat: this fence could not be drawn (${e instanceof Error ? e.message : String(e)})`;
  return `<p class="convmat-fence-error" role="note" data-convmat-error="">${escapeHtml(line.replace(/\s+/g, ' '))}</p>\n`;
}

/** The live element with its static figure inside, or the one-line error; never throws. */
export function renderFence(body: string): string {
  try {
    const f = parseFence(body);
    const figure = renderFigure(f.spec, { view: f.view, format: f.format, frame: f.frame, animate: f.animate });
    const tag = ELEMENT_OF[f.view];
    const attrs = f.attributes.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`)).join('');
    return `<${tag}${attrs}>${f.format === 'svg' ? svgImage(figure, altText(f)) : figure}</${tag}>\n`;
  } catch (e) {
    return fenceError(e);
  }
}
