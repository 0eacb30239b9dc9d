/**
 * The kernels <conv-image> offers by name, as data: each is the `weights`
 * attribute it sets (the kernel size follows from the nested array). Every
 * weight is a finite decimal, so the check stays exact over the rationals.
 */
export interface KernelPreset {
  id: string;
  label: string;
  weights: string;
}

export const KERNEL_PRESETS: readonly KernelPreset[] = [
  { id: 'sobel-x', label: 'Sobel x (vertical edges)', weights: '[[1,0,-1],[2,0,-2],[1,0,-1]]' },
  { id: 'sobel-y', label: 'Sobel y (horizontal edges)', weights: '[[1,2,1],[0,0,0],[-1,-2,-1]]' },
  { id: 'box', label: 'box blur 5×5 (mean)', weights: '[[0.04,0.04,0.04,0.04,0.04],[0.04,0.04,0.04,0.04,0.04],[0.04,0.04,0.04,0.04,0.04],[0.04,0.04,0.04,0.04,0.04],[0.04,0.04,0.04,0.04,0.04]]' },
  { id: 'gaussian', label: 'Gaussian blur 3×3 (binomial, sums to 1)', weights: '[[0.0625,0.125,0.0625],[0.125,0.25,0.125],[0.0625,0.125,0.0625]]' },
  { id: 'sharpen', label: 'sharpen', weights: '[[0,-1,0],[-1,5,-1],[0,-1,0]]' },
];

/** The kernel used when neither `kernel` nor `weights` is given. */
export const DEFAULT_KERNEL = KERNEL_PRESETS[0]!;

/** The choice "your own weights": the `weights` attribute as typed. */
export const TYPED_KERNEL = 'typed';

/** Which preset `weights` is (spaces ignored): its id, the default's when nothing is given, else TYPED_KERNEL. */
export function kernelChoice(weights: string | undefined, kernel: string | undefined): string {
  if (weights === undefined) return kernel === undefined ? DEFAULT_KERNEL.id : TYPED_KERNEL;
  const w = weights.replace(/\s+/g, '');
  return KERNEL_PRESETS.find((p) => p.weights === w)?.id ?? TYPED_KERNEL;
}
