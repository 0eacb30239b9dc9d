/**
 * The site's pages, in sidebar order: the single list the build, the
 * sidebar, the search index and the crawl test read. `file` is relative to
 * the project root; every page but Home lives in docs/.
 */
export interface PageInfo {
  /** path from the project root, e.g. `docs/2d.html` */
  readonly file: string;
  /** the title in the sidebar and the browser tab */
  readonly title: string;
  readonly group: (typeof GROUPS)[number];
}

export const PAGES: readonly PageInfo[] = [
  { file: 'index.html', title: 'Home', group: 'Start' },
  { file: 'docs/1d.html', title: '1D convolutions', group: 'Lecture' },
  { file: 'docs/2d.html', title: '2D convolutions', group: 'Lecture' },
  { file: 'docs/3d.html', title: '3D convolutions', group: 'Lecture' },
  { file: 'docs/dilated.html', title: 'Dilated convolutions', group: 'Lecture' },
  { file: 'docs/transposed.html', title: 'Transposed convolutions', group: 'Lecture' },
  { file: 'docs/separable.html', title: 'Separable convolutions', group: 'Lecture' },
  { file: 'docs/flattened.html', title: 'Flattened convolutions', group: 'Lecture' },
  { file: 'docs/padding-modes.html', title: 'Padding modes', group: 'Beyond the lecture' },
  { file: 'docs/im2col.html', title: 'im2col: the other matrix', group: 'Beyond the lecture' },
  { file: 'docs/backward.html', title: 'The backward pass', group: 'Beyond the lecture' },
  { file: 'docs/identities.html', title: 'Identities', group: 'Reference' },
  { file: 'docs/elements.html', title: 'Elements', group: 'Reference' },
  { file: 'docs/api.html', title: 'Library API', group: 'Reference' },
  { file: 'docs/cli.html', title: 'CLI', group: 'Reference' },
  { file: 'docs/figures.html', title: 'Figures and notes', group: 'Reference' },
  { file: 'docs/performance.html', title: 'Performance', group: 'Reference' },
];

export const GROUPS = ['Start', 'Lecture', 'Beyond the lecture', 'Reference'] as const;

/** The page whose file is `file` (a root-relative path), or undefined. */
export function pageOf(file: string): PageInfo | undefined {
  const norm = file.replace(/\\/g, '/').replace(/^\.?\//, '');
  return PAGES.find((p) => p.file === norm);
}

/** The relative URL from page `from` to the root-relative path `to` (both files under the root). */
export function relativeUrl(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  const up = '../'.repeat(depth);
  const fromDir = from.split('/').slice(0, -1).join('/');
  if (fromDir && to.startsWith(`${fromDir}/`)) return to.slice(fromDir.length + 1);
  return `${up}${to}`;
}
