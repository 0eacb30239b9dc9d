import { ConvMatrixElement } from './conv-matrix/conv-matrix.ts';
import { ConvWindowElement } from './conv-window/conv-window.ts';
import { ConvTransposedElement } from './conv-transposed/conv-transposed.ts';
import { ConvDerivationElement } from './conv-derivation/conv-derivation.ts';
import { ConvReceptiveFieldElement } from './conv-receptive-field/conv-receptive-field.ts';
import { ConvCheckerboardElement } from './conv-checkerboard/conv-checkerboard.ts';
import { ConvSeparableElement } from './conv-separable/conv-separable.ts';
import { ConvExplorerElement } from './conv-explorer/conv-explorer.ts';
import { ConvImageElement } from './conv-image/conv-image.ts';
import type { ConvmatEventMap } from './shared/events.ts';

/**
 * Every convmat element by tag, with no side effect: components/define.ts
 * registers them (the one module that does).
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

/** Registers every element not registered yet (twice is harmless: two bundles, a hot reload). */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, ctor] of ELEMENTS) {
    if (!registry.get(tag)) registry.define(tag, ctor);
  }
}

declare global {
  // typed listeners: el.addEventListener('highlight', (e) => e.detail.output)
  interface HTMLElementEventMap extends ConvmatEventMap {}
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
export type { ConvmatEventMap, SpecChangeDetail } from './shared/events.ts';
