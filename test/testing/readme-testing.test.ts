import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** Runs every ```ts block of the README's testing section against the source, and checks the failure it shows. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = /<!-- section:testing -->([\s\S]*?)<!-- \/section:testing -->/.exec(readme)?.[1] ?? '';
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const tmp = join(root, 'test/testing/.readme-tmp');

describe('README testing examples', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs and its assertions hold`, async () => {
      mkdirSync(tmp, { recursive: true });
      const file = join(tmp, `example-${i}.ts`);
      writeFileSync(file, code
        .replaceAll("'convmat/testing'", `'${join(root, 'src/testing/index.ts')}'`)
        .replaceAll("'convmat'", `'${join(root, 'src/index.ts')}'`));
      await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined();
    });
  });

  it('shows the failure message toEqualPolynomial really prints', () => {
    const shown = /A failing `toEqualPolynomial` reads:\n\n```\n([\s\S]*?)\n```/.exec(section)?.[1];
    let message = '';
    try {
      expect('w1*z1 + w2*z2 + w3*z3').toEqualPolynomial('w1*z1 + w2*z3 + w3*z3');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(shown).toBeDefined();
    expect(message.split('\n').map((l) => l.trimEnd())).toEqual(shown!.split('\n'));
  });
});
