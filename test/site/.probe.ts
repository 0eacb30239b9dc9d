import { chromium } from 'playwright';
import { LAUNCH } from './crawl.ts';
import { serveStatic } from './serve.ts';
const site = await serveStatic('/work/main/dist/site');
const browser = await chromium.launch(LAUNCH);
for (const block of [null, /define-/, /\.js$/]) {
  for (let i = 0; i < 2; i++) {
    const ctx = await browser.newContext();
    await ctx.addInitScript(`window.__lt=[];new PerformanceObserver(l=>{for(const e of l.getEntries())window.__lt.push([Math.round(e.startTime),Math.round(e.duration), e.name, JSON.stringify(e.attribution?.map(a=>a.containerSrc||a.name))])}).observe({type:'longtask',buffered:true});`);
    const page = await ctx.newPage();
    if (block) await page.route(block, (r) => r.abort());
    await page.goto(site.url + process.argv[2]);
    await page.waitForTimeout(2500);
    console.log(String(block), JSON.stringify(await page.evaluate(() => window.__lt)));
    await ctx.close();
  }
}
await browser.close(); await site.close();
