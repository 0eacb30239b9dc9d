import type { SummaryView } from '../view/summary.ts';
import { LINE, MARGIN, type Scene, type SceneText, fitWidth } from './scene.ts';

/** The scene of a view's summary: what is not drawn, why, and what can still be said (shapes, closed forms). Bounded whatever the spec. */
export function summaryScene(v: SummaryView): Scene {
  const s = v.summary;
  const e = s.estimate;
  const lines = [
    `${s.what[0]!.toUpperCase()}${s.what.slice(1)} is summarised, not drawn: ${s.reason}.`,
    ...(e ? [`input ${e.input.join('×')} (${e.inChannels} channel${e.inChannels === 1 ? '' : 's'}), kernel ${e.kernel.join('×')}, output ${e.output.join('×')} (${e.outChannels} channel${e.outChannels === 1 ? '' : 's'})`,
      `${e.inputs.toLocaleString('en-US')} inputs, ${e.outputs.toLocaleString('en-US')} outputs, ${e.taps.toLocaleString('en-US')} multiply-adds`] : []),
    ...(s.facts ?? []),
  ];
  const texts: SceneText[] = lines.map((l, i) => ({ x: MARGIN, y: MARGIN + (i + 0.5) * LINE, label: [l], role: i === 0 ? 'label' : 'caption' }));
  return {
    width: fitWidth(12, texts), height: 2 * MARGIN + lines.length * LINE, groups: [], lines: [], texts, frames: [], frameCaption: { x: MARGIN, y: 0 },
    title: `Summary of ${s.what}`, desc: lines.join(' '),
  };
}
