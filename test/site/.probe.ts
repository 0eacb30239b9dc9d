import { chromium } from 'playwright';
import { LAUNCH } from './crawl.ts';
import { serveStatic } from './serve.ts';
const site = await serveStatic('/work/main/dist/site');
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext();
await ctx.addInitScript(`window.__lt=[];new PerformanceObserver(l=>{for(const e of l.getEntries())window.__lt.push([Math.round(e.startTime),Math.round(e.duration)])}).observe({type:'longtask',buffered:true});`);
const page = await ctx.newPage();
for (const p of process.argv.slice(2)) {
  for (let i = 0; i < 2; i++) {
    await page.goto(site.url + p);
    await page.waitForSelector('html[data-hydrated]', { timeout: 60000 });
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => ({ lt: (window as any).__lt, m: performance.getEntriesByType('measure').map((m: any) => [Math.round(m.startTime), Math.round(m.duration), String(m.detail).slice(0, 140)]) }));
    console.log(p, i, 'longtasks', JSON.stringify(r.lt));
    if (i === 1) for (const m of r.m) console.log('   ', JSON.stringify(m));
  }
}
await browser.close(); await site.close();
