/**
 * The view code <conv-explorer> calls: the playground's view of a spec (its
 * PyTorch code, the output-size formulas, what it composes) and how a
 * change settles the other fields (explorer-transition.ts). A lazy chunk of
 * the embed bundle (see LazyPart), loaded before the element's first render.
 */
export { explorerView } from '../../src/view/explorer-view.ts';
export { settleTransition } from '../../src/view/explorer-transition.ts';
