/** Detail of the `highlight` event: plain data naming the output and the inputs it reads. */
export interface HighlightDetail {
  /** flat output index, or null when the highlight is cleared */
  output: number | null;
  /** the output's name, e.g. "z7" */
  name?: string;
  /** the matrix row (equals `output`) */
  row?: number | null;
  /** flat input indices the output reads (columns of its matrix row) */
  inputs?: number[];
  /** the tag of the element that fired it */
  source: string;
  /** element-specific extras, e.g. an overlap count or a layer */
  [extra: string]: unknown;
}
