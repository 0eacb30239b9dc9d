import { ConvMatrixElement } from './conv-matrix/conv-matrix.ts';
import { ConvWindowElement } from './conv-window/conv-window.ts';
import { ConvTransposedElement } from './conv-transposed/conv-transposed.ts';
import { ConvDerivationElement } from './conv-derivation/conv-derivation.ts';
import { ConvReceptiveFieldElement } from './conv-receptive-field/conv-receptive-field.ts';
import { ConvCheckerboardElement } from './conv-checkerboard/conv-checkerboard.ts';
import { ConvSeparableElement } from './conv-separable/conv-separable.ts';
import { ConvExplorerElement } from './conv-explorer/conv-explorer.ts';
import { ConvImageElement } from './conv-image/conv-image.ts';

/**
 * The one module with side effects: it registers every convmat element.
 * Importing it twice (two bundles, a hot reload) is harmless.
 */
export const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['conv-matrix', ConvMatrixElement],
  ['conv-window', ConvWindowElement],
  ['conv-transposed', ConvTransposedElement],
  ['conv-derivation', ConvDerivationElement],
  ['conv-receptive-field', ConvReceptiveFieldElement],
  ['conv-checkerboard', ConvCheckerboardElement],
  ['conv-separable', ConvSeparableElement],
  ['conv-explorer', ConvExplorerElement],
  ['conv-image', ConvImageElement],
];

// guarded: a page without a custom-element registry (a server render with a partial DOM shim) defines nothing
if (typeof customElements !== 'undefined') {
  for (const [tag, ctor] of ELEMENTS) {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conv-matrix': ConvMatrixElement;
    'conv-window': ConvWindowElement;
    'conv-transposed': ConvTransposedElement;
    'conv-derivation': ConvDerivationElement;
    'conv-receptive-field': ConvReceptiveFieldElement;
    'conv-checkerboard': ConvCheckerboardElement;
    'conv-separable': ConvSeparableElement;
    'conv-explorer': ConvExplorerElement;
    'conv-image': ConvImageElement;
  }
}

export {
  ConvMatrixElement, ConvWindowElement, ConvTransposedElement, ConvDerivationElement,
  ConvReceptiveFieldElement, ConvCheckerboardElement, ConvSeparableElement, ConvExplorerElement, ConvImageElement,
};
export type { HighlightDetail } from './shared/conv-element.ts';
