import type { SpecInput } from '../../src/geometry/spec.ts';
import type { HighlightDetail } from './conv-element.ts';

/** Detail of the `spec-change` event: the accepted attributes as a spec, plus what each element adds (rows, frames, topic…). */
export interface SpecChangeDetail {
  /** the spec read from the attributes */
  spec: SpecInput;
  /** element-specific extras, e.g. `rows` and `cols` of <conv-matrix> */
  [extra: string]: unknown;
}

/** The events every convmat element fires (they bubble and cross shadow roots), by name. */
export interface ConvmatEventMap {
  highlight: CustomEvent<HighlightDetail>;
  'spec-change': CustomEvent<SpecChangeDetail>;
}
