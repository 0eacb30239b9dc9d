import { ConvmatError, ParseError } from '../errors.ts';
import { figureFlagOf, readFigureArgs } from '../cli/figure-args.ts';
import { SPEC_FLAGS } from '../cli/spec-flags.ts';
import { errorLine, renameField } from '../cli/user-error.ts';
import { escapeHtml } from '../cli/explain-html.ts';
import type { SpecInput } from '../geometry/spec-fields.ts';
import { FIGURE_VIEWS, type FigureOptions, type FigureViewName, renderFigure } from '../render/figure.ts';

/**
 * A ```convmat fence of a Markdown note: its body is a view and the CLI's
 * flags (`window --input 5x5 --kernel 3x3 --stride 2 --padding 1`), read by
 * the CLI's reader of `convmat figure` (its static fallback is `--format svg`,
 * the default, an image, or `html`). It becomes the live element with the static figure
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

export interface Fence {
  readonly view: FigureViewName;
  readonly spec: SpecInput;
  /** the element's attributes, in order: the spec flags as written, then the frame as `step` (window) */
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  /** renderFigure's options for the static fallback */
  readonly options: FigureOptions;
}

/** True when a fence's info string names convmat (`convmat`, `convmat {title}`). */
export function isConvmatInfo(info: string | null | undefined): boolean {
  return (info ?? '').trim().split(/\s+/)[0] === 'convmat';
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

/**
 * The plugins' options: the fallback of fences that do not say (`--format`).
 * svg, the default, is the file as an image, self-contained; html inlines
 * renderFigure's fragment, whose `<style>` (rules for svg, text, line) is the page's.
 */
export interface NotesOptions {
  format?: 'html' | 'svg';
}

/** Reads a fence body with the CLI's reader of `convmat figure`; throws a ConvmatError that names the view or the flag. */
export function parseFence(body: string, notes: NotesOptions = {}): Fence {
  if (body.length > MAX_FENCE_CHARS) throw new ParseError({ field: 'fence', value: `${body.length} characters`, rule: `must be at most ${MAX_FENCE_CHARS} characters` });
  const words = fenceWords(body);
  if (words.length === 0) throw new ParseError({ field: 'view', value: '', rule: `must start the fence: one of ${FIGURE_VIEWS.join(', ')}`, fix: 'for example: window --input 5x5 --kernel 3x3' });
  const read = readFigureArgs(words, undefined, notes.format ?? 'svg');
  if (read === 'help') throw new ParseError({ field: '--help', value: undefined, rule: 'has no place in a fence', fix: 'run convmat figure --help in a terminal' });
  const { view, spec, options, args } = read;
  if (options.format === 'tikz') throw new ParseError({ field: '--format', value: 'tikz', rule: 'must be html or svg in a fence', fix: 'TikZ goes in LaTeX: run convmat figure --format tikz' });
  if (args.options.has('output')) throw new ParseError({ field: '--output', value: args.options.get('output'), rule: 'has no place in a fence: the figure goes into the page' });
  const attributes: [string, string][] = [];
  for (const flag of SPEC_FLAGS) {
    if (flag.kind === 'switch' ? args.switches.has(flag.name) : args.options.has(flag.name)) attributes.push([flag.name, args.options.get(flag.name) ?? '']);
  }
  if (options.frame !== undefined && view === 'window') attributes.push(['step', String(options.frame)]);
  return { view, spec, attributes, options };
}

/** Words for a figure shown as an image: `window figure: input 5x5, kernel 3x3`. */
const altText = (f: Fence) => `${f.view} figure: ${f.attributes.map(([k, v]) => (v === '' ? k : `${k} ${v}`)).join(', ')}`;

/**
 * The SVG file as an image: its stylesheet and ids are its own, so neither
 * leaks into the page, and the page's styles cannot reach in.
 */
export function svgImage(svg: string, alt: string): string {
  return `<img alt="${escapeHtml(alt)}" style="max-width:100%;height:auto" src="data:image/svg+xml,${encodeURIComponent(svg)}">`;
}

/** The one line shown in place of a bad fence (escaped HTML). */
export function fenceError(e: unknown): string {
  const line = e instanceof ConvmatError ? errorLine(renameField(e, figureFlagOf) as ConvmatError) : `convmat: this fence could not be drawn (${e instanceof Error ? e.message : String(e)})`;
  return `<p class="convmat-fence-error" role="note" data-convmat-error="">${escapeHtml(line.replace(/\s+/g, ' '))}</p>\n`;
}

/** The live element with its static figure inside, or the one-line error; never throws. */
export function renderFence(body: string, options: NotesOptions = {}): string {
  try {
    if (options.format !== undefined && options.format !== 'html' && options.format !== 'svg') {
      throw new ParseError({ field: 'format', value: options.format, rule: 'must be html or svg (the plugin option)' });
    }
    const f = parseFence(body, options);
    const figure = renderFigure(f.spec, f.options);
    const tag = ELEMENT_OF[f.view];
    const attrs = f.attributes.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`)).join('');
    return `<${tag}${attrs}>${f.options.format === 'svg' ? svgImage(figure, altText(f)) : figure}</${tag}>\n`;
  } catch (e) {
    return fenceError(e);
  }
}
