const t=performance.now(); await import('mathjs'); console.log('mathjs', performance.now()-t);
const t2=performance.now(); await import('katex'); console.log('katex', performance.now()-t2);
