import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, longTasksWhileMounting, mount, part, settle } from './helpers.ts';

/**
 * Issue 25's browser cases for the analysis elements: each mounts with no
 * main-thread task over 250 ms (a PerformanceObserver for 'longtask') and
 * shows its summary or its inline error, naming the right attribute. Before
 * the views sized their work first, these froze the page for seconds (the
 * 200-layer list for 73 s, then the renderer crashed).
 */
afterEach(cleanup);

/** CRC-32 of PNG chunks (ISO 3309), written here. */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A valid w×h black PNG (1-bit gray), compressed by the browser: 16000×16000 is 32 MB of rows in a 32 KB file. */
async function blackPng(w: number, h: number): Promise<string> {
  const row = 1 + Math.ceil(w / 8);
  const raw = new Blob([new Uint8Array(row * h)]).stream().pipeThrough(new CompressionStream('deflate'));
  const idat = new Uint8Array(await new Response(raw).arrayBuffer());
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array(4 + data.length);
    body.set([...type].map((c) => c.charCodeAt(0)));
    body.set(data, 4);
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, w);
  new DataView(ihdr.buffer).setUint32(4, h);
  ihdr.set([1, 0, 0, 0, 0], 8);
  const png = new Blob([Uint8Array.from([0x89, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))], { type: 'image/png' });
  return URL.createObjectURL(png);
}

/** Mounts, then waits (up to 5 s) for a picture to load and show something. */
async function mountImage(markup: string): Promise<HTMLElement> {
  const el = await mount(markup);
  for (let i = 0; i < 100 && !part(el, 'error') && !part(el, 'summary') && !part(el, 'output'); i++) { await new Promise((r) => setTimeout(r, 50)); await settle(el); }
  return el;
}

const dilations = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).join(',');

async function expectNoFreeze(markup: string, inspect: (el: HTMLElement) => void, waits = 10): Promise<void> {
  const { blocked, runs } = await longTasksWhileMounting(markup, inspect, 250, waits);
  expect(blocked, `long tasks (ms) per mount: ${runs.map((l) => l.join(', ')).join(' | ')}`).toBe(false);
}

describe('bounded analysis views', { timeout: 60_000 }, () => {
  it('<conv-receptive-field> with 200 comma-listed layers, dilations up to 512: refused inline, naming dilation', async () => {
    await expectNoFreeze(`<conv-receptive-field kernel="3" dilation="${dilations(200, (i) => 2 ** (i % 10))}"></conv-receptive-field>`, (el) => {
      expect(part(el, 'error')!.dataset.attribute).toBe('dilation');
      expect(part(el, 'error')!.textContent).toMatch(/200 layers, more than the 64/);
    });
  });

  it('<conv-receptive-field> with 30 layers of dilation 64: a summary with the closed form', async () => {
    await expectNoFreeze(`<conv-receptive-field kernel="3" dilation="${dilations(30, () => 64)}"></conv-receptive-field>`, (el) => {
      expect(part(el, 'summary')!.textContent).toMatch(/too large/i);
      expect(part(el, 'summary')!.textContent).toContain(`= ${1 + 30 * 64 * 2} input positions`);
    });
  });

  it('<conv-receptive-field> with 30 layers of kernel 64: a summary', async () => {
    await expectNoFreeze('<conv-receptive-field kernel="64" layers="30"></conv-receptive-field>', (el) => {
      expect(part(el, 'summary')!.textContent).toContain(`= ${1 + 30 * 63} input positions`);
    });
  });

  it('<conv-receptive-field> at its limits (many neurons, many edges, 64 layers, a 2D stack) draws without a long task', async () => {
    await expectNoFreeze('<conv-receptive-field kernel="4" layers="1" input="300"></conv-receptive-field>', (el) => {
      expect(el.shadowRoot!.querySelectorAll('circle')).toHaveLength(300 + 297);
    });
    await expectNoFreeze('<conv-receptive-field kernel="3" layers="64" padding="1" input="7"></conv-receptive-field>', (el) => {
      expect(el.shadowRoot!.querySelectorAll('line')).toHaveLength(64 * (7 * 3 - 2));
    });
    await expectNoFreeze('<conv-receptive-field kernel="3x3" layers="8" padding="1" input="8x8"></conv-receptive-field>', (el) => {
      expect(el.shadowRoot!.querySelectorAll('.grid span')).toHaveLength(9 * 64);
    });
  });

  it('<conv-checkerboard> with 50 layers: a summary at once, naming the first layer past the limits', async () => {
    await expectNoFreeze('<conv-checkerboard layers="50"></conv-checkerboard>', (el) => {
      expect(part(el, 'summary')!.textContent).toMatch(/layer 17: its output has 786431 elements; the engine handles at most/);
    });
  });

  it('<conv-checkerboard> with 12 layers: a summary with the rule per layer', async () => {
    await expectNoFreeze('<conv-checkerboard layers="12"></conv-checkerboard>', (el) => {
      expect(part(el, 'summary')!.textContent).toMatch(/output positions are more than/);
      expect(part(el, 'summary')!.textContent).toMatch(/layer 12: s = 2 does not divide k = 3, so the rule predicts uneven overlap/);
    });
  });

  it('<conv-checkerboard> at its limits draws without a long task', async () => {
    await expectNoFreeze('<conv-checkerboard input="290" kernel="3"></conv-checkerboard>', (el) => {
      expect(part(el, 'transposed')!.querySelectorAll('.bar')).toHaveLength(2 * 289 + 3);
    });
    await expectNoFreeze('<conv-checkerboard input="11x11" kernel="3x3"></conv-checkerboard>', (el) => {
      expect(part(el, 'transposed')!.querySelectorAll('.heat span')).toHaveLength(23 * 23);
    });
  });

  it('<conv-image src> of a 16000×16000 PNG: measured by its header before decoding, refused naming src', async () => {
    const url = await blackPng(16000, 16000);
    await expectNoFreeze(`<conv-image src="${url}"></conv-image>`, (el) => {
      expect(part(el, 'error')!.dataset.attribute).toBe('src');
      expect(part(el, 'error')!.textContent).toContain('16000×16000');
    }, 20);
    URL.revokeObjectURL(url);
  });

  it('<conv-image src> of a 600×600 PNG: a summary from the header, never decoded; with input="32x32" it is drawn at that size', async () => {
    const url = await blackPng(600, 600);
    const el = await mountImage(`<conv-image src="${url}"></conv-image>`);
    expect(part(el, 'summary')!.textContent).toContain('input 600×600');
    const small = await mountImage(`<conv-image src="${url}" input="32x32"></conv-image>`);
    expect(part(small, 'output')).not.toBeNull();
    expect((small as HTMLElement & { result: { shape: number[] } }).result.shape).toEqual([30, 30]);
    URL.revokeObjectURL(url);
  });

  it('<conv-image> with weights of 1e308 refuses the overflow naming weights (no false "fail")', async () => {
    const big = JSON.stringify([[1e308, 1e308, 1e308], [1e308, 1e308, 1e308], [1e308, 1e308, 1e308]]);
    await expectNoFreeze(`<conv-image input="16x16" kernel="3x3" weights="${big}"></conv-image>`, (el) => {
      expect(part(el, 'error')!.dataset.attribute).toBe('weights');
      expect(part(el, 'error')!.textContent).toMatch(/overflow float64/);
      expect(part(el, 'verdict')).toBeNull();
    });
  });

  it('<conv-separable spatial-input="300x300">: the closed forms at once, saying the matrices were not counted', async () => {
    await expectNoFreeze('<conv-separable spatial-input="300x300"></conv-separable>', (el) => {
      const spatial = part(el, 'spatial-cost')!.textContent!;
      expect(spatial).toContain((298 * 298 * 9).toLocaleString('en-US'));
      expect(spatial).toMatch(/closed forms only .*: too large to count from the matrices here/);
      expect(part(el, 'depthwise-cost')!.textContent).toContain('86,400');
    });
  });
});
