import {checkMatrix, normalizeSpec} from './src/index.ts';
const med = (xs: number[]) => xs.slice().sort((a,b)=>a-b)[Math.floor(xs.length/2)];
for (const n of [64, 256]) {
  const reps = n === 64 ? 60 : 8;
  const ns: number[] = [], stages: number[] = [], tot: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t = performance.now(); const s = normalizeSpec({input:[n,n],kernel:[3,3]}); ns.push(performance.now()-t);
    t = performance.now(); const r = checkMatrix(s); tot.push(performance.now()-t);
    stages.push(r.timings.build + r.timings.product + r.timings.slidingWindow + r.timings.compare);
  }
  console.log(n, 'normalizeSpec', med(ns).toFixed(2), 'checkMatrix(spec)', med(tot).toFixed(2), 'stages', med(stages).toFixed(2));
}
