import { type NotesOptions, isConvmatInfo, renderFence } from './fence.ts';

/**
 * `convmat/remark`: a remark plugin (Astro, Docusaurus, unified). It replaces
 * every `code` node whose lang is `convmat` with an `html` node holding the
 * live element and its static figure (fence.ts). A plain mdast transformer:
 * no runtime dependency. The HTML passes through remark-rehype only with
 * `allowDangerousHtml` (Astro sets it for .md pages).
 *
 *     import remarkConvmat from 'convmat/remark';
 *     unified().use(remarkParse).use(remarkConvmat).use(remarkRehype, { allowDangerousHtml: true })…
 */
interface MdNode { type: string; lang?: string | null; value?: string; children?: MdNode[] }

/** `options.format`: the fallback of fences that do not say, `svg` (default, an image) or `html` (inline). */
export default function remarkConvmat(options: NotesOptions = {}) {
  return (tree: MdNode): void => replace(tree, options);
}

function replace(node: MdNode, options: NotesOptions): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'code' && isConvmatInfo(child.lang)) children[i] = { type: 'html', value: renderFence(child.value ?? '', options) };
    else replace(child, options);
  }
}
