import { escapeHtml } from '../cli/explain-html.ts';
import { type NotesOptions, isConvmatInfo, renderFence } from './fence.ts';

/**
 * `convmat/markdown-it`: a markdown-it plugin (VitePress, Eleventy, plain
 * markdown-it). Every ```convmat fence becomes the live element with its
 * static figure inside (fence.ts); other fences go to the rule that was there.
 * Typed structurally, so the package needs no markdown-it of its own.
 *
 *     import markdownIt from 'markdown-it';
 *     import convmat from 'convmat/markdown-it';
 *     const md = markdownIt({ html: true }).use(convmat);            // or .use(convmat, { format: 'html' })
 */
interface FenceToken { readonly info: string; readonly content: string }
/** markdown-it's renderer rules, as far as a fence goes (method syntax: markdown-it's own Token[] and Options fit) */
interface FenceRules {
  fence?(tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: unknown): string;
}
export interface MarkdownItLike {
  readonly renderer: { rules: FenceRules };
}

/** `notes.format`: the fallback of fences that do not say, `svg` (default, an image) or `html` (inline; not in VitePress, whose Vue templates refuse its `<style>`). */
export default function convmatMarkdownIt(md: MarkdownItLike, notes: NotesOptions = {}): void {
  const previous = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (isConvmatInfo(token.info)) return renderFence(token.content, notes);
    if (previous) return previous(tokens, idx, options, env, self);
    // markdown-it always has a fence rule; this is for a renderer that has none
    return `<pre><code>${escapeHtml(token.content)}</code></pre>\n`;
  };
}
