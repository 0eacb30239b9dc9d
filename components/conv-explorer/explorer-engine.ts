/**
 * The engine code <conv-explorer> calls once it has a spec: the PyTorch
 * code and the output-size formulas. A lazy chunk of the embed bundle (see
 * LazyPart), loaded before the element's first render.
 */
export { torchCode } from '../../src/geometry/torch-code.ts';
export { outputSizeFormulas } from '../../src/view/output-size-formula.ts';
