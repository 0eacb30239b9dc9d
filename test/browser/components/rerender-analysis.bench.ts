import { bench, describe } from 'vitest';
import 'katex';
import '../../../components/define.ts';
import { loadKatex } from '../../../components/shared/katex-block.ts';
import { flip } from './rerender-cases.ts';

/**
 * Re-rendering the analysis elements (receptive field, checkerboard,
 * separable counts, image, explorer) after one attribute change, on the dev
 * build: the budget is 16 ms median (one frame).
 *   npx vitest bench --run --project browser test/browser/components/rerender-analysis.bench.ts
 */
const setup = async () => { await loadKatex(); };

describe('re-render after one attribute change (budget 16 ms median)', () => {
  bench('conv-receptive-field TCN: dilation 1,2,4 ↔ 1,2', flip('<conv-receptive-field kernel="3" dilation="1,2,4" input="20"></conv-receptive-field>', 'dilation', '1,2,4', '1,2'), { setup });
  bench('conv-checkerboard: kernel 3 ↔ 4', flip('<conv-checkerboard kernel="3" stride="2"></conv-checkerboard>', 'kernel', '3', '4'), { setup });
  bench('conv-checkerboard 2D: kernel 3x3 ↔ 4x4', flip('<conv-checkerboard kernel="3x3" stride="2"></conv-checkerboard>', 'kernel', '3x3', '4x4'), { setup });
  bench('conv-separable: out-channels 128 ↔ 64', flip('<conv-separable></conv-separable>', 'out-channels', '128', '64'), { setup });
  bench('conv-image 64×64: stride 1 ↔ 2', flip('<conv-image input="64x64"></conv-image>', 'stride', '1', '2'), { setup });
  bench('conv-explorer 6 ⊛ 3: kernel 3 ↔ 2 (the explorer itself)', flip('<conv-explorer input="6" kernel="3"></conv-explorer>', 'kernel', '3', '2'), { setup });
});
