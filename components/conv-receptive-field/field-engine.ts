/**
 * The view code <conv-receptive-field> calls: the layer stack and the
 * receptive field of a neuron (src/view). A lazy chunk of the embed bundle
 * (see LazyPart), loaded before the element's first render.
 */
export { fieldFocus, focusCaption, receptiveFieldView } from '../../src/view/receptive-field-view.ts';
