/**
 * The built-in playbook's German comments (`playbook init --lang de`): every English comment
 * block has its translation, no translation stands for a block that is gone or was edited, and
 * translating changes comments only — the playbook's data is the same YAML.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { blockKey, commentBlocks, translateComments } from '../../src/domain/playbook-comments.js';
import { PLAYBOOK_COMMENTS_DE } from '../../src/domain/playbook-comments-de.js';

const TEXT = readFileSync('src/playbook/default.yaml', 'utf8');

describe('playbook comments in German', () => {
  it('every comment block of the built-in playbook is translated, and every translation is of a block there', () => {
    const blocks = commentBlocks(TEXT);
    const keys = new Set(PLAYBOOK_COMMENTS_DE.map((t) => t.of));
    // An English block edited or added without its German: named by line and first words.
    const untranslated = blocks.filter((b) => !keys.has(blockKey(b.lines))).map((b) => `line ${b.first + 1}: ${b.lines[0]} (key ${blockKey(b.lines)})`);
    expect(untranslated).toEqual([]);
    const present = new Set(blocks.map((b) => blockKey(b.lines)));
    expect(PLAYBOOK_COMMENTS_DE.filter((t) => !present.has(t.of)).map((t) => t.lines[0])).toEqual([]);
    expect(blocks.length).toBeGreaterThan(20);
  });

  it('the German file holds the same playbook, with German comments at the same places and indentation', () => {
    const { text, untranslated } = translateComments(TEXT, PLAYBOOK_COMMENTS_DE);
    expect(untranslated).toEqual([]);
    expect(parseYaml(text)).toEqual(parseYaml(TEXT));
    const code = (t: string) => t.split('\n').filter((l) => !/^\s*#/.test(l));
    expect(code(text)).toEqual(code(TEXT));
    const de = commentBlocks(text);
    const en = commentBlocks(TEXT);
    expect(de.map((b) => b.indent)).toEqual(en.map((b) => b.indent));
    expect(text).toContain('# winback-Playbook — welche Maßnahme');
    expect(text).toContain('    # Das Fenster schließt 35 Tage vor dem Ende des Vertrags beim Wettbewerber');
    expect(text).not.toContain('# Days after churn before anyone may contact the customer.');
  });

  it('replaces a block by its translation at its indentation, keeps CRLF and leaves unknown blocks as they are', () => {
    const yaml = 'a: 1\r\n  # one\r\n  # two\r\nb: 2\r\n# other\r\n#\r\nc: 3\r\n';
    const translation = { of: blockKey(['one', 'two']), lines: ['eins', '', 'drei'] };
    const out = translateComments(yaml, [translation]);
    expect(out.text).toBe('a: 1\r\n  # eins\r\n  #\r\n  # drei\r\nb: 2\r\n# other\r\n#\r\nc: 3\r\n');
    expect(out.untranslated.map((b) => b.lines)).toEqual([['other', '']]);
    // A key is of the block's words, not its indentation.
    expect(commentBlocks('    # one\n    # two\n').map((b) => blockKey(b.lines))).toEqual([translation.of]);
  });
});
