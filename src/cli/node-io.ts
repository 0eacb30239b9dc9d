import type { CommandIO } from './command.ts';
import { stdinTooLarge } from './stdin-limits.ts';

/** The process's standard streams as a CommandIO. A closed pipe (`| head`) is not an error. */
export function nodeIO(): CommandIO {
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });
  }
  return {
    out: (text) => { process.stdout.write(text); },
    err: (text) => { process.stderr.write(text); },
    readStdin: async (maxBytes = Infinity) => {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) { process.stdin.destroy(); throw stdinTooLarge(maxBytes); }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
