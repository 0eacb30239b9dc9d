import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

/** Reading a README section and running its ```ts blocks against the source: examples that run. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function readmeSection(name: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return new RegExp(`<!-- section:${name} -->([\\s\\S]*?)<!-- /section:${name} -->`).exec(readme)?.[1] ?? '';
}

/** Registers one test per ```ts block; each imports 'convmat' (and 'convmat/testing', 'convmat/figure') from src and must not throw. */
export function itRunsEveryTsBlock(section: string, minBlocks = 1): void {
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const tmp = join(root, 'test/docs/.readme-tmp', String(Math.random()).slice(2));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(`has at least ${minBlocks} example(s)`, () => {
    expect(blocks.length).toBeGreaterThanOrEqual(minBlocks);
  });

  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs and its assertions hold`, async () => {
      mkdirSync(tmp, { recursive: true });
      const file = join(tmp, `example-${i}.ts`);
      writeFileSync(file, code
        .replaceAll("'convmat/testing/arbitrary'", `'${join(root, 'src/testing/arbitrary.ts')}'`)
        .replaceAll("'convmat/figure'", `'${join(root, 'src/render/figure.ts')}'`)
        .replaceAll("'convmat/testing'", `'${join(root, 'src/testing/index.ts')}'`)
        .replaceAll("'convmat'", `'${join(root, 'src/index.ts')}'`));
      await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined();
    });
  });
}
