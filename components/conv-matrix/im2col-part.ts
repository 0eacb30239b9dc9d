import { LazyPart } from '../shared/lazy-part.ts';

/**
 * The im2col form of <conv-matrix> (`form="im2col"`): its equation and its
 * check through the im2col-duality identity. A lazy chunk of the embed
 * bundle, loaded before the element's first render.
 */
export const im2colView = new LazyPart('the im2col view', () => import('../../src/view/im2col-view.ts'));
