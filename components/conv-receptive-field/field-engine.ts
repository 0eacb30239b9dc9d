/**
 * The engine code <conv-receptive-field> calls once it has a layer stack:
 * the composed receptive fields and their closed form. A lazy chunk of the
 * embed bundle (see LazyPart), loaded before the element's first render.
 */
export { receptiveField, receptiveFieldClosedForm, stackGeometry, widestReceptiveField } from '../../src/analysis/receptive-field.ts';
