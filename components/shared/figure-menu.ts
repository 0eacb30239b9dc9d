import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SpecInput } from '../../src/geometry/spec.ts';
import type { FigureOptions, FigureViewName } from '../../src/render/figure.ts';
import { LazyPart } from './lazy-part.ts';

/** The figure an element offers: its view, and the frame it shows (a still download and the TikZ are of that frame). */
export interface FigureChoice { readonly view: FigureViewName; readonly frame?: number }

/**
 * The small menu of a drawing element: "Download SVG", "Download animated
 * SVG" and "Copy TikZ", each drawn from the element's current spec by
 * renderFigure (src/render/figure.ts, a chunk fetched on first use, never
 * before). A `<details>` of plain buttons: reached with Tab, opened with
 * Enter or Space, each item named by its text. Where the clipboard refuses,
 * the TikZ is shown selected in a read-only box to copy by hand.
 */
const figures = new LazyPart('the figure renderers', () => import('../../src/render/figure.ts'));

export const figureMenuStyles = css`
  .figure-menu { display: inline-block; position: relative; font-size: 0.85rem; margin-top: 0.25rem; }
  .figure-menu summary { cursor: pointer; color: var(--conv-accent); padding: 0.1rem 0.3rem; border-radius: var(--conv-radius); }
  .figure-menu summary:focus-visible, .figure-menu button:focus-visible { outline: 2px solid var(--conv-accent); outline-offset: 1px; }
  .figure-menu [role='group'] { display: flex; gap: 0.3rem; flex-wrap: wrap; padding: 0.3rem 0; }
  .figure-menu textarea { display: block; width: min(40rem, 90vw); height: 8rem; font: 0.8rem ui-monospace, monospace; }
  @media print { .figure-menu { display: none; } }
`;

export class FigureMenu implements ReactiveController {
  private status = '';
  /** the TikZ shown for copying by hand when the clipboard refused it */
  private manual: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly choice: () => FigureChoice | null,
    private readonly spec: () => SpecInput) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Renders a figure of the current spec; a bad spec or a load failure becomes the status line. */
  private async figure(options: Omit<FigureOptions, 'view'>): Promise<string | null> {
    try {
      const { renderFigure } = await figures.load();
      const { view, frame } = this.choice()!;
      return renderFigure(this.spec(), { view, ...(frame === undefined || options.animate ? {} : { frame }), ...options });
    } catch (e) {
      this.say(`Could not draw the figure: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private say(status: string): void {
    this.status = status;
    this.host.requestUpdate();
  }

  async download(animate: boolean): Promise<void> {
    const svg = await this.figure({ format: 'svg', animate });
    if (svg === null) return;
    const name = `${this.host.localName}${animate ? '-animated' : ''}.svg`;
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say(`Saved ${name}.`);
  }

  async copyTikz(): Promise<void> {
    const tikz = await this.figure({ format: 'tikz' });
    if (tikz === null) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(tikz);
      this.manual = null;
      this.say('TikZ copied to the clipboard.');
    } catch {
      this.manual = tikz;
      this.say('The clipboard is not available here: copy the TikZ below.');
      await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const box = this.host.shadowRoot?.querySelector<HTMLTextAreaElement>('.figure-menu textarea');
      box?.focus();
      box?.select();
    }
  }

  template(): TemplateResult | typeof nothing {
    if (this.choice() === null) return nothing;
    // keys stay in the menu: the element's own keys (arrows, Space) must not act on its buttons
    return html`<details class="figure-menu" part="figure-menu" @keydown=${(e: Event) => e.stopPropagation()}>
      <summary>Save figure</summary>
      <div role="group" aria-label="save this figure">
        <button type="button" @click=${() => this.download(false)}>Download SVG</button>
        <button type="button" @click=${() => this.download(true)}>Download animated SVG</button>
        <button type="button" @click=${() => this.copyTikz()}>Copy TikZ</button>
      </div>
      <div role="status" class="caption">${this.status}</div>
      ${this.manual === null ? nothing : html`<textarea readonly aria-label="TikZ code of this figure">${this.manual}</textarea>`}
    </details>`;
  }
}
