import { type Scene, type SceneFrame, type SceneGroup, type SceneMark, type SceneText, TEXT_SIZE } from './scene.ts';
import { round, svgTextContent, xml } from './svg-text.ts';

/**
 * A scene (scene.ts) as one standalone SVG: a viewBox, a `<title>` and a
 * `<desc>`, every cell of a grid a `<rect>` with `data-kind` (input, padding,
 * inserted, output: the cell contract the elements keep), labels as text. One
 * frame, or (`animate`) every frame in a loop driven by CSS keyframes, no
 * script; under prefers-reduced-motion the first frame stands still. No
 * script, no event attribute, no link: only shapes, text and one stylesheet.
 */
export interface SvgOptions {
  /** the frame to light (default 0); ignored when animating */
  frame?: number;
  animate?: boolean;
  /** pixels per cell (default 40) */
  scale?: number;
  /** without the XML declaration (inline in HTML) */
  inline?: boolean;
  /** the frame's equation line (default true; the HTML fragment typesets it with KaTeX instead) */
  frameCaption?: boolean;
}

/** Seconds per frame of an animation (the element steps every 0.9 s). */
export const FRAME_SECONDS = 0.9;
/** Bytes of equation lines an animation carries: past it only the lit cells move (a 32×32 window stays under 300 KB). */
const ANIMATED_CAPTION_BYTES = 60_000;

export const SIZE = { label: TEXT_SIZE.label, note: 0.22, caption: TEXT_SIZE.caption, equation: TEXT_SIZE.equation } as const;
const CELL_KINDS = new Set(['input', 'padding', 'inserted', 'output']);

const STYLE = `svg{background:#fff;font-family:'STIX Two Math','Cambria Math','Latin Modern Math','Times New Roman',serif}text{font-size:${SIZE.label}px;fill:#1f2328;text-anchor:middle}
tspan{font-size:70%}.b{font-size:100%}
[data-kind],.entry,.zero,.lit,.count,.neuron{stroke:#6e7781;stroke-width:.03;fill:#fff}
[data-kind=padding]{fill:#f2f3f5;stroke-dasharray:.09 .06}
[data-kind=inserted]{fill:#fff4ec;stroke:#c2410c;stroke-dasharray:.03 .06}
[data-kind=output]{fill:#f0f6ff}
.entry{fill:#fff}.zero{fill:#f6f8fa;stroke:#d0d7de}.lit{fill:#ffe8a3}
.cp{fill:#8c959f;font-style:italic}.z{fill:#8c959f}
.cm-cov{fill:#2da44e;fill-opacity:.22;stroke:#1a7f37;stroke-width:.06}
.cm-cur{fill:#f59e0b;fill-opacity:.35;stroke:#1f2328;stroke-width:.06}
.cm-n{font-size:${SIZE.note}px;fill:#c2410c;text-anchor:end}.cm-n tspan{font-size:70%}.cm-n .b{font-size:100%}
.caption{font-size:${SIZE.caption}px;fill:#57606a;text-anchor:start}.label{text-anchor:start}
.equation{font-size:${SIZE.equation}px;text-anchor:start}
.pass{font-size:${SIZE.caption}px;fill:#1a7f37;text-anchor:start}.fail{font-size:${SIZE.caption}px;fill:#cf222e;text-anchor:start}
line{stroke:#afb8c1;stroke-width:.03}line.lit{stroke:#c2410c;stroke-width:.06}`;

const ANIMATION = '.still{display:none}@media (prefers-reduced-motion:reduce){.loop{display:none}.still{display:inline}}';

/** The class of every figure's root; its stylesheet reaches nothing else. */
const ROOT = 'convmat-svg';

/**
 * A figure's CSS with every selector under its root: a `<style>` inside SVG inline in HTML (a static fallback, a
 * pasted figure) styles the whole page, and `.caption`, `.label` or `text` would restyle the host's own. The
 * animation's moving marks are copies made by `<use>`, which no selector through their ancestors reaches: their
 * classes are convmat's own (`cm-…`) and stay as written, and the font they need is inherited from the root.
 * `:where()` keeps each rule's specificity as written, so the rules order among themselves as before.
 */
function scoped(css: string): string {
  const one = (sel: string) => (sel === 'svg' ? `.${ROOT}` : sel.startsWith('.cm-') ? sel : `:where(.${ROOT}) ${sel}`);
  return css.replace(/(^|[{}])([^{}@]+)\{/g, (_m, before: string, selectors: string) =>
    `${before}${selectors.split(',').map((sel) => one(sel.trim())).join(',')}{`);
}
const SCOPED_STYLE = scoped(STYLE);
const SCOPED_ANIMATION = scoped(ANIMATION);

/** A coordinate as short as it reads: `.92`, `-1.5`, `3`. */
const n = (x: number) => String(round(x)).replace(/^(-?)0\./, '$1.');

export function sceneToSvg(scene: Scene, opts: SvgOptions = {}): string {
  const scale = opts.scale ?? 40;
  const animate = opts.animate === true && scene.frames.length > 1;
  const frameIndex = opts.frame ?? 0;
  const w = n(scene.width), h = n(scene.height);
  const head = `${opts.inline ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n'}<svg xmlns="http://www.w3.org/2000/svg" class="${ROOT}" viewBox="0 0 ${w} ${h}" width="${Math.round(scene.width * scale)}" height="${Math.round(scene.height * scale)}" role="img">`;
  const parts: string[] = [head, `<title>${xml(scene.title)}</title>`, `<desc>${xml(scene.desc)}</desc>`,
    `<style>${SCOPED_STYLE}${animate ? `\n${SCOPED_ANIMATION}` : ''}</style>`, `<rect width="${w}" height="${h}" fill="#fff" stroke="none"/>`];
  for (const l of scene.lines) parts.push(`<line x1="${n(l.x1)}" y1="${n(l.y1)}" x2="${n(l.x2)}" y2="${n(l.y2)}"${l.lit ? ' class="lit"' : ''}/>`);
  const shapes = new Map<string, string>();
  const groups = scene.groups.map((g) => groupSvg(g, shapes));
  parts.push(`<defs>${[...shapes].map(([key, id]) => `<rect id="${id}" ${key}/>`).join('')}</defs>`, ...groups);
  for (const t of scene.texts) parts.push(textSvg(t));
  if (animate) parts.push(...animatedFrames(scene.frames, scene.frameCaption));
  else if (scene.frames[frameIndex]) {
    const f = scene.frames[frameIndex]!;
    parts.push(frameSvg(f, opts.frameCaption === false ? '' : captionSvg(f, scene.frameCaption)));
  }
  parts.push('</svg>\n');
  return uniqueIds(parts.join('\n'));
}

/**
 * The ids of <defs> are written with a placeholder (a control character no
 * text keeps: xml() drops it), then made unique to the figure by a hash of
 * its markup, so several figures inline in one page never use each other's
 * definitions, and the same figure always prints the same bytes.
 */
const ID = '\u0001';

function uniqueIds(svg: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < svg.length; i++) h = Math.imul(h ^ svg.charCodeAt(i), 0x01000193);
  return svg.replaceAll(ID, `cm${(h >>> 0).toString(36)}-`);
}

/**
 * A group of boxes, compact: each box a <use> of a rect of its size (written
 * once in <defs>), placed relative to the group's corner, and the labels in a
 * second group shifted to the boxes' centres, so a cell costs two short
 * elements with small numbers (a 32×32 window animates in under 300 KB).
 */
function groupSvg(g: SceneGroup, shapes: Map<string, string>): string {
  if (g.boxes.length === 0) return '';
  const x0 = Math.min(...g.boxes.map((b) => b.x)), y0 = Math.min(...g.boxes.map((b) => b.y));
  const first = g.boxes[0]!;
  const cx = first.w / 2, cy = first.h / 2 + SIZE.label * 0.35;
  const uses: string[] = [], labels: string[] = [];
  for (const b of g.boxes) {
    const key = `width="${n(b.w)}" height="${n(b.h)}"${b.round ? ` rx="${n(b.w / 2)}"` : ''}`;
    let id = shapes.get(key);
    if (!id) { id = `${ID}r${shapes.size}`; shapes.set(key, id); }
    const kind = CELL_KINDS.has(b.kind) ? `data-kind="${b.kind}"` : `class="${b.kind}"`;
    const heat = b.heat === undefined ? '' : ` style="fill:#c2410c;fill-opacity:${round(0.1 + 0.9 * b.heat)}"`;
    uses.push(`<use ${kind} href="#${id}" x="${n(b.x - x0)}" y="${n(b.y - y0)}"${heat}/>`);
    if (!b.label) continue;
    const cls = b.copied ? ' class="cp"' : b.kind === 'padding' || b.kind === 'inserted' || b.kind === 'zero' ? ' class="z"' : '';
    labels.push(`<text${cls} x="${n(b.x - x0 + b.w / 2 - cx)}" y="${n(b.y - y0 + b.h / 2 + SIZE.label * 0.35 - cy)}">${svgTextContent(b.label, SIZE.label)}</text>`);
  }
  const shape = g.shape ? ` data-shape="${xml(g.shape)}"` : '';
  return `<g${shape} role="group" aria-label="${xml(g.name)}" transform="translate(${n(x0)} ${n(y0)})">\n${uses.join('\n')}\n<g transform="translate(${n(cx)} ${n(cy)})">${labels.join('')}</g></g>`;
}

function textSvg(t: SceneText): string {
  const size = t.role === 'equation' ? SIZE.equation : SIZE.caption;
  const anchor = t.anchor && t.anchor !== 'start' ? ` style="text-anchor:${t.anchor}"` : '';
  return `<text class="${t.role}" x="${n(t.x)}" y="${n(t.y)}"${anchor}>${svgTextContent(t.label, size)}</text>`;
}

function markSvg(m: SceneMark, dx = 0, dy = 0): string {
  const rect = `<rect class="${m.role === 'covered' ? 'cm-cov' : 'cm-cur'}" x="${n(m.x - dx)}" y="${n(m.y - dy)}" width="${n(m.w)}" height="${n(m.h)}"/>`;
  if (!m.note) return rect;
  return `${rect}<text class="cm-n" x="${n(m.x - dx + m.w - 0.06)}" y="${n(m.y - dy + m.h - 0.07)}">${svgTextContent([m.note], SIZE.note)}</text>`;
}

function captionSvg(f: SceneFrame, at: { x: number; y: number }): string {
  return f.caption.length ? `<text class="equation" x="${n(at.x)}" y="${n(at.y)}">${svgTextContent(f.caption, SIZE.equation)}</text>` : '';
}

function frameSvg(f: SceneFrame, caption: string): string {
  return `<g>${f.marks.map((m) => markSvg(m)).join('')}${caption}</g>`;
}

/**
 * Every frame in a loop of FRAME_SECONDS per frame, with SMIL (no script):
 * the lit marks are written once per shape in <defs> (a window that keeps its
 * shape from frame to frame, the current output cell) and moved by a discrete
 * <animate> of x and y, a few bytes per frame; frames that change shape, and
 * the equation lines, are groups shown in their turn. Under
 * prefers-reduced-motion the loop is not shown and frame 0 stands still.
 */
function animatedFrames(frames: readonly SceneFrame[], at: { x: number; y: number }): string[] {
  const defs = new Map<string, string>();
  const dur = `dur="${round(frames.length * FRAME_SECONDS)}s" calcMode="discrete" repeatCount="indefinite"`;
  const placed = frames.map((f) => {
    const parts: Array<{ id: string; x: number; y: number }> = [];
    for (const role of ['covered', 'current'] as const) {
      const marks = f.marks.filter((m) => m.role === role);
      if (!marks.length) continue;
      const o = marks[0]!;
      const shape = marks.map((m) => markSvg(m, o.x, o.y)).join('');
      let id = defs.get(shape);
      if (!id) { id = `${ID}m${defs.size}`; defs.set(shape, id); }
      parts.push({ id, x: o.x, y: o.y });
    }
    return parts;
  });
  const key = (p: ReadonlyArray<{ id: string }>) => p.map((q) => q.id).join(' ');
  const rigid = placed.every((p) => key(p) === key(placed[0]!));
  const out: string[] = [`<defs>${[...defs].map(([svg, id]) => `<g id="${id}">${svg}</g>`).join('')}</defs>`, '<g class="loop">'];
  const shown = (i: number) => `<animate attributeName="visibility" values="${i ? 'hidden;visible;hidden' : 'visible;hidden'}" keyTimes="${i ? `0;${i / frames.length};${(i + 1) / frames.length}` : `0;${1 / frames.length}`}" ${dur}/>`;
  if (rigid) {
    placed[0]!.forEach((slot, k) => {
      const xs = placed.map((p) => n(p[k]!.x)).join(';'), ys = placed.map((p) => n(p[k]!.y)).join(';');
      out.push(`<use href="#${slot.id}" x="${n(slot.x)}" y="${n(slot.y)}"><animate attributeName="x" values="${xs}" ${dur}/><animate attributeName="y" values="${ys}" ${dur}/></use>`);
    });
  } else {
    placed.forEach((p, i) => out.push(`<g visibility="${i ? 'hidden' : 'visible'}">${shown(i)}${p.map((q) => `<use href="#${q.id}" x="${n(q.x)}" y="${n(q.y)}"/>`).join('')}</g>`));
  }
  let bytes = 0;
  const captions: string[] = [];
  for (const [i, f] of frames.entries()) {
    const c = captionSvg(f, at);
    bytes += c.length;
    if (bytes > ANIMATED_CAPTION_BYTES) { captions.length = 0; break; }
    if (c) captions.push(`<g visibility="${i ? 'hidden' : 'visible'}">${shown(i)}${c}</g>`);
  }
  out.push(...captions, '</g>', `<g class="still">${frameSvg(frames[0]!, captionSvg(frames[0]!, at))}</g>`);
  return out;
}
