/**
 * The view code <conv-separable> calls: the factorisation and the cost
 * tables (src/view). A lazy chunk of the embed bundle (see LazyPart), loaded
 * before the element's first render.
 */
export { separableView } from '../../src/view/separable-view.ts';
