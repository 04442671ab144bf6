/**
 * The folder map (docs/architecture.md) and src/ agree: every folder of src/ that holds code is
 * in the map, and every folder of src/ the map names exists, so the map cannot go stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { readSources } from './support/import-graph.js';

const MAP = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const FILES = readSources(join(ROOT, 'src')).map((f) => f.name);

/** Folders under src/ holding a .ts file that the map does not name, and folders it names that do not exist. */
function mapGaps(files: readonly string[], map: string, exists: (folder: string) => boolean): { unmapped: string[]; missing: string[] } {
  const named = new Set([...map.matchAll(/`(src\/[A-Za-z0-9_/-]+\/)`/g)].map((m) => m[1] as string));
  const folders = new Set(files.filter((f) => f.includes('/')).map((f) => `src/${f.slice(0, f.lastIndexOf('/') + 1)}`));
  return { unmapped: [...folders].filter((d) => !named.has(d)).sort(), missing: [...named].filter((d) => !exists(d)).sort() };
}

describe('docs/architecture.md', () => {
  it('names every folder of src/, and only folders that exist', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(mapGaps(FILES, MAP, (d) => existsSync(join(ROOT, d)))).toEqual({ unmapped: [], missing: [] });
  });

  it('finds a folder missing from the map and a folder that is gone (the check can fail)', () => {
    const map = '| `src/cli/` | … |\n| `src/old/` | … |';
    expect(mapGaps(['cli/main.ts', 'domain/value/value.ts', 'errors.ts'], map, (d) => d !== 'src/old/')).toEqual({ unmapped: ['src/domain/value/'], missing: ['src/old/'] });
  });
});
