import { chromium } from 'playwright';
import { LAUNCH } from './crawl.ts';
import { serveStatic } from './serve.ts';
const site = await serveStatic('/work/main/dist/site');
const browser = await chromium.launch(LAUNCH);
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
for (const [p, y, name] of [['docs/identities.html', 0, 'id-top'], ['docs/elements.html', 0, 'el-top'], ['docs/elements.html', 2600, 'el-mid'], ['docs/separable.html', 300, 'sep'], ['docs/cli.html', 0, 'cli'], ['docs/api.html', 600, 'api'], ['docs/performance.html', 0, 'perf'], ['docs/1d.html', 3000, '1d-text']] as const) {
  await page.goto(site.url + p);
  await page.waitForSelector('html[data-hydrated]', { timeout: 60000 });
  await page.waitForTimeout(800);
  await page.evaluate((y) => window.scrollTo(0, y), y);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
}
await browser.close(); await site.close();
