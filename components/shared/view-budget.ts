import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SpecInput } from '../../src/geometry/spec.ts';
import { LimitError } from '../../src/errors.ts';
import { VIEW_LIMITS, type ViewLimits, type ViewPlan, viewPlan } from '../../src/work/element.ts';

/**
 * No freeze at any size: a reactive controller every element adds
 * (`new ViewBudget(this)`). Before an element asks the engine for anything,
 * `plan(spec)` says whether the full view fits the budget (no main-thread
 * task over 250 ms); when it does not, the element renders `template()`: the
 * shapes, the sizes and the limit passed, at once, instead of freezing.
 */
export interface SummaryView {
  summary: Extract<ViewPlan, { full: false }>;
}

export function isSummary(v: unknown): v is SummaryView {
  return typeof v === 'object' && v !== null && 'summary' in v;
}

export class ViewBudget implements ReactiveController {
  last: ViewPlan | null = null;

  constructor(host: ReactiveControllerHost, private readonly limits: Partial<ViewLimits> = {}, private readonly what = 'the drawing') {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The plan for a spec; a summary view when the full one would be too heavy. */
  plan(input: SpecInput, limits: Partial<ViewLimits> = {}): SummaryView | null {
    this.last = viewPlan(input, { ...VIEW_LIMITS, ...this.limits, ...limits });
    return this.last.full ? null : { summary: this.last };
  }

  /**
   * For elements whose view has no summary: throws a LimitError naming the
   * limit, which the element shows inline (part="error") instead of freezing.
   */
  guard(input: SpecInput, limits: Partial<ViewLimits> = {}): void {
    const s = this.plan(input, limits);
    if (!s) return;
    throw new LimitError({
      field: 'input', value: input.input ?? '', rule: `is too large to show ${this.what} here: ${s.summary.reason}`,
      fix: 'try a smaller input (the lecture\'s examples are 4 to 7 wide), or the CLI, which works within the engine\'s limits',
    });
  }

  template(v: SummaryView, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const e = v.summary.estimate;
    const x = (s: readonly number[] | null) => (s && s.length ? s.join('×') : '?');
    const ch = (c: number) => (c > 1 ? `${c} channels of ` : '');
    return html`<div part="summary" role="note">
      <p><strong>Too large to show ${this.what} here:</strong> ${v.summary.reason}.</p>
      <p>input ${ch(e.inChannels)}${x(e.input)} · kernel ${x(e.kernel)} · output ${ch(e.outChannels)}${x(e.output)}
        · ${e.taps.toLocaleString('en-US')} multiply-adds</p>
      ${extra}
      <p class="caption">Try a smaller input (the lecture's examples are 4 to 7 wide), or use the CLI
        (<code>convmat matrix --json</code>), which handles it in the engine's limits.</p>
    </div>`;
  }
}
