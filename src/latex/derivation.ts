import type { ViewLimits } from '../work/element.ts';
import type { WorkLimitsInput } from '../work/limits.ts';
import type { WorkEstimate } from '../work/request.ts';

/**
 * Derivations are data: a title and a list of steps a reader follows line by
 * line. Every step carries its LaTeX (`tex`, built only from escaped pieces)
 * and the structure the other formats need (`parts` for aligned text,
 * `rows` for tables). Highlights link what belongs together (matrix row,
 * input cells, weight taps, output term) so a component can do linked hover.
 * Unions are keyed by `type`.
 */
export interface Derivation {
  readonly topic: string;
  readonly title: string;
  readonly steps: readonly Step[];
}

export type Step = EquationStep | NoteStep | TableStep | VerdictStep;

interface StepBase {
  readonly title: string;
  /** the whole step as one LaTeX string (display math) */
  readonly tex: string;
  readonly highlights: readonly Highlight[];
}

/** A line of math: matrices, vectors and operators set side by side. */
export interface EquationStep extends StepBase {
  readonly type: 'equation';
  readonly parts: readonly Part[];
  /** true on the step that is K·z = y itself, the product an element beside the derivation may already show */
  readonly product?: true;
}

/** A remark in words (the lecture's notes). */
export interface NoteStep extends StepBase {
  readonly type: 'note';
  readonly text: string;
}

/** A table of numbers or short formulas (index tables, multiplication counts). */
export interface TableStep extends StepBase {
  readonly type: 'table';
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The outcome of an exact comparison done by the engine. */
export interface VerdictStep extends StepBase {
  readonly type: 'verdict';
  readonly equal: boolean;
  readonly text: string;
}

/** One piece of math in two spellings: LaTeX and plain text (identifiers mathjs/SymPy parse). */
export interface Cell {
  readonly tex: string;
  readonly text: string;
}

export type Part = MatrixPart | MathPart;

export interface MathPart extends Cell {
  readonly type: 'math';
}

/**
 * A matrix or column vector, possibly elided. `rowIndex`/`colIndex` say which
 * source row/column each shown row/column is (null: an elision line).
 */
export interface MatrixPart {
  readonly type: 'matrix';
  readonly rows: number;
  readonly cols: number;
  readonly rowIndex: readonly (number | null)[];
  readonly colIndex: readonly (number | null)[];
  readonly cells: readonly (readonly Cell[])[];
  readonly label?: Cell;
  /** block sizes (rows, cols) at each nesting level, innermost first, when the block structure is drawn */
  readonly blocks?: readonly { rows: number; cols: number }[];
  /** the source row to highlight */
  readonly highlightRow?: number;
}

/**
 * Links between views of one output: the matrix row that computes it, the
 * input cells (flat indices) its window covers, the weight taps (flat weight
 * indices) that multiply them, and the output's name.
 */
export interface Highlight {
  readonly type: 'output';
  readonly output: number;
  readonly name: string;
  readonly row: number;
  readonly inputs: readonly number[];
  readonly taps: readonly number[];
}

/** Options every builder takes. */
export interface DeriveOptions {
  /** elision limits for matrices and vectors (default 16 rows × 25 columns) */
  readonly limits?: { maxRows: number; maxCols: number };
  /** work limits for this derivation: a factor on the defaults, or limits by name (see src/work/limits.ts) */
  readonly maxWork?: WorkLimitsInput;
}

/**
 * What a topic costs, stated next to its builder (each derive-*.ts): the
 * work of one derivation, and the limits past which an element shows the
 * limit instead of typesetting every step (measured per topic: the window
 * typesets one frame per output, separable builds both stages as matrices;
 * topics that only count keep wide limits).
 */
export interface TopicWork {
  /** an upper bound of what the engine allocates for `derive(topic, spec)`; reading the spec throws its typed errors */
  readonly estimate: (spec: unknown) => WorkEstimate;
  /** the element's view limits for this topic, over VIEW_LIMITS (src/work/element.ts) */
  readonly limits: Partial<ViewLimits>;
}
