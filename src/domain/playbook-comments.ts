/**
 * The built-in playbook's comments in another language. The playbook itself (data, keys,
 * labels in both languages) exists once, in src/playbook/default.yaml; its comments are
 * written in English there. `playbook init --lang de` writes the same file with each comment
 * block replaced by its German text (src/domain/playbook-comments-de.ts). A block is a run of
 * comment lines; each translation names the English block it stands for by a hash of that
 * block's text, so an English block edited without its translation is found by a test
 * (test/domain/playbook-comments.test.ts) instead of going out in the old German.
 */
import { hash53 } from './hash.js';

/** A translated comment block: the key of the English block it replaces and its lines (without "# "). */
export interface CommentTranslation {
  of: string;
  lines: readonly string[];
}

/** A run of comment lines in a YAML text: its first and last line (0-based), its indentation and its text. */
export interface CommentBlock {
  first: number;
  last: number;
  indent: string;
  lines: string[];
}

const COMMENT = /^(\s*)#(?: (.*)|())$/;

/** The comment blocks of a YAML text, in order (only whole-line comments). */
export function commentBlocks(text: string): CommentBlock[] {
  const blocks: CommentBlock[] = [];
  let current: CommentBlock | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = COMMENT.exec(line);
    if (m === null) {
      current = undefined;
      return;
    }
    const body = m[2] ?? '';
    if (current === undefined) {
      current = { first: i, last: i, indent: m[1] ?? '', lines: [body] };
      blocks.push(current);
    } else {
      current.last = i;
      current.lines.push(body);
    }
  });
  return blocks;
}

/** The key of a block: a hash of its lines (indentation aside), base 36. */
export function blockKey(lines: readonly string[]): string {
  return hash53(lines.join('\n')).toString(36);
}

/**
 * The text with every comment block that has a translation replaced by it (at the block's
 * indentation); blocks without one stay as they are and are listed in `untranslated`.
 */
export function translateComments(text: string, translations: readonly CommentTranslation[]): { text: string; untranslated: CommentBlock[] } {
  const byKey = new Map(translations.map((t) => [t.of, t.lines]));
  const lines = text.split('\n');
  const untranslated: CommentBlock[] = [];
  // From the last block to the first, so the line numbers of the earlier ones still hold.
  for (const block of commentBlocks(text).reverse()) {
    const translated = byKey.get(blockKey(block.lines));
    if (translated === undefined) {
      untranslated.unshift(block);
      continue;
    }
    const eol = (lines[block.first] as string).endsWith('\r') ? '\r' : '';
    const out = translated.map((l) => `${block.indent}#${l === '' ? '' : ` ${l}`}${eol}`);
    lines.splice(block.first, block.last - block.first + 1, ...out);
  }
  return { text: lines.join('\n'), untranslated };
}
