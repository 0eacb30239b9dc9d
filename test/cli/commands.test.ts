import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';

/** The command table lists some commands before loading them; its names and summaries must match the modules. */
describe('command table', () => {
  it('each entry loads the command it names, with the same summary', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
      expect(command.help.length).toBeGreaterThan(0);
    }
  });
});
