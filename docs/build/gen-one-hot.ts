import { escapeHtml } from './html-text.ts';

/**
 * The one-hot encoding of the lecture's text example, computed at build
 * time: the alphabet of Zhang, Zhao and LeCun (2015), the text "dummy
 * review", padded with zero vectors to a fixed length. This is text
 * encoding, not convolution arithmetic, so it lives with the site.
 *
 * The paper prints 70 characters, but '-' appears twice in its list, so a
 * one-hot code has 69 distinct channels: the list is kept as printed and the
 * channels are its distinct characters, in order.
 */
export const ALPHABET_AS_PRINTED: readonly string[] = [..."abcdefghijklmnopqrstuvwxyz0123456789-,;.!?:'\"/\\|_@#$%^&*~`+-=<>()[]{}"].concat(['\\n']);
export const ALPHABET: readonly string[] = [...new Set(ALPHABET_AS_PRINTED)];
/** characters the printed list repeats */
export const REPEATED: readonly string[] = ALPHABET.filter((a) => ALPHABET_AS_PRINTED.filter((b) => b === a).length > 1);

export function oneHot(text: string, length: number, alphabet: readonly string[] = ALPHABET): number[][] {
  const chars = [...text.slice(0, length)];
  return alphabet.map((a) => Array.from({ length }, (_, t) => (chars[t] === a ? 1 : 0)));
}

export function generateOneHot(): string {
  const text = 'dummy review';
  const length = 16;
  const m = oneHot(text, length);
  const shown = ALPHABET.slice(0, 26);
  const head = Array.from({ length }, (_, t) => `<th scope="col">${t < text.length ? escapeHtml(text[t] === ' ' ? '␣' : text[t]!) : '·'}</th>`).join('');
  const rows = shown.map((a, r) => `<tr><th scope="row">${escapeHtml(a)}</th>${m[r]!.map((v) => `<td${v ? ' class="on"' : ''}>${v}</td>`).join('')}</tr>`).join('');
  const dPos = ALPHABET.indexOf('d') + 1;
  const used = m.filter((row) => row.some((v) => v)).length;
  const repeated = REPEATED.map((a) => `<code>${escapeHtml(a)}</code>`).join(', ');
  return `<p>The paper lists ${ALPHABET_AS_PRINTED.length} characters, but ${repeated} appears twice in its list, so the alphabet has ${ALPHABET.length} distinct characters and the one-hot signal ${ALPHABET.length} channels: <code>${escapeHtml(ALPHABET.join(''))}</code> (the last one is the newline).</p>
<p>The character <code>d</code> is number ${dPos} of the alphabet, so its one-hot vector is 0 everywhere except position ${dPos}. Below, each column is one time step of “${text}” padded to ${length} steps, and each row one channel. Only the 26 letter rows are shown: the other ${ALPHABET.length - 26} channels are all zero for this text. The space (␣) and the padding (·) are zero columns. ${used} distinct channels are used.</p>
<div class="table-wrap"><table class="onehot"><caption>One-hot encoding, ${ALPHABET.length} channels × ${length} time steps (letter channels shown)</caption><thead><tr><th scope="col"><span class="sr-only">channel</span></th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
