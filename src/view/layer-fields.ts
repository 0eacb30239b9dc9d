/**
 * The spec fields a pasted PyTorch layer sets (the playground disables them
 * while a layer is there, and a layer in the URL replaces them), known before
 * any view is computed.
 */
export { LAYER_KEYS as LAYER_FIELDS } from '../geometry/torch-layer.ts';
