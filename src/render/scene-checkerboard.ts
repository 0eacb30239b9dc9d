import type { CheckerboardView, OverlapPlot } from '../view/checkerboard-view.ts';
import { LINE, MARGIN, type Scene, type SceneGroup, type SceneText, box, cellPlace, fitWidth, gridSize } from './scene.ts';

/**
 * The scene of the checkerboard (checkerboardView): the overlap counts of the
 * transposed convolution as a heat strip (1D) or map (2D), each position with
 * its count, beside resize-then-convolve's; the finding and the rule's verdicts.
 */
export function checkerboardScene(v: CheckerboardView): Scene {
  const plots = [v.transposed, ...(v.resized ? [v.resized] : [])];
  const groups: SceneGroup[] = [];
  const texts: SceneText[] = [];
  let y = MARGIN;
  for (const p of plots) {
    texts.push({ x: MARGIN, y, label: [`${p.title} (${p.label})`], role: 'caption' });
    groups.push(plotGroup(p, MARGIN, y + LINE * 0.5));
    y += LINE * 0.5 + gridSize(p.shape).h + LINE + 0.4;
  }
  const lines = [v.pattern, ...v.verdicts.map((r) => `${r.pass ? '✓' : '✗'} ${r.text}`), ...(v.caption ? [v.caption] : [])];
  lines.forEach((l, i) => texts.push({ x: MARGIN, y: y + i * LINE, label: [l], role: i === 0 ? 'label' : v.verdicts[i - 1]?.pass === false ? 'fail' : i <= v.verdicts.length ? 'pass' : 'caption' }));
  const right = Math.max(...plots.map((p) => MARGIN + gridSize(p.shape).w));
  return {
    width: fitWidth(right + MARGIN, texts), height: y + lines.length * LINE + 0.4, groups, lines: [], texts, frames: [], frameCaption: { x: MARGIN, y: 0 },
    title: `Checkerboard: ${v.transposed.title}`,
    desc: `${v.pattern} Counts: ${v.transposed.values.join(' ')}. ${lines.slice(1).join(' ')}`,
  };
}

function plotGroup(p: OverlapPlot, x0: number, y0: number): SceneGroup {
  return {
    name: p.label, shape: p.shape.join('x'),
    boxes: p.values.map((value, q) => {
      const at = cellPlace(p.shape, q);
      return box(x0 + at.x, y0 + at.y, 'count', [String(value)], { heat: value / p.max });
    }),
  };
}

