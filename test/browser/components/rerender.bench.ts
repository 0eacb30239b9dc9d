import 'katex';
import '../../../components/define.ts';
import { loadKatex } from '../../../components/shared/katex-block.ts';
import { rerenderBenches } from './rerender-cases.ts';

/**
 * The element budgets on the dev build (dev-mode Lit is slower; rerender-bundle.bench.ts measures the production bundle).
 *   npx vitest bench --run --project browser test/browser/components/rerender.bench.ts
 */
rerenderBenches(async () => { await loadKatex(); });
