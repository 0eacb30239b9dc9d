import { ParseError, SpecError } from '../errors.ts';
import { didYouMean } from './known-keys.ts';
import { PADDING_MODES, type PaddingMode } from './padding-mode.ts';

/**
 * A PyTorch layer as text, read (never evaluated) into the spec keys it sets:
 * `nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)`. The grammar is one
 * call whose arguments are literals: integers, tuples or lists of integers,
 * quoted strings, True/False/None. Anything else is a ParseError naming the argument.
 */
export interface TorchLayer {
  readonly dims: number;
  readonly transposed: boolean;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly kernel: number[];
  readonly stride: number[];
  readonly dilation: number[];
  readonly outputPadding: number[];
  /** per axis, or PyTorch's 'same' (stride 1) */
  readonly padding: number[] | 'same';
  /** padding_mode: zeros (the default), reflect, replicate or circular; zeros only for ConvTranspose */
  readonly paddingMode: PaddingMode;
  /** what the layer says that K does not show: bias=True, device=, dtype= (read, and left out of the matrix) */
  readonly notes: readonly string[];
}

/** The spec keys a layer sets; an explicit one beside `layer` is a conflict. */
export const LAYER_KEYS = ['kernel', 'stride', 'padding', 'dilation', 'transposed', 'outputPadding', 'inChannels', 'outChannels', 'groups', 'mode', 'paddingMode'] as const;

const CONV = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode', 'device', 'dtype'];
const TRANSPOSED = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'output_padding', 'groups', 'bias', 'dilation', 'padding_mode', 'device', 'dtype'];
/** Arguments about where and how precisely a layer runs: read as text (torch.float32, torch.device('cuda')), never as geometry. */
const PLACEMENT = ['device', 'dtype'];

type Literal = number | string | boolean | null | Literal[];
/** The text of a device= or dtype= value, kept only to be named in a note. */
type Placement = { readonly placement: string };
type Token = { kind: 'name' | 'int' | 'str' | 'punct' | 'other'; text: string };

const refuse = (rule: string, value?: unknown, fix?: string) => new ParseError({ field: 'layer', value, rule, fix });

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+)|'([^'\\]*)'|"([^"\\]*)"|([().,=[\]])|(\S))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < src.length && (m = re.exec(src)) !== null) {
    if (m[1] !== undefined) tokens.push({ kind: 'name', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'int', text: m[2] });
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ kind: 'str', text: m[3] ?? m[4]! });
    else if (m[5] !== undefined) tokens.push({ kind: 'punct', text: m[5] });
    else tokens.push({ kind: 'other', text: m[6]! }); // refused by the reader, which names the argument
  }
  return tokens;
}

/** Recursive descent over the tokens: call := name ('.' name)* '(' args ')'. */
class Reader {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly src: string) {}

  peek(text?: string): Token | undefined {
    const t = this.tokens[this.i];
    return text === undefined || t?.text === text ? t : undefined;
  }
  take(): Token | undefined { return this.tokens[this.i++]; }
  expect(text: string, what: string): void {
    const t = this.take();
    if (t?.text !== text) throw refuse(`expected "${text}" ${what}${t ? `, found "${t.text}"` : ' at the end'}`, this.src);
  }

  className(): string {
    const parts: string[] = [];
    do {
      const t = this.take();
      if (t?.kind !== 'name') throw refuse('expected a layer class such as nn.Conv2d', this.src);
      parts.push(t.text);
    } while (this.peek('.') && this.take());
    return parts.join('.');
  }

  /** One argument's literal; `arg` names it in the refusal. */
  literal(arg: string): Literal {
    const t = this.take();
    if (t === undefined) throw refuse(`argument ${arg} has no value`, this.src);
    if (t.kind === 'int') return Number(t.text);
    if (t.kind === 'str') return t.text;
    if (t.kind === 'name' && ['True', 'False', 'None'].includes(t.text)) return t.text === 'None' ? null : t.text === 'True';
    if (t.text === '(' || t.text === '[') {
      const close = t.text === '(' ? ')' : ']';
      const items: Literal[] = [];
      let comma = false;
      while (!this.peek(close)) {
        items.push(this.literal(arg));
        comma = this.peek(',') !== undefined;
        if (!this.peek(close)) this.expect(',', `between the values of ${arg}`);
      }
      this.take();
      // Python's (3) is the number 3; (3,) and [3] are sequences
      return close === ')' && items.length === 1 && !comma ? items[0]! : items;
    }
    throw refuse(`argument ${arg} must be a literal (an integer, a tuple of integers, a quoted string, True or False), not "${t.text}"${this.peek('(') || this.peek('.') ? ' (a call or an expression is never evaluated)' : ''}`, this.src);
  }

  /** A device= or dtype= value: a literal, or a dotted name with an optional call of literals (torch.device('cuda', 0)). */
  placement(arg: string): Placement {
    const t = this.peek();
    if (t?.kind !== 'name' || ['True', 'False', 'None'].includes(t.text)) return { placement: show(this.literal(arg)) };
    const name = this.className();
    if (!this.peek('(')) return { placement: name };
    this.take();
    const inner: string[] = [];
    while (!this.peek(')')) {
      inner.push(show(this.literal(arg)));
      if (!this.peek(')')) this.expect(',', `between the values of ${arg}`);
    }
    this.take();
    return { placement: `${name}(${inner.join(', ')})` };
  }

  args(names: readonly string[]): Map<string, Literal | Placement> {
    const out = new Map<string, Literal | Placement>();
    this.expect('(', 'after the layer class');
    let keywords = false;
    while (!this.peek(')')) {
      const t = this.peek();
      let name: string;
      if (t?.kind === 'name' && this.tokens[this.i + 1]?.text === '=') {
        name = t.text;
        this.i += 2;
        keywords = true;
        if (!names.includes(name)) {
          const near = didYouMean(name, names);
          throw refuse(`unknown keyword argument ${name}`, this.src, `${near ? `did you mean ${near}? ` : ''}the arguments are ${names.join(', ')}`);
        }
      } else {
        if (keywords) throw refuse(`a positional argument follows a keyword argument (argument ${out.size + 1})`, this.src);
        name = names[out.size] ?? '';
        if (!name) throw refuse(`takes at most ${names.length} positional arguments (${names.join(', ')})`, this.src);
      }
      if (out.has(name)) throw refuse(`argument ${name} is given twice`, this.src);
      out.set(name, PLACEMENT.includes(name) ? this.placement(name) : this.literal(name));
      if (!this.peek(')')) this.expect(',', `after argument ${name}`);
    }
    this.take();
    if (this.i < this.tokens.length) throw refuse(`unexpected "${this.tokens[this.i]!.text}" after the closing parenthesis`, this.src);
    return out;
  }
}

/** Reads a layer's text into its spec keys (every value checked, every refusal naming its argument). */
export function parseTorchLayer(src: unknown): TorchLayer {
  if (typeof src !== 'string' || src.trim() === '') throw refuse('expected PyTorch layer code such as nn.Conv2d(3, 16, kernel_size=3)', src);
  if (src.length > 2000) throw refuse('is longer than 2000 characters', src);
  const reader = new Reader(tokenize(src), src);
  const cls = reader.className();
  const m = /^(?:(?:torch\.)?nn\.)?Conv(Transpose)?([123])d$/.exec(cls);
  if (!m) throw refuse(`unknown layer class ${cls}`, src, 'convmat reads nn.Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d and ConvTranspose3d');
  const transposed = m[1] !== undefined;
  const dims = Number(m[2]);
  const { args, notes } = splitPlacement(reader.args(transposed ? TRANSPOSED : CONV));
  for (const need of ['in_channels', 'out_channels', 'kernel_size']) {
    if (!args.has(need)) throw refuse(`argument ${need} is missing`, src, `${cls} needs in_channels, out_channels and kernel_size`);
  }
  const paddingMode = readPaddingMode(args.get('padding_mode') ?? 'zeros', cls, transposed, src);
  const bias = args.get('bias') ?? true;
  if (typeof bias !== 'boolean') throw refuse(`argument bias must be True or False, not ${show(bias)}`, src);
  if (args.get('bias') === true) notes.unshift('bias=True adds one constant per output channel after K·z: K is the same, and convmat shows it without the bias');
  const tuple = (name: string, dflt: number, min: number) => perAxis(args.get(name) ?? dflt, name, dims, min, src);
  const padding = readPadding(args.get('padding') ?? 0, dims, transposed, src);
  const stride = tuple('stride', 1, 1);
  if (padding === 'same' && stride.some((s) => s !== 1)) {
    throw new SpecError({ field: 'layer', value: src, rule: "argument padding='same' needs stride 1 (PyTorch refuses it for strided convolutions)" });
  }
  return {
    dims, transposed, stride, padding, paddingMode,
    inChannels: integer(args.get('in_channels'), 'in_channels', 1, src),
    outChannels: integer(args.get('out_channels'), 'out_channels', 1, src),
    groups: integer(args.get('groups') ?? 1, 'groups', 1, src),
    kernel: tuple('kernel_size', 1, 1), dilation: tuple('dilation', 1, 1),
    outputPadding: transposed ? tuple('output_padding', 0, 0) : Array<number>(dims).fill(0),
    notes,
  };
}

/** device= and dtype= become a note (where the layer runs and in which precision do not change K); the rest is geometry. */
function splitPlacement(all: Map<string, Literal | Placement>): { args: Map<string, Literal>; notes: string[] } {
  const args = new Map<string, Literal>();
  const placed: string[] = [];
  for (const [name, v] of all) {
    if (v !== null && typeof v === 'object' && 'placement' in v) placed.push(`${name}=${v.placement}`);
    else args.set(name, v);
  }
  const notes = placed.length === 0 ? [] : [`${placed.join(' and ')} ${placed.length === 1 ? 'says' : 'say'} where and in which precision the layer runs, which does not change K`];
  return { args, notes };
}

function readPaddingMode(v: Literal, cls: string, transposed: boolean, src: string): PaddingMode {
  if (typeof v !== 'string' || !PADDING_MODES.includes(v as PaddingMode)) {
    throw refuse(`argument padding_mode=${show(v)} must be one of ${PADDING_MODES.map((m) => `'${m}'`).join(', ')}`, src);
  }
  if (transposed && v !== 'zeros') {
    throw refuse(`argument padding_mode=${show(v)}: ${cls} supports only padding_mode='zeros' (PyTorch refuses other modes for transposed convolutions)`, src, "drop padding_mode, or use a Conv layer");
  }
  return v as PaddingMode;
}

function readPadding(v: Literal, dims: number, transposed: boolean, src: string): number[] | 'same' {
  if (typeof v === 'string') {
    if (transposed) throw refuse(`argument padding=${show(v)}: ConvTranspose takes integer padding only`, src);
    if (v === 'valid') return Array<number>(dims).fill(0);
    if (v === 'same') return 'same';
    throw refuse(`argument padding=${show(v)} must be an integer, a tuple, 'same' or 'valid'`, src);
  }
  return perAxis(v, 'padding', dims, 0, src);
}

function perAxis(v: Literal, name: string, dims: number, min: number, src: string): number[] {
  if (!Array.isArray(v)) return Array<number>(dims).fill(integer(v, name, min, src));
  if (v.length !== dims) throw refuse(`argument ${name} has ${v.length} values but the layer has ${dims} spatial ${dims === 1 ? 'axis' : 'axes'}`, src);
  return v.map((x) => integer(x, name, min, src));
}

function integer(v: Literal | undefined, name: string, min: number, src: string): number {
  if (typeof v !== 'number' || v < min) throw refuse(`argument ${name} must be an integer from ${min}, not ${show(v ?? null)}`, src);
  return v;
}

function show(v: Literal): string {
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `(${v.map(show).join(', ')})`;
  return v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
}
