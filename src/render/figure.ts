import { ParseError } from '../errors.ts';
import { didYouMean } from '../geometry/known-keys.ts';
import type { SpecInput } from '../geometry/spec.ts';
import { checkerboardView } from '../view/checkerboard-view.ts';
import { matrixView } from '../view/matrix-view.ts';
import { type StackViewInput, receptiveFieldView } from '../view/receptive-field-view.ts';
import { type SummaryView, isSummary } from '../view/summary.ts';
import { transposedView } from '../view/transposed-view.ts';
import { windowView } from '../view/window-view.ts';
import { sceneToHtml } from './html.ts';
import type { Scene } from './scene.ts';
import { checkerboardScene } from './scene-checkerboard.ts';
import { fieldScene } from './scene-field.ts';
import { matrixScene } from './scene-matrix.ts';
import { summaryScene } from './scene-summary.ts';
import { transposedScene } from './scene-transposed.ts';
import { windowScene } from './scene-window.ts';
import { sceneToSvg } from './svg.ts';
import { sceneToTikz } from './tikz.ts';

/**
 * `renderFigure(spec, {view, format})`: a drawing of convmat's as a file,
 * without a browser. The view (src/view) is laid out once as a scene
 * (scene.ts) and printed as SVG, TikZ or static HTML; a spec past the view's
 * limits gets the view's summary. Synchronous; bad input throws the typed
 * errors of src/errors.ts naming the option.
 */
export type FigureViewName = 'window' | 'transposed' | 'matrix' | 'receptive-field' | 'checkerboard';
export type FigureFormat = 'svg' | 'tikz' | 'html';

export interface FigureOptions {
  view: FigureViewName;
  /** default svg */
  format?: FigureFormat;
  /** the frame (animation step) to draw, 0-based; default 0 */
  frame?: number;
  /** every frame: a looping SVG (CSS keyframes, no script), TikZ one frame per Beamer overlay (standalone: one per page) */
  animate?: boolean;
  /** TikZ: a whole document (standalone class) that pdflatex compiles */
  standalone?: boolean;
}

export const FIGURE_VIEWS: readonly FigureViewName[] = ['window', 'transposed', 'matrix', 'receptive-field', 'checkerboard'];
export const FIGURE_FORMATS: readonly FigureFormat[] = ['svg', 'tikz', 'html'];
const OPTION_KEYS = ['view', 'format', 'frame', 'animate', 'standalone'];

/** A view, or its summary's scene. */
function scene<V extends object>(v: V | SummaryView, draw: (v: V) => Scene): Scene {
  return isSummary(v) ? summaryScene(v) : draw(v as V);
}

const SCENES: Record<FigureViewName, (spec: SpecInput) => Scene> = {
  window: (spec) => scene(windowView(spec), windowScene),
  transposed: (spec) => scene(transposedView(spec), transposedScene),
  matrix: (spec) => scene(matrixView(spec), matrixScene),
  'receptive-field': (spec) => scene(receptiveFieldView(stackInput(spec, 'receptive-field')), fieldScene),
  checkerboard: (spec) => scene(checkerboardView(stackInput(spec, 'checkerboard')), checkerboardScene),
};

/** The scene of `view` for `spec` (the summary's scene past the view's limits). */
export function figureScene(spec: SpecInput, view: FigureViewName): Scene {
  if (typeof spec !== 'object' || spec === null) throw new ParseError({ field: 'spec', value: spec, rule: 'must be an object such as {input: "5x5", kernel: 3}' });
  return SCENES[checkView(view)](spec);
}

const STACK_KEYS = ['input', 'kernel', 'stride', 'dilation', 'padding'] as const;

/** The fields of a spec a layer stack reads (receptive field, checkerboard); any other is an error naming it. */
function stackInput(spec: SpecInput, view: FigureViewName): StackViewInput {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (value === undefined) continue;
    if (!(STACK_KEYS as readonly string[]).includes(key)) {
      throw new ParseError({ field: key, value, rule: `does not apply to the ${view} figure, which reads ${STACK_KEYS.join(', ')}`, fix: 'drop it, or draw the window, transposed or matrix figure' });
    }
    out[key] = Array.isArray(value) ? value.map((x) => (Array.isArray(x) ? x.join(',') : String(x))).join(Array.isArray(value[0]) ? ';' : 'x') : value as string | number;
  }
  return out as StackViewInput;
}

export function renderFigure(spec: SpecInput, options: FigureOptions): string {
  checkOptions(options);
  const format = options.format ?? 'svg';
  const scene = figureScene(spec, options.view);
  const frame = checkFrame(options.frame, scene.frames.length);
  switch (format) {
    case 'svg': return sceneToSvg(scene, { frame, animate: options.animate === true });
    case 'html': return sceneToHtml(scene, { frame });
    case 'tikz': return sceneToTikz(scene, { frame, animate: options.animate === true, standalone: options.standalone === true });
  }
}

function checkOptions(options: FigureOptions): void {
  if (typeof options !== 'object' || options === null) throw new ParseError({ field: 'options', value: options, rule: 'must be an object such as {view: "window"}' });
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      const near = didYouMean(key, OPTION_KEYS);
      throw new ParseError({ field: key, value: (options as unknown as Record<string, unknown>)[key], rule: `is not a figure option; the options are ${OPTION_KEYS.join(', ')}`, ...(near ? { fix: `did you mean ${near}?` } : {}) });
    }
  }
  const format = options.format ?? 'svg';
  if (!FIGURE_FORMATS.includes(format)) {
    const near = typeof format === 'string' ? didYouMean(format, FIGURE_FORMATS) : undefined;
    throw new ParseError({ field: 'format', value: format, rule: `must be one of ${FIGURE_FORMATS.join(', ')}`, ...(near ? { fix: `did you mean ${near}?` } : {}) });
  }
  for (const key of ['animate', 'standalone'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') throw new ParseError({ field: key, value: options[key], rule: 'must be true or false' });
  }
}

function checkView(view: unknown): FigureViewName {
  if (typeof view === 'string' && (FIGURE_VIEWS as readonly string[]).includes(view)) return view as FigureViewName;
  const near = typeof view === 'string' ? didYouMean(view, FIGURE_VIEWS) : undefined;
  throw new ParseError({ field: 'view', value: view, rule: `must be one of ${FIGURE_VIEWS.join(', ')}`, ...(near ? { fix: `did you mean ${near}?` } : {}) });
}

/** The frame asked for, within 0 … frames − 1 (a drawing without frames has frame 0 only). */
function checkFrame(frame: unknown, frames: number): number {
  if (frame === undefined) return 0;
  const last = Math.max(0, frames - 1);
  if (typeof frame !== 'number' || !Number.isInteger(frame) || frame < 0 || frame > last) {
    throw new ParseError({ field: 'frame', value: frame, rule: `must be an integer from 0 to ${last} (this drawing has ${frames === 0 ? 'one still frame' : `${frames} frames`})` });
  }
  return frame;
}
