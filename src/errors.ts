/**
 * Typed errors. Every message names the field, the value, the rule and, where
 * one exists, a fix, so a CLI can print it as one line and a component inline.
 */
export type ErrorKind = 'spec' | 'parse' | 'name' | 'limit';

export interface ErrorDetails {
  field: string;
  value: unknown;
  rule: string;
  fix?: string;
}

export class ConvmatError extends Error {
  readonly kind: ErrorKind;
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
  readonly fix?: string;

  constructor(kind: ErrorKind, d: ErrorDetails) {
    super(escapeControls(`${showField(d.field)}: ${d.rule}${d.value === undefined ? '' : ` (got ${showValue(d.value)})`}${d.fix ? `. ${d.fix}` : ''}`));
    this.name = 'ConvmatError'; // by hand: a minifier renames classes, and users test e.name
    this.kind = kind;
    this.field = d.field;
    this.value = d.value;
    this.rule = d.rule;
    this.fix = d.fix;
  }
}

/** An invalid combination of spec fields (sizes, stride, padding, groups…). */
export class SpecError extends ConvmatError {
  constructor(d: ErrorDetails) { super('spec', d); this.name = 'SpecError'; }
}
/** A value that cannot be read: malformed arrays, bad numbers, bad expressions. */
export class ParseError extends ConvmatError {
  constructor(d: ErrorDetails) { super('parse', d); this.name = 'ParseError'; }
}
/** A symbol name that is not an identifier, or a duplicated one. */
export class NameError extends ConvmatError {
  constructor(d: ErrorDetails) { super('name', d); this.name = 'NameError'; }
}
/** A size beyond what the engine computes or a view renders. */
export class LimitError extends ConvmatError {
  constructor(d: ErrorDetails) { super('limit', d); this.name = 'LimitError'; }
}

/**
 * Control and format characters (newlines, escapes, bidi overrides, zero-width
 * marks) written as \u escapes, so an echoed value can neither break the one
 * line of a message nor change how a terminal shows it.
 */
export function escapeControls(s: string): string {
  return s.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The longest field name a message echoes: a field can be user text (an unknown 5,000-character flag). */
export const MAX_FIELD_CHARS = 60;

/** A field name as a message shows it: cut to MAX_FIELD_CHARS characters. */
export function showField(field: string): string {
  return field.length > MAX_FIELD_CHARS ? `${field.slice(0, MAX_FIELD_CHARS - 3)}...` : field;
}

/** A short, single-line rendering of an offending value (never the whole of a huge input). */
export function showValue(v: unknown): string {
  let s: string;
  try {
    // a number past the doubles is Infinity, which JSON would print as null
    s = typeof v === 'number' ? String(v) : JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v);
  } catch {
    // too deep or cyclic for JSON; String may recurse as deeply
    try { s = String(v); } catch { s = Array.isArray(v) ? '[nested array]' : typeof v; }
  }
  s = s.replace(/\s+/g, ' ');
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
