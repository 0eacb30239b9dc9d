import { html, nothing, type TemplateResult } from 'lit';
import { ConvmatError } from '../../src/errors.ts';
import { attributeName } from './spec-from-attributes.ts';

/** The inline error: which attribute, its value, the rule, and a fix. */
export function errorTemplate(e: unknown, kept = false): TemplateResult {
  if (e instanceof ConvmatError) {
    const base = e.field.split(/[[.]/)[0]!;
    const attr = attributeName(base);
    return html`<div part="error" role="alert" data-attribute=${attr}>
      <strong>Invalid attribute <code>${attr}</code>${e.field !== base ? html` (${e.field})` : nothing}:</strong>
      ${e.rule}${e.value !== undefined ? html` — got <code>${shortValue(e.value)}</code>` : nothing}${e.fix ? html`. ${e.fix}` : nothing}.
      ${kept ? html`<span class="caption">Showing the last valid rendering.</span>` : nothing}
    </div>`;
  }
  let message: string;
  try { message = e instanceof Error ? e.message : String(e); } catch { message = 'an unreadable error'; }
  return html`<div part="error" role="alert" data-attribute="">${message}</div>`;
}

function shortValue(v: unknown): string {
  let s: string;
  try { s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v); } catch { s = String(v); }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Stands in for a deferred part of the first render for the few milliseconds until its task (RevealController). */
export const pendingPart = html`<div class="caption" part="placeholder">…</div>`;
