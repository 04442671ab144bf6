/**
 * The terminal prompter (inquirer) on a stream: what the consultant types replaces the
 * default, Enter takes it, Tab puts it into the line to edit.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalPrompter } from '../../src/io/prompts.js';

async function typed(keys: string[], def: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  const prompter = await createTerminalPrompter({ input, output, words: { selectKeys: '', noMatch: '' } });
  const answer = prompter.input({ key: ['relationships', 'C-1', 'contact'], message: 'Who?', default: def });
  // The stream holds the keys until the prompt reads them, in order.
  for (const k of keys) input.write(k);
  return answer;
}

describe('the terminal prompter', () => {
  it('an answer typed over a default replaces it; Enter alone takes the default; Tab lets it be edited', async () => {
    expect(await typed(['Herr Weber', '\r'], 'Maria Santos')).toBe('Herr Weber');
    expect(await typed(['\r'], 'Maria Santos')).toBe('Maria Santos');
    expect(await typed(['\t', ' (Einkauf)', '\r'], 'Maria Santos')).toBe('Maria Santos (Einkauf)');
  });
});
