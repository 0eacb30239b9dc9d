/**
 * The view code <conv-checkerboard> calls: the overlap counts and the rule
 * (src/view). A lazy chunk of the embed bundle (see LazyPart), loaded before
 * the element's first render.
 */
export { checkerboardView } from '../../src/view/checkerboard-view.ts';
