import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';

/**
 * The accessibility check of the crawl: axe-core run in the page (open shadow
 * roots included, as axe-core 4 does by default), keeping the violations the
 * project's standard forbids (impact serious or critical).
 */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  /** one entry per offending node: its selector path (through shadow roots, joined by ` >> `) and a short html snippet */
  readonly nodes: { target: string; html: string }[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FORBIDDEN = ['serious', 'critical'];

/** Runs axe-core once over the whole document (shadow roots included) and returns every violation. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: {
      id: string; impact: string | null; nodes: { target: unknown[]; html: string }[];
    }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | '), html: n.html })),
    }));
  });
  return violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.replace(/\s+/g, ' ').slice(0, 160) })) }));
}

/** The findings the standard forbids: impact serious or critical. */
export function serious(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => FORBIDDEN.includes(f.impact));
}

/** Every finding as one readable line per node, for a failure message. */
export function describeFindings(findings: readonly AxeFinding[]): string[] {
  return findings.flatMap((f) => f.nodes.map((n) => `${f.rule} (${f.impact}) at ${n.target}: ${n.html}`));
}
