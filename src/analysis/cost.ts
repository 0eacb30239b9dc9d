import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecGeometry, type SpecInput, normalizeSpec, specGeometry } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { storedTaps } from '../matrix/csr.ts';
import { depthwiseSeparableStages, spatiallySeparableStages } from './separable-stages.ts';

/**
 * Costs of a convolution: multiplications counted from the stored taps of its
 * matrix (one product per tap of K·z; a summed entry w1 + w3 of reflect or
 * replicate padding multiplies twice, as the sliding window does), with the
 * closed form beside them.
 *
 * Closed form (the only place it is written):
 *   multiplications = C_out · (C_in/groups) · Π k · Π o   (every tap of every window)
 *   parameters      = C_out · (C_in/groups) · Π k
 * taken on the regular convolution underlying the spec (for a transposed
 * convolution, the one whose matrix is transposed: Kᵀ has the same nonzeros).
 * The two counts agree unless taps fall on zero padding: the matrix never
 * multiplies by a padded zero, the closed form counts it as frameworks do
 * (other padding modes copy inputs, so every tap multiplies).
 */
export interface ConvCost {
  /** stored taps of the matrix: the multiplications of K·z */
  multiplications: number;
  /** C_out · (C_in/groups) · Π k · Π o */
  closedForm: number;
  /** taps that read a zero padding cell: closedForm − multiplications */
  paddingTaps: number;
  /** C_out · (C_in/groups) · Π k */
  parameters: number;
}

/** Weights per output position: (C_in/groups) · Π k. */
function tapsPerOutput(spec: SpecGeometry): number {
  return (spec.conv.inChannels / spec.groups) * product(spec.kernel);
}

export function parameterCount(input: SpecInput | ConvSpec): number {
  const spec = specGeometry(input);
  return spec.conv.outChannels * tapsPerOutput(spec);
}

export function multiplicationsClosedForm(input: SpecInput | ConvSpec): number {
  const spec = specGeometry(input);
  return spec.conv.outChannels * product(spec.conv.axes.map((a) => a.o)) * tapsPerOutput(spec);
}

export function convCost(input: SpecInput | ConvSpec): ConvCost {
  const spec = normalizeSpec(input);
  const multiplications = storedTaps(convMatrix(spec));
  const closedForm = multiplicationsClosedForm(spec);
  return { multiplications, closedForm, paddingTaps: closedForm - multiplications, parameters: parameterCount(spec) };
}

export interface StagedCost {
  /** the convolution being replaced */
  standard: ConvCost;
  /** the replacing stages, in the order they run */
  stages: Array<{ name: string; spec: SpecInput; cost: ConvCost }>;
  /** sums over the stages, counted from their matrices */
  multiplications: number;
  parameters: number;
}

function staged(standard: SpecInput | ConvSpec, stages: Array<{ name: string; spec: SpecInput }>): StagedCost {
  const costed = stages.map((s) => ({ ...s, cost: convCost(s.spec) }));
  return {
    standard: convCost(standard),
    stages: costed,
    multiplications: costed.reduce((acc, s) => acc + s.cost.multiplications, 0),
    parameters: costed.reduce((acc, s) => acc + s.cost.parameters, 0),
  };
}

/**
 * Without building any matrix: the closed forms alone, for a request too
 * large to count from its matrices. `multiplications` is null in each cost:
 * not counted.
 */
export type ClosedFormCost = Omit<ConvCost, 'multiplications' | 'paddingTaps'> & { multiplications: null; paddingTaps: null };
export interface ClosedFormStagedCost {
  standard: ClosedFormCost;
  stages: Array<{ name: string; spec: SpecInput; cost: ClosedFormCost }>;
  multiplications: null;
  parameters: number;
}

function closedCost(input: SpecInput | ConvSpec): ClosedFormCost {
  return { closedForm: multiplicationsClosedForm(input), parameters: parameterCount(input), multiplications: null, paddingTaps: null };
}

function stagedClosedForms(standard: SpecInput | ConvSpec, stages: Array<{ name: string; spec: SpecInput }>): ClosedFormStagedCost {
  const costed = stages.map((s) => ({ ...s, cost: closedCost(s.spec) }));
  return { standard: closedCost(standard), stages: costed, multiplications: null, parameters: costed.reduce((acc, s) => acc + s.cost.parameters, 0) };
}

const AXIS_NAMES = ['vertical', 'horizontal', 'depth'];

function spatialStages(input: SpecInput | ConvSpec): Array<{ name: string; spec: SpecInput }> {
  return spatiallySeparableStages(input).map((stage, a) => ({ name: AXIS_NAMES[a]!, spec: stage }));
}

/** A 2D (or 3D) single-channel convolution against one 1D convolution per axis (lecture: 81 against 45 + 27 = 72). */
export function spatiallySeparableCost(input: SpecInput | ConvSpec): StagedCost {
  const spec = normalizeSpec(input);
  return staged(spec, spatialStages(spec));
}

/** The same comparison from the closed forms only (no matrix built). */
export function spatiallySeparableClosedForms(input: SpecInput | ConvSpec): ClosedFormStagedCost {
  return stagedClosedForms(input, spatialStages(input));
}

/** The depthwise-separable comparison from the closed forms only (no matrix built). */
export function depthwiseSeparableClosedForms(input: SpecInput | ConvSpec, multiplier = 1): ClosedFormStagedCost {
  const { depthwise, pointwise } = depthwiseSeparableStages(input, multiplier);
  return stagedClosedForms(input, [{ name: 'depthwise', spec: depthwise }, { name: 'pointwise', spec: pointwise }]);
}

/** A convolution against depthwise + pointwise (lecture: 86,400 against 675 + 9,600 = 10,275). */
export function depthwiseSeparableCost(input: SpecInput | ConvSpec, multiplier = 1): StagedCost {
  const spec = normalizeSpec(input);
  const { depthwise, pointwise } = depthwiseSeparableStages(spec, multiplier);
  return staged(spec, [{ name: 'depthwise', spec: depthwise }, { name: 'pointwise', spec: pointwise }]);
}
