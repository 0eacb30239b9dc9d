/**
 * The package from outside, as a new user meets it: build it in a staging
 * copy (the checkout's dist/ is left alone), `npm pack` it once, install the
 * tarball once into a copy of test/fixtures/external-project with
 * `npm install --engine-strict` (vitest, fast-check, typescript and vite from
 * the registry), then use that one install for everything: the project's
 * vitest suite (toComputeConvolution on a hand-written convolution among it), the matchers without fast-check, `import` and `require` from
 * Node, the elements in Node (import and require), jsdom, happy-dom and
 * TypeScript, and a vite build of an app with expression weights and of a
 * page that also uses Lit on a site in dark mode (opened in Chromium).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/chromium.ts';
import { serve } from '../components/embed-build.ts';
import { declaredValueNames, packagesImportedBy, typeCheckBlocks } from './external-project-checks.ts';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { polynomialToText } from '../../src/algebra/print.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(join(tmpdir(), 'convmat-external-'));
const stage = join(work, 'pkg');
const consumer = join(work, 'consumer');
const bin = (pkg: string, file: string) => join(consumer, 'node_modules', pkg, file);

/** The environment of a child that is not part of this vitest run. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST' && k !== 'NODE_ENV'));

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, env: childEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`.slice(0, 4000));
  }
}

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: consumer, env: childEnv, encoding: 'utf8' });

let tarball = '';

beforeAll(() => {
  // 1. a staging copy of what the package is built from, built as prepack builds it
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', 'README.md', 'LICENSE', 'custom-elements.json', 'tsconfig.json', 'tsconfig.types.json', 'vite.node.config.ts', 'vite.embed.config.ts', 'bin', 'src', 'components', 'scripts']) {
    cpSync(join(root, f), join(stage, f), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
  run('npm', ['run', '--silent', 'build:lib'], stage);
  run('npm', ['run', '--silent', 'build:embed'], stage);
  rmSync(join(stage, 'node_modules'));

  // 2. one npm pack, one install of the tarball into the sample project, as a user installs it
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage)) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);
  cpSync(join(root, 'test/fixtures/external-project'), consumer, { recursive: true });
  run('npm', ['install', '--engine-strict', '--no-audit', '--no-fund', '--prefer-offline'], consumer);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000); // removing the installed node_modules takes over 10 s on a loaded machine

const TYPES_CHECK = `import { expect } from 'vitest';
import type { IdentityReport } from 'convmat';
import { checkIdentity } from 'convmat';
import { arbitrarySpec } from 'convmat/testing/arbitrary';
import 'convmat/testing';

const report: IdentityReport = checkIdentity('shape-round-trip', { input: 6, kernel: 3, stride: 2, padding: 1 });
expect(report.holds).toBe(true);
expect({ input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 }).toSatisfyIdentity('transposed-adjoint');
expect('w1*z1').toEqualPolynomial(['w1*z1']);
expect([['w1']]).toMatchSlidingWindow({ input: 1, kernel: 1 });
expect((input: unknown, _weight: unknown) => input).not.toComputeConvolution({ input: 3, kernel: 2 });
expect({ a: 'x' }).toEqual({ a: expect.toEqualPolynomial('x') });
arbitrarySpec({ dims: 2, transposed: true });
// @ts-expect-error: not a catalogued identity
expect({ input: 6, kernel: 3 }).toSatisfyIdentity('transposed-adjunct');
// @ts-expect-error: options of another identity
expect({ input: 6, kernel: 3 }).toSatisfyIdentity('shape-round-trip', { matrix: [] });
`;

/** What the engine in this checkout says about the app's spec: the installed package must agree. */
const EXPRESSION_SPEC = { input: 4, kernel: 3, weights: '1/2,2*a,b' };
const expressionProducts = () => checkMatrix(EXPRESSION_SPEC).product.map((p) => polynomialToText(p));

describe('the packed package in an external project (npm install --engine-strict)', { timeout: 180_000 }, () => {
  it('packs the built entry points, their types, the embed bundle and the LICENSE, and no TypeScript sources', () => {
    const files = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const f of ['dist/lib/index.js', 'dist/lib/testing.js', 'dist/lib/testing-arbitrary.js', 'dist/lib/elements.js', 'dist/lib/figure.js', 'dist/lib/markdown-it.js', 'dist/lib/remark.js', 'dist/convmat.js',
      'dist/types/src/index.d.ts', 'dist/types/src/render/figure.d.ts', 'dist/types/src/notes/markdown-it.d.ts', 'dist/types/src/notes/remark.d.ts', 'dist/types/src/testing/index.d.ts', 'dist/types/src/testing/arbitrary.d.ts', 'dist/types/components/define.d.ts',
      'LICENSE', 'package.json', 'custom-elements.json', 'bin/convmat.js']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('components/'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/convmat/package.json'), 'utf8')) as Record<string, unknown>;
    expect([manifest.unpkg, manifest.jsdelivr]).toEqual(['dist/convmat.js', 'dist/convmat.js']);
    expect(readFileSync(join(consumer, 'node_modules/convmat/dist/types/src/testing/vitest-types.d.ts'), 'utf8')).toContain("declare module 'vitest'");
    // each entry imports only its own peer, through every static import it makes
    const lib = join(consumer, 'node_modules/convmat/dist/lib');
    expect(packagesImportedBy(lib, 'index.js')).toEqual([]);
    expect(packagesImportedBy(lib, 'testing.js')).toEqual(['vitest']);
    expect(packagesImportedBy(lib, 'testing-arbitrary.js')).toEqual(['fast-check']);
    expect(packagesImportedBy(lib, 'figure.js')).toEqual(['katex']); // html figures typeset with the consumer's KaTeX
    // the elements import the consumer's lit, katex and mathjs (one copy of each in an app), not bundled copies
    expect(packagesImportedBy(lib, 'elements.js')).toEqual(['lit']);
    const elementChunks = readdirSync(join(lib, 'chunks')).map((f) => readFileSync(join(lib, 'chunks', f), 'utf8')).join('\n');
    expect(elementChunks).toMatch(/import\("mathjs"\)/);
    expect(elementChunks).toMatch(/from "katex"/);
    // custom-elements.json: every module path resolves in the installed package, and the properties are listed
    const pkgDir = join(consumer, 'node_modules/convmat');
    const cem = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8')) as { modules: Array<{ path: string; declarations: Array<{ members?: unknown[]; attributes: unknown[] }> }> };
    for (const m of cem.modules) {
      expect(existsSync(join(pkgDir, m.path)), m.path).toBe(true);
      for (const d of m.declarations) {
        expect(d.members?.length ?? 0).toBeGreaterThan(0);
        expect(d.members?.length).toBe(d.attributes.length);
      }
    }
  });

  it('convmat/remark and convmat/markdown-it need no Markdown package of their own: the remark plugin runs from the installed package', () => {
    const lib = join(consumer, 'node_modules/convmat/dist/lib');
    for (const entry of ['remark.js', 'markdown-it.js']) {
      for (const pkg of packagesImportedBy(lib, entry)) expect(['katex', 'lit', 'mathjs'], `${entry} imports ${pkg}`).toContain(pkg);
    }
    const script = `import remark from 'convmat/remark';
const tree = { type: 'root', children: [{ type: 'code', lang: 'convmat', value: 'window --input 5 --kernel 3' }, { type: 'code', lang: 'convmat', value: 'window --kernal 3' }] };
remark()(tree);
console.log(JSON.stringify(tree.children.map((c) => [c.type, c.value.slice(0, 120)])));`;
    const r = node(['--input-type=module', '-e', script]);
    expect(r.stderr).toBe('');
    const [good, bad] = JSON.parse(r.stdout) as [string, string][];
    expect(good).toEqual(['html', expect.stringMatching(/^<conv-window input="5" kernel="3"><img alt="window figure: input 5, kernel 3" /)]);
    expect(bad).toEqual(['html', expect.stringMatching(/^<p class="convmat-fence-error"/)]);
  });

  it("runs the project's vitest suite: every test passes except the one that fails on purpose", () => {
    const vitestRun = node([bin('vitest', 'vitest.mjs'), 'run', '--reporter=json', '--outputFile=result.json']);
    const resultFile = join(consumer, 'result.json');
    expect(existsSync(resultFile), vitestRun.stderr).toBe(true);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as {
      testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
    };
    const tests = result.testResults.flatMap((f) => f.assertionResults);
    expect(tests.length).toBe(8);
    const failed = tests.filter((t) => t.status !== 'passed');
    expect(failed.map((t) => t.title).sort()).toEqual(['expected failure: a flipped kernel', 'expected failure: a mistyped product']);
    const messageOf = (title: string) => failed.find((t) => t.title === title)!.failureMessages.join('\n');
    const message = messageOf('expected failure: a mistyped product');
    expect(message).toMatch(/w2\*z2\s+1\s+0\s+\(unexpected\)/);
    expect(message).toMatch(/w2\*z3\s+0\s+1\s+\(missing\)/);
    // toComputeConvolution on a hand-written 2D convolution whose kernel is flipped: an entry named, and the cause
    const flipped = messageOf('expected failure: a flipped kernel');
    expect(flipped).toContain('84 wrong entries (7 random signed non-integer probes, then unit probes; 1159 calls)');
    expect(flipped).toContain('row y1_1, column z_1_2: expected w_1_1_6, computed w_1_1_4');
    expect(flipped).toContain('likely cause: a flipped kernel: it computes convolution, the spec says correlation');
    expect(vitestRun.status).toBe(1);
  });

  it('registers the matchers of convmat/testing where fast-check is not installed', () => {
    const fastCheck = join(consumer, 'node_modules/fast-check');
    renameSync(fastCheck, `${fastCheck}.away`);
    try {
      const r = node([bin('vitest', 'vitest.mjs'), 'run', '--config', 'only-matchers/vitest.config.js']);
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/1 passed/);
    } finally {
      renameSync(`${fastCheck}.away`, fastCheck);
    }
  });

  it('imports from Node without loading mathjs, reads expression weights, refuses an unknown key with a did-you-mean, and imports the elements without a DOM', () => {
    const r = node(['--import', './node/forbid-mathjs.mjs', 'node/import.mjs']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.equal).toBe(true);
    expect(out.product).toEqual(expressionProducts());
    expect(out.unknownKey).toMatch(/^ParseError: output_padding: is not a key of a spec .*did you mean outputPadding\?/);
    expect(out.definedElements).toBe(0);
    expect(out.arbitrarySpec).toBe('function');
    expect(out.mathjsRequired).toBe(false);
  });

  it('require()s the package (default conditions); an implicit product loads mathjs on demand and stays exact', () => {
    const r = node(['node/require.cjs']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      equal: true, outputs: ['z7', 'z8', 'z9', 'z10'], implicitProduct: '9007199254740993 + 2*x', testing: ['arbitraryIdentitySpec', 'arbitrarySpec'], elements: 9,
    });
  });

  it('convmat/elements under Node exports every name its types declare, synchronously, and defines nothing', () => {
    const r = node(['node/elements.mjs']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { names: string[]; tags: string[]; defined: string[] };
    expect(out.names).toEqual(declaredValueNames(join(consumer, 'node_modules/convmat/dist/types/components')));
    expect(out.tags).toHaveLength(9);
    expect(out.defined).toEqual([]);
    // and nothing in it is awaited at the top level (require() of an ES module refuses those)
    const lib = join(consumer, 'node_modules/convmat/dist/lib');
    expect(readFileSync(join(lib, 'elements.js'), 'utf8')).not.toMatch(/^await\b|[;}]\s*await\s+import\(/m);
  });

  it('mounts the elements in jsdom and in happy-dom (vitest environments) with no unhandled error', () => {
    const r = node([bin('vitest', 'vitest.mjs'), 'run', '--config', 'dom/vitest.config.js']);
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/2 passed/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/Unhandled|adoptedStyleSheets/);
  });

  it('runs the installed CLI (npx convmat): five commands, an implicit product, a did-you-mean', () => {
    const cli = (args: string[]) => spawnSync(join(consumer, 'node_modules/.bin/convmat'), args, { cwd: consumer, env: childEnv, encoding: 'utf8' });
    const matrix = cli(['matrix', '--input', '4', '--kernel', '3', '--weights', '2x,y,x', '--json']);
    expect(matrix.status, matrix.stderr).toBe(0);
    expect((JSON.parse(matrix.stdout) as { matrix: string[][] }).matrix[0]).toEqual(['2*x', 'y', 'x', '0']);
    expect(cli(['help']).stdout).toMatch(/matrix[\s\S]*eval[\s\S]*explain[\s\S]*check/);
    const typo = cli(['check', 'matrix-equals-sliding-window', '--spec', '{"input":6,"kernel":3,"strid":2}']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/did you mean stride\?/);
  });

  it('compiles every TypeScript block of the README on its own under tsc --strict, with bundler and with nodenext resolution', async () => {
    const readme = readFileSync(join(consumer, 'node_modules/convmat/README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    // and the harness can fail: a misspelt key is a type error
    blocks.push("import { checkMatrix } from 'convmat';\ncheckMatrix({ input: 6, kernal: 3 });\n");
    const errors = await typeCheckBlocks(blocks, join(consumer, 'readme'), bin('typescript', 'bin/tsc'), childEnv);
    const sanity = blocks.length;
    expect([...errors].filter(([name]) => !name.startsWith(`block ${sanity} `))).toEqual([]); // the compiler's output on failure
    expect([...errors.keys()].sort()).toEqual([`block ${sanity} (bundler)`, `block ${sanity} (nodenext)`]);
    expect(errors.get(`block ${sanity} (bundler)`)).toMatch(/kernal/);
  }, 300_000);

  it('type-checks the matchers and the elements from outside (HTMLElementTagNameMap)', () => {
    writeFileSync(join(consumer, 'types.ts'), TYPES_CHECK);
    const r = node([bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json']);
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
    // and the check can fail: a property the element does not have
    writeFileSync(join(consumer, 'wrong.ts'), "import 'convmat/elements';\ndocument.createElement('conv-matrix').transposd = true;\n");
    const wrong = node([bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json']);
    rmSync(join(consumer, 'wrong.ts'));
    expect(wrong.stdout).toMatch(/transposd/);
  });

  it('builds a vite app with expression weights, and the built app computes them (no mathjs in its entry chunk)', () => {
    run(process.execPath, [bin('vite', 'bin/vite.js'), 'build', 'app', '--logLevel', 'error'], consumer);
    const assets = join(consumer, 'app/dist/assets');
    const entry = readdirSync(assets).filter((f) => /^index-.*\.js$/.test(f));
    expect(entry).toHaveLength(1);
    const code = readFileSync(join(assets, entry[0]!), 'utf8');
    expect(code).not.toMatch(/typed-function|createParse/);
    const r = node([join(assets, entry[0]!)]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ equal: true, product: expressionProducts() });
  });

  it("bundles the elements with the app's own Lit (one copy), KaTeX's fonts as files, follows the site's dark color-scheme, and loads the expression parser on request", async () => {
    // app/dist was built by the test above (two pages: index.html and elements.html)
    const dist = join(consumer, 'app/dist');
    const js = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const copies = js.map((f) => readFileSync(join(dist, 'assets', f), 'utf8').split('litElementVersions').length - 1);
    expect(copies.reduce((a, b) => a + b, 0)).toBe(1);
    expect(readdirSync(join(dist, 'assets')).some((f) => /^KaTeX_Main-Regular.*\.woff2$/.test(f))).toBe(true);
    const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const { server, url } = await serve(dist);
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(m.text()); });
      page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
      await page.goto(`${url}/elements.html`);
      await page.waitForFunction(() => document.querySelector('conv-matrix')?.shadowRoot?.querySelector('[part="verdict"]'), null, { timeout: 30_000 });
      const seen = await page.evaluate(() => {
        const el = document.querySelector('conv-matrix')!;
        const card = document.querySelector('app-card')!;
        return {
          verdict: el.shadowRoot!.querySelector('[part="verdict"]')!.getAttribute('data-verdict'),
          background: getComputedStyle(el).backgroundColor,
          card: card.shadowRoot?.querySelector('[part="label"]')?.textContent,
          versions: (globalThis as { litElementVersions?: string[] }).litElementVersions?.length,
          implicit: document.body.dataset.implicit,
        };
      });
      expect(seen.verdict).toBe('pass');
      expect(seen.card).toBe('K for input 6, kernel 3');
      expect(seen.versions).toBe(1);
      expect(seen.implicit).toBe(polynomialToText(checkMatrix({ input: 3, kernel: 3, weights: '2*x,y,z' }).product[0]!));
      const [r] = /\d+/.exec(seen.background) ?? ['255'];
      expect(Number(r), seen.background).toBeLessThan(60);
      expect(problems).toEqual([]);
    } finally {
      server.close();
      await browser.close();
    }
  });
});
