import { identities } from './src/check/identities/catalogue.ts';
import { describeIdentityReport } from './src/check/identities/report.ts';
for (const id of identities) {
  const t = performance.now();
  let n = 0, bad = 0;
  for (const spec of id.instances({ count: 30 })) {
    n++;
    try {
      const r = id.check(spec as never);
      if (!r.holds) { bad++; if (bad < 3) console.log('FAIL', id.id, JSON.stringify(spec), '\n', describeIdentityReport(r)); }
    } catch (e) { bad++; if (bad < 3) console.log('THROW', id.id, JSON.stringify(spec), (e as Error).message); }
  }
  console.log(id.id, n, 'bad', bad, Math.round(performance.now() - t), 'ms');
}
