/**
 * The search box: the index (built at build time, one entry per section of
 * every page) is loaded on first use; every query word must occur, and
 * headings weigh more than body text. Results are deep links.
 */
type Entry = { url: string; page: string; heading: string; text: string };

let index: Promise<readonly Entry[]> | null = null;

function load(): Promise<readonly Entry[]> {
  index ??= import('virtual:convmat-search').then((m) => m.default);
  return index;
}

export function score(e: Entry, words: readonly string[]): number {
  const heading = e.heading.toLowerCase();
  const page = e.page.toLowerCase();
  const text = e.text.toLowerCase();
  let total = 0;
  for (const w of words) {
    const s = (heading.includes(w) ? 5 : 0) + (page.includes(w) ? 2 : 0) + (text.includes(w) ? 1 : 0);
    if (s === 0) return 0;
    total += s;
  }
  return total;
}

function snippet(text: string, word: string): string {
  const i = Math.max(0, text.toLowerCase().indexOf(word) - 40);
  return `${i > 0 ? '…' : ''}${text.slice(i, i + 120)}${text.length > i + 120 ? '…' : ''}`;
}

export function initSearch(doc: Document = document): void {
  const input = doc.getElementById('site-search');
  const list = doc.getElementById('search-results');
  if (!(input instanceof HTMLInputElement) || !list) return;
  const root = doc.querySelector<HTMLMetaElement>('meta[name="convmat-root"]')?.content ?? '';
  const update = async () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (!words.length) { list.hidden = true; return; }
    const entries = await load();
    const hits = entries.map((e) => [score(e, words), e] as const).filter(([s]) => s > 0).sort((a, b) => b[0] - a[0]).slice(0, 12);
    for (const [, e] of hits) {
      const li = doc.createElement('li');
      const a = doc.createElement('a');
      a.href = `${root}${e.url}`;
      const h = doc.createElement('strong');
      h.textContent = e.heading;
      const p = doc.createElement('span');
      p.className = 'result-page';
      p.textContent = e.page;
      const t = doc.createElement('span');
      t.className = 'result-text';
      t.textContent = snippet(e.text, words[0]!);
      a.append(h, p, t);
      li.append(a);
      list.append(li);
    }
    if (!hits.length) {
      const li = doc.createElement('li');
      li.className = 'no-results';
      li.textContent = 'No match.';
      list.append(li);
    }
    list.hidden = false;
  };
  input.addEventListener('focus', () => { void load(); }, { once: true });
  input.addEventListener('input', () => { void update(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { input.value = ''; list.hidden = true; }
    if (e.key === 'ArrowDown') { list.querySelector('a')?.focus(); e.preventDefault(); }
  });
  list.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a')];
    const i = links.indexOf(doc.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown') { links[i + 1]?.focus(); e.preventDefault(); }
    if (e.key === 'ArrowUp') { (links[i - 1] ?? input).focus(); e.preventDefault(); }
    if (e.key === 'Escape') { list.hidden = true; input.focus(); }
  });
  doc.addEventListener('click', (e) => {
    if (!(e.target instanceof Node) || !input.form?.contains(e.target)) list.hidden = true;
  });
}
