import 'katex';
// the production bundle (npm run build:embed first): production Lit, minified, as a page gets it;
// imported through a variable so that type-checking does not need the build
const bundle = '../../../dist/convmat.js';
await import(/* @vite-ignore */ bundle);
import { rerenderBenches } from './rerender-cases.ts';

/**
 * The element budgets on the production bundle (production Lit, minified, as a page gets it).
 *   npm run build:embed && npx vitest bench --run --project browser test/browser/components/rerender-bundle.bench.ts
 */
rerenderBenches(async () => { await customElements.whenDefined('conv-window'); });
