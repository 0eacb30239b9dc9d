/**
 * The lecture's examples as one shared table of plain data, used by unit,
 * property and browser tests alike. Every expected value is written as the
 * lecture prints it (names, numbers, order); polynomials are text to be parsed
 * with parseExpression and compared as polynomials, never as strings.
 * Nothing here is computed by the engine.
 */
import type { SpecInput } from '../src/geometry/spec.ts';

export interface LectureCase {
  id: string;
  title: string;
  /** the lecture section it comes from */
  section: '1D' | '2D' | '3D' | 'transposed' | '1x1';
  spec: SpecInput;
  expected: {
    /** the matrix of the spec, rows of entry text ('0' where empty) */
    matrix?: string[][];
    /** K·z, one polynomial text per output */
    product?: string[];
    /** numeric outputs (when weights and inputs are numbers), row-major over [C_out, ...spatial] */
    values?: number[];
    outputNames?: string[];
    /** spatial output size */
    output?: number[];
    shape?: { rows: number; cols: number };
    nonzeros?: number;
  };
}

const row = (...xs: string[]) => xs;

/** 3D example: 4×4×4 input, 3×3×3 kernel; the first output reads z at (a,b,c) ∈ {0,1,2}³, flat a·16+b·4+c+1. */
function first3dOutput(): string {
  const terms: string[] = [];
  for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) for (let c = 0; c < 3; c++) {
    terms.push(`w${a * 9 + b * 3 + c + 1}*z${a * 16 + b * 4 + c + 1}`);
  }
  return terms.join(' + ');
}

export const lectureCases: readonly LectureCase[] = [
  {
    id: 'conv2d-5x5-numbers',
    title: '2D convolution: 5×5 input ⊛ 3×3 filter [[0,1,2],[2,2,0],[0,1,2]], stride 1, padding 0',
    section: '2D',
    spec: {
      input: '5x5', kernel: '3x3',
      weights: [[0, 1, 2], [2, 2, 0], [0, 1, 2]],
      inputs: [[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],
    },
    expected: { values: [12, 12, 17, 10, 17, 19, 9, 6, 14], output: [3, 3], shape: { rows: 9, cols: 25 } },
  },
  {
    id: 'padded-xyz',
    title: 'Convolution as a matrix: weights x, y, z on a, b, c, d, stride 1, padding 1',
    section: 'transposed',
    spec: { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' },
    expected: {
      // the lecture prints 6 columns against [0, a, b, c, d, 0]; the padding columns meet zeros and are dropped
      matrix: [row('y', 'z', '0', '0'), row('x', 'y', 'z', '0'), row('0', 'x', 'y', 'z'), row('0', '0', 'x', 'y')],
      product: ['a*y + b*z', 'a*x + b*y + c*z', 'b*x + c*y + d*z', 'c*x + d*y'],
      // not y1..y4 beside the weight y
      outputNames: ['u1', 'u2', 'u3', 'u4'],
      output: [4], shape: { rows: 4, cols: 4 }, nonzeros: 10,
    },
  },
  {
    id: 'padded-xyz-transposed',
    title: 'Transposed convolution Xᵀa: length 4 up to 6, stride 1, padding 0',
    section: 'transposed',
    spec: { input: 4, kernel: 3, transposed: true, padding: 0, weights: 'x,y,z', inputs: 'a,b,c,d' },
    expected: {
      matrix: [
        row('x', '0', '0', '0'), row('y', 'x', '0', '0'), row('z', 'y', 'x', '0'),
        row('0', 'z', 'y', 'x'), row('0', '0', 'z', 'y'), row('0', '0', '0', 'z'),
      ],
      product: ['a*x', 'a*y + b*x', 'a*z + b*y + c*x', 'b*z + c*y + d*x', 'c*z + d*y', 'd*z'],
      // z̃ and ỹ would share a letter with the weights z and y
      outputNames: ['utilde1', 'utilde2', 'utilde3', 'utilde4', 'utilde5', 'utilde6'],
      output: [6], shape: { rows: 6, cols: 4 }, nonzeros: 12,
    },
  },
  {
    id: 'w-z-regular',
    title: 'K·z: w1..w3 on z1..z6 gives z7..z10 (stride 1, padding 0)',
    section: 'transposed',
    spec: { input: 6, kernel: 3 },
    expected: {
      matrix: [
        row('w1', 'w2', 'w3', '0', '0', '0'), row('0', 'w1', 'w2', 'w3', '0', '0'),
        row('0', '0', 'w1', 'w2', 'w3', '0'), row('0', '0', '0', 'w1', 'w2', 'w3'),
      ],
      product: ['w1*z1 + w2*z2 + w3*z3', 'w1*z2 + w2*z3 + w3*z4', 'w1*z3 + w2*z4 + w3*z5', 'w1*z4 + w2*z5 + w3*z6'],
      outputNames: ['z7', 'z8', 'z9', 'z10'],
      output: [4], shape: { rows: 4, cols: 6 }, nonzeros: 12,
    },
  },
  {
    id: 'w-z-transposed',
    title: 'Kᵀ back to six entries: z7..z10 up to z̃1..z̃6',
    section: 'transposed',
    spec: { input: 4, kernel: 3, transposed: true, inputs: 'z7,z8,z9,z10' },
    expected: {
      matrix: [
        row('w1', '0', '0', '0'), row('w2', 'w1', '0', '0'), row('w3', 'w2', 'w1', '0'),
        row('0', 'w3', 'w2', 'w1'), row('0', '0', 'w3', 'w2'), row('0', '0', '0', 'w3'),
      ],
      product: [
        'w1*z7', 'w2*z7 + w1*z8', 'w3*z7 + w2*z8 + w1*z9',
        'w3*z8 + w2*z9 + w1*z10', 'w3*z9 + w2*z10', 'w3*z10',
      ],
      outputNames: ['ztilde1', 'ztilde2', 'ztilde3', 'ztilde4', 'ztilde5', 'ztilde6'],
      output: [6], shape: { rows: 6, cols: 4 }, nonzeros: 12,
    },
  },
  {
    id: 'down-4x4-2x2',
    title: 'Regular convolution 4×4 → 2×2 with k = 3, s = 1, p = 0',
    section: 'transposed',
    spec: { input: '4x4', kernel: '3x3' },
    expected: {
      output: [2, 2], shape: { rows: 4, cols: 16 }, nonzeros: 36,
      product: [
        'w1*z1 + w2*z2 + w3*z3 + w4*z5 + w5*z6 + w6*z7 + w7*z9 + w8*z10 + w9*z11',
        'w1*z2 + w2*z3 + w3*z4 + w4*z6 + w5*z7 + w6*z8 + w7*z10 + w8*z11 + w9*z12',
        'w1*z5 + w2*z6 + w3*z7 + w4*z9 + w5*z10 + w6*z11 + w7*z13 + w8*z14 + w9*z15',
        'w1*z6 + w2*z7 + w3*z8 + w4*z10 + w5*z11 + w6*z12 + w7*z14 + w8*z15 + w9*z16',
      ],
    },
  },
  {
    id: 'up-2x2-4x4-conv',
    title: "Back up 2×2 → 4×4 as a regular convolution with k' = 3, s' = 1, p' = 2",
    section: 'transposed',
    spec: { input: '2x2', kernel: '3x3', padding: 2 },
    expected: {
      output: [4, 4], shape: { rows: 16, cols: 4 }, nonzeros: 36,
      // corner outputs see one input each through the far corner of the kernel
      product: ['w9*z1', 'w8*z1 + w9*z2', 'w7*z1 + w8*z2', 'w7*z2'],
    },
  },
  {
    id: 'up-2x2-4x4-transposed',
    title: 'The same upsampling as a transposed convolution (k = 3, s = 1, p = 0)',
    section: 'transposed',
    spec: { input: '2x2', kernel: '3x3', transposed: true },
    expected: {
      output: [4, 4], shape: { rows: 16, cols: 4 }, nonzeros: 36,
      product: ['w1*z1', 'w2*z1 + w1*z2', 'w3*z1 + w2*z2', 'w3*z2'],
    },
  },
  {
    id: 'one-by-one-200',
    title: '1×1 convolution: 200 channels embedded into a single channel',
    section: '1x1',
    spec: { input: '2x2', kernel: '1x1', inChannels: 200, outChannels: 1 },
    expected: {
      output: [2, 2], shape: { rows: 4, cols: 800 }, nonzeros: 800,
      product: [Array.from({ length: 200 }, (_, c) => `w_1_${c + 1}_1*z_${c + 1}_1`).join(' + ')],
    },
  },
  {
    id: 'conv3d-4x4x4',
    title: '3D convolution: a 3×3×3 kernel moved in x, y and z over a 4×4×4 volume gives a 3D output',
    section: '3D',
    spec: { input: '4x4x4', kernel: '3x3x3' },
    expected: { output: [2, 2, 2], shape: { rows: 8, cols: 64 }, nonzeros: 216, product: [first3dOutput()] },
  },
  {
    id: 'conv1d-depth3',
    title: '1D convolution of depth-3 sensor data with a filter of size 2',
    section: '1D',
    spec: { input: 5, kernel: 2, inChannels: 3, outChannels: 1 },
    expected: {
      output: [4], shape: { rows: 4, cols: 15 }, nonzeros: 24,
      product: ['w_1_1_1*z_1_1 + w_1_1_2*z_1_2 + w_1_2_1*z_2_1 + w_1_2_2*z_2_2 + w_1_3_1*z_3_1 + w_1_3_2*z_3_2'],
    },
  },
];

/** Spatially separable kernels: the Sobel kernel and its variant as outer products. */
export const separableCases = [
  { id: 'sobel', kernel: [[1, 0, -1], [2, 0, -2], [1, 0, -1]], column: [1, 2, 1], row: [1, 0, -1] },
  { id: 'sobel-variant', kernel: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], column: [1, 2, 1], row: [-1, 0, 1] },
] as const;

/** Multiplication counts as printed: standard vs separable (first stage + second stage). */
export const costCases = [
  { id: 'spatial-5x5', title: '5×5 image, 3×3 kernel', spec: { input: '5x5', kernel: '3x3' }, standard: 81, separable: [45, 27], total: 72 },
  {
    id: 'depthwise-128', title: '3 channels, 3×3 kernel, 5×5 moves, 128 kernels',
    spec: { input: '7x7', kernel: '3x3', inChannels: 3, outChannels: 128 }, standard: 86_400, separable: [675, 9_600], total: 10_275,
  },
  {
    id: 'depthwise-256', title: '3 channels, 5×5 kernel, 8×8 moves, 256 kernels',
    spec: { input: '12x12', kernel: '5x5', inChannels: 3, outChannels: 256 }, standard: 1_228_800, separable: [4_800, 49_152], total: 53_952,
  },
] as const;

/** Receptive fields of 1D stacks as printed. */
export const receptiveFieldCases = [
  { id: 'k2-s2', layers: [{ k: 2, s: 2, d: 1 }, { k: 2, s: 2, d: 1 }], size: 4 },
  { id: 'k2-s2-d2', layers: [{ k: 2, s: 2, d: 2 }, { k: 2, s: 2, d: 2 }], size: 7 },
  { id: 'tcn-1-2-4', layers: [{ k: 3, s: 1, d: 1 }, { k: 3, s: 1, d: 2 }, { k: 3, s: 1, d: 4 }], size: 15 },
] as const;

export function lectureCase(id: string): LectureCase {
  const c = lectureCases.find((x) => x.id === id);
  if (!c) throw new Error(`no lecture case ${id}`);
  return c;
}
