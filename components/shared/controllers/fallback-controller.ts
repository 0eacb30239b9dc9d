import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Fallback content: what a page puts inside an element (a static figure from
 * convmat/markdown-it or convmat/remark, a screenshot, a sentence) shows
 * without JavaScript, and with it until the live drawing is there. A shadow
 * root hides light-DOM children it does not slot, and the first render waits
 * for lazy parts; so, from connection until that render, the root holds one
 * `<slot>` of its own. The host's template slots its children again while it
 * has no view (ConvElement's placeholder), so they also stay during loading.
 */
export class FallbackController implements ReactiveController {
  private slot: HTMLSlotElement | null = null;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment; hasUpdated: boolean }) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.hasUpdated || this.slot) return;
    this.slot = document.createElement('slot');
    this.host.renderRoot.append(this.slot);
  }

  hostUpdated(): void {
    this.slot?.remove();
    this.slot = null;
  }
}
