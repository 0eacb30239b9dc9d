import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('package.json metadata', () => {
  it('has keywords that say what convmat is for', () => {
    const keywords = pkg.keywords as string[];
    expect(keywords.length).toBeGreaterThanOrEqual(8);
    for (const k of ['convolution', 'transposed-convolution', 'web-components', 'latex', 'vitest']) expect(keywords).toContain(k);
    expect(new Set(keywords).size).toBe(keywords.length);
  });

  it('links only to places that exist: no placeholder homepage, repository or bugs', () => {
    // there is no public repository yet; when one exists, these fields must point at it (https, no example.com or TODO)
    for (const key of ['homepage', 'repository', 'bugs']) {
      const v = pkg[key];
      if (v === undefined) continue;
      const url = typeof v === 'string' ? v : (v as { url?: string }).url ?? '';
      expect(url, key).toMatch(/^(git\+)?https:\/\//);
      expect(url, key).not.toMatch(/example\.(com|org)|TODO|your-?name|<|>/i);
    }
  });
});
