import { ConvMatrixElement } from './conv-matrix/conv-matrix.ts';
import { ConvWindowElement } from './conv-window/conv-window.ts';
import { ConvTransposedElement } from './conv-transposed/conv-transposed.ts';
import { ConvDerivationElement } from './conv-derivation/conv-derivation.ts';

/**
 * The one module with side effects: it registers every convmat element.
 * Importing it twice (two bundles, a hot reload) is harmless.
 */
const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['conv-matrix', ConvMatrixElement],
  ['conv-window', ConvWindowElement],
  ['conv-transposed', ConvTransposedElement],
  ['conv-derivation', ConvDerivationElement],
];

for (const [tag, ctor] of ELEMENTS) {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

export { ConvMatrixElement, ConvWindowElement, ConvTransposedElement, ConvDerivationElement };
