import { escapeLatexText } from '../algebra/latex-escape.ts';
import { entryToLatex } from '../algebra/print.ts';
import { forLatex } from '../latex/latex-document.ts';
import type { Label, Scene, SceneBox, SceneFrame, SceneMark, SceneText } from './scene.ts';

/**
 * A scene (scene.ts) as a TikZ picture: the same boxes, lines and labels the
 * SVG prints, at the same coordinates (x = 7 mm per cell, y downwards). Labels
 * are built from escaped pieces only (symbols through the printing rules,
 * free text through escapeLatexText), then made ASCII by forLatex, so pdflatex
 * and lualatex both read them; colours are xcolor's `[HTML]`. `standalone`
 * gives a whole document; `animate` gives one frame per Beamer overlay
 * (`\only<k>`), or in a standalone document one frame per page.
 */
export interface TikzOptions {
  frame?: number;
  animate?: boolean;
  standalone?: boolean;
}

const COLOURS: Record<string, string> = {
  cmLine: '6E7781', cmInput: 'FFFFFF', cmPadding: 'F2F3F5', cmInserted: 'FFF4EC', cmInsertedLine: 'C2410C', cmOutput: 'F0F6FF',
  cmZeroText: '8C959F', cmCovered: '2DA44E', cmCoveredLine: '1A7F37', cmCurrent: 'F59E0B', cmNote: 'C2410C', cmMuted: '57606A',
  cmPass: '1A7F37', cmFail: 'CF222E', cmLit: 'FFE8A3', cmHeat: 'C2410C', cmEdge: 'AFB8C1',
};

const STYLES = [
  'x=8mm, y=-8mm, every node/.style={inner sep=0pt, font=\\scriptsize}',
  'input/.style={draw=cmLine, fill=cmInput, line width=0.3pt}',
  'padding/.style={draw=cmLine, fill=cmPadding, dashed, line width=0.3pt}',
  'inserted/.style={draw=cmInsertedLine, fill=cmInserted, dotted, line width=0.3pt}',
  'output/.style={draw=cmLine, fill=cmOutput, line width=0.3pt}',
  'entry/.style={draw=cmLine, fill=cmInput, line width=0.3pt}',
  'zero/.style={draw=cmEdge, fill=cmPadding, line width=0.3pt}',
  'count/.style={draw=cmLine, line width=0.3pt}',
  'neuron/.style={draw=cmLine, fill=cmInput, line width=0.3pt}',
  'lit/.style={draw=cmLine, fill=cmLit, line width=0.3pt}',
  'covered/.style={draw=cmCoveredLine, fill=cmCovered, fill opacity=0.25, line width=0.8pt}',
  'current/.style={draw=black, fill=cmCurrent, fill opacity=0.4, line width=0.8pt}',
  'edge/.style={draw=cmEdge, line width=0.3pt}',
  'litedge/.style={draw=cmNote, line width=0.7pt}',
];

const n = (x: number) => String(Math.round(x * 100) / 100);

/** A label as LaTeX text: entries in math mode, free text escaped. */
export function labelLatex(l: Label): string {
  return forLatex(l.map((r) => (typeof r === 'string' ? escapeLatexText(r, 400) : `$${entryToLatex(r)}$`)).join(''));
}

function boxTikz(b: SceneBox): string {
  const fill = b.heat === undefined ? '' : `, fill=cmHeat!${Math.round(10 + 90 * b.heat)}`;
  const shape = b.round ? `(${n(b.x + b.w / 2)},${n(b.y + b.h / 2)}) circle (${n(b.w / 2)})` : `(${n(b.x)},${n(b.y)}) rectangle ++(${n(b.w)},${n(b.h)})`;
  const draw = `\\draw[${b.kind}${fill}] ${shape};`;
  if (!b.label) return draw;
  const faded = b.copied || b.kind === 'padding' || b.kind === 'inserted' || b.kind === 'zero' ? '\\color{cmZeroText}' : '';
  return `${draw} \\node at (${n(b.x + b.w / 2)},${n(b.y + b.h / 2)}) {${faded}${labelLatex(b.label)}};`;
}

function textTikz(t: SceneText): string {
  const anchor = t.anchor === 'middle' ? 'base' : t.anchor === 'end' ? 'base east' : 'base west';
  const colour = t.role === 'caption' ? '\\color{cmMuted}' : t.role === 'pass' ? '\\color{cmPass}' : t.role === 'fail' ? '\\color{cmFail}' : '';
  const font = t.role === 'equation' || t.role === 'label' ? '\\footnotesize' : '\\scriptsize';
  return `\\node[anchor=${anchor}] at (${n(t.x)},${n(t.y)}) {${font}${colour} ${labelLatex(t.label)}};`;
}

function markTikz(m: SceneMark): string {
  const rect = `\\draw[${m.role}] (${n(m.x)},${n(m.y)}) rectangle ++(${n(m.w)},${n(m.h)});`;
  if (!m.note) return rect;
  return `${rect} \\node[anchor=south east] at (${n(m.x + m.w - 0.05)},${n(m.y + m.h - 0.04)}) {\\tiny\\color{cmNote}${labelLatex([m.note])}};`;
}

function frameTikz(f: SceneFrame, at: { x: number; y: number }): string {
  const caption = f.caption.length ? `\n\\node[anchor=base west] at (${n(at.x)},${n(at.y)}) {\\footnotesize ${labelLatex(f.caption)}};` : '';
  return `${f.marks.map(markTikz).join('\n')}${caption}`;
}

/** The drawing without frames: colours, bounding box, boxes, lines, texts. */
function body(scene: Scene): string {
  const lines = scene.lines.map((l) => `\\draw[${l.lit ? 'litedge' : 'edge'}] (${n(l.x1)},${n(l.y1)}) -- (${n(l.x2)},${n(l.y2)});`);
  return [
    ...Object.entries(COLOURS).map(([name, hex]) => `\\definecolor{${name}}{HTML}{${hex}}`),
    `\\path (0,0) rectangle (${n(scene.width)},${n(scene.height)}); % the drawing's extent; text wider than estimated may add to it`,
    ...lines,
    ...scene.groups.flatMap((g) => [`% ${escapeLatexText(g.name).replace(/[\r\n]/g, ' ')}${g.shape ? ` (${g.shape})` : ''}`, ...g.boxes.map(boxTikz)]),
    ...scene.texts.map(textTikz),
  ].join('\n');
}

const PREAMBLE = '\\usepackage{amsmath,amssymb}\n\\usepackage{tikz}';

export function sceneToTikz(scene: Scene, opts: TikzOptions = {}): string {
  const open = `% ${escapeLatexText(scene.title, 400).replace(/[\r\n]/g, ' ')}\n\\begin{tikzpicture}[${STYLES.join(',\n  ')}]`;
  const still = scene.frames[opts.frame ?? 0];
  const animate = opts.animate === true && scene.frames.length > 1;
  if (animate && opts.standalone) {
    // one page per frame: the drawing once as a macro, each page it and that frame
    const pages = scene.frames.map((f) => `${open}\n\\convmatfigure\n${frameTikz(f, scene.frameCaption)}\n\\end{tikzpicture}`);
    return `\\documentclass[tikz,border=2mm]{standalone}\n${PREAMBLE}\n\\newcommand{\\convmatfigure}{%\n${body(scene)}}\n\\begin{document}\n${pages.join('\n')}\n\\end{document}\n`;
  }
  const frames = animate
    ? scene.frames.map((f, i) => `\\only<${i + 1}>{%\n${frameTikz(f, scene.frameCaption)}}`).join('\n')
    : still ? frameTikz(still, scene.frameCaption) : '';
  const picture = `${open}\n${body(scene)}\n${frames}\n\\end{tikzpicture}\n`;
  if (!opts.standalone) return `% needs \\usepackage{amsmath,amssymb,tikz}${animate ? '; one frame per Beamer overlay (\\only<k>)' : ''}\n${picture}`;
  return `\\documentclass[border=2mm]{standalone}\n${PREAMBLE}\n\\begin{document}\n${picture}\\end{document}\n`;
}
