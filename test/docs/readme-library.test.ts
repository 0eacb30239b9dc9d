import { readFileSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** Runs every ```ts block of the README's library section against the real source (examples that run). */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = /<!-- section:library -->([\s\S]*?)<!-- \/section:library -->/.exec(readme)?.[1] ?? '';
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const tmp = join(root, 'test/docs/.readme-tmp');

describe('README library examples', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs and its assertions hold`, async () => {
      mkdirSync(tmp, { recursive: true });
      const file = join(tmp, `example-${i}.ts`);
      writeFileSync(file, code.replaceAll("from 'convmat'", `from '${join(root, 'src/index.ts')}'`));
      await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined();
    });
  });
});
