import { ParseError } from '../../src/errors.ts';
import type { StackLayer } from '../../src/analysis/receptive-field.ts';

/**
 * The `layers` attribute of <conv-receptive-field>: layers separated by `;`,
 * each a list of `key=value` pairs in the CLI's syntax (`k=2 s=2 d=2`, or
 * `kernel=3x3 stride=1 padding=1`), or a JSON array of layer objects.
 * Values are handed to the engine's parsers, which name the layer on error.
 */
const KEYS: Record<string, keyof StackLayer> = {
  k: 'kernel', kernel: 'kernel', s: 'stride', stride: 'stride', d: 'dilation', dilation: 'dilation', p: 'padding', padding: 'padding',
};

export function parseLayers(text: string): StackLayer[] {
  const s = text.trim();
  if (s.startsWith('[')) {
    let json: unknown;
    try { json = JSON.parse(s); } catch {
      throw new ParseError({ field: 'layers', value: text, rule: 'is not valid JSON', fix: 'write [{"kernel":2,"stride":2}, …] or k=2 s=2; k=2 s=2' });
    }
    if (!Array.isArray(json) || json.some((l) => typeof l !== 'object' || l === null || Array.isArray(l))) {
      throw new ParseError({ field: 'layers', value: text, rule: 'must be an array of layer objects' });
    }
    return json as StackLayer[];
  }
  const layers = s.split(';').map((part) => part.trim()).filter((part) => part !== '');
  if (layers.length === 0) throw new ParseError({ field: 'layers', value: text, rule: 'needs at least one layer', fix: 'for example k=3 d=1; k=3 d=2; k=3 d=4' });
  return layers.map((part, l) => {
    const layer: Record<string, string> = {};
    for (const token of part.split(/\s+/)) {
      const m = /^([a-z]+)=(\S+)$/i.exec(token);
      const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
      if (!m || !key) {
        throw new ParseError({
          field: `layers[${l}]`, value: token,
          rule: 'each layer is a list of key=value pairs with keys k (kernel), s (stride), d (dilation), p (padding)',
          fix: 'for example k=2 s=2',
        });
      }
      layer[key] = m[2]!;
    }
    return layer as StackLayer;
  });
}
