import { bench, describe } from 'vitest';
import '../../src/algebra/expression.ts';
import { checkIdentity } from '../../src/check/identities/catalogue.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { derive } from '../../src/latex/derive.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { im2colMatrix } from '../../src/matrix/im2col.ts';

/** Z beside K at the engine budget's size (64×64, 3×3), the im2col-duality check, the derivation, and the DFT check at 16×16. */
describe('im2col', () => {
  const spec = normalizeSpec({ input: '64x64', kernel: '3x3' });
  bench('convMatrix 64×64 ⊛ 3×3 (K)', () => { convMatrix(spec); });
  bench('im2colMatrix 64×64 ⊛ 3×3 (Z = K with roles exchanged)', () => { im2colMatrix(spec); });
  bench('im2col-duality 64×64 ⊛ 3×3 (K·z, Z·w, window, integers)', () => { checkIdentity('im2col-duality', { input: '64x64', kernel: '3x3' }); });
  bench('explain im2col 32×32 ⊛ 3×3', () => { derive('im2col', { input: '32x32', kernel: '3x3' }); });
  bench('circular-dft-diagonal 16×16 ⊛ 3×3 (N = 256)', () => {
    checkIdentity('circular-dft-diagonal', { input: '16x16', kernel: '3x3', padding: 1, paddingMode: 'circular' });
  });
});
