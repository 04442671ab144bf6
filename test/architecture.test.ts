/**
 * The dependency rules of src/ (docs: README "Layout"): dependencies point inward
 * (cli → commands → {io, pipeline, domain}; domain → nothing but itself and the error
 * classes), the domain is pure, and no module imports itself through others.
 */
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { findCircles, importsOf, isNodeBuiltin, readSources, runtimeGlobals } from './support/import-graph.js';

const SRC = join(ROOT, 'src');
const sources = readSources(SRC);
const domain = sources.filter((f) => f.name.startsWith('domain/'));
/** What a domain file may import besides other domain files: the error classes, which import nothing. */
const DOMAIN_MAY_ALSO_IMPORT = ['errors.ts'];

describe('src/ import graph', () => {
  it('reads every file and its imports', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.find((f) => f.name === 'cli/program.ts')?.local).toContain('commands/plan.ts');
    const names = new Set(sources.map((f) => f.name));
    for (const f of sources) for (const to of f.local) expect(names.has(to), `${f.name} imports ${to}, which is not a file of src/`).toBe(true);
  });

  it('has no import circles', () => {
    const graph = new Map(sources.map((f) => [f.name, f.local]));
    expect(findCircles(graph)).toEqual([]);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts', 'd.ts']], ['d.ts', []], ['e.ts', ['e.ts']]]);
    expect(findCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    // Re-exports, type-only and dynamic imports are edges as well.
    const text = "export { x } from './x.js';\nimport type { Y } from '../y.js';\nconst z = await import('./z.js');\n";
    expect(importsOf(SRC, 'domain/a.ts', text).local).toEqual(['domain/x.ts', 'y.ts', 'domain/z.ts']);
  });
});

describe('dependencies point inward', () => {
  const outer = (from: string) => sources.filter((f) => f.name.startsWith(from));
  it.each(['io/', 'engine/', 'pipeline/'])('%s imports nothing from cli/ or commands/', (folder) => {
    const files = outer(folder);
    expect(files.length).toBeGreaterThan(0);
    const wrong = files.flatMap((f) => f.local.filter((to) => to.startsWith('cli/') || to.startsWith('commands/')).map((to) => `${f.name} → ${to}`));
    expect(wrong).toEqual([]);
  });
});

describe('src/domain is pure', () => {
  it('has files to check', () => expect(domain.length).toBeGreaterThan(40));

  it.each(domain.map((f) => [f.name, f] as const))('%s imports no Node module and nothing from cli, commands, io or pipeline', (_name, f) => {
    expect(f.specifiers.filter((s) => isNodeBuiltin(s, builtinModules))).toEqual([]);
    expect(f.local.filter((to) => !to.startsWith('domain/') && !DOMAIN_MAY_ALSO_IMPORT.includes(to))).toEqual([]);
  });

  it.each(domain.map((f) => [f.name, f] as const))('%s uses no process, clock, chance, console or timer', (_name, f) => {
    expect(runtimeGlobals(f.text)).toEqual([]);
  });

  it('the error classes a domain file may import import nothing themselves', () => {
    for (const name of DOMAIN_MAY_ALSO_IMPORT) expect(sources.find((f) => f.name === name)?.specifiers).toEqual([]);
  });

  it('the checks find what they look for (they can fail)', () => {
    expect(isNodeBuiltin('node:fs', builtinModules)).toBe(true);
    expect(isNodeBuiltin('fs/promises', builtinModules)).toBe(true);
    expect(isNodeBuiltin('zod', builtinModules)).toBe(false);
    const code = [
      '// process.env in a comment is fine',
      "const s = 'process.exit(1)';",
      'const o = { process: 1, now: 2 };',
      'const a = o.process + process.env.X.length;',
      'const t = Date.now() + new Date().getTime() + new Date(0).getTime() + Math.random();',
      'console.log(`${globalThis.x}`);',
    ].join('\n');
    expect(runtimeGlobals(code)).toEqual(['process', 'Date.now', 'new Date()', 'Math.random', 'console', 'globalThis']);
  });
});

/** Imports from outside `folder` into it that do not go through its entry file, as "from → to". */
function pastTheEntry(files: readonly { name: string; local: readonly string[] }[], folder: string, entry: string): string[] {
  return files
    .filter((f) => !f.name.startsWith(folder))
    .flatMap((f) => f.local.filter((to) => to.startsWith(folder) && to !== entry).map((to) => `${f.name} → ${to}`));
}

describe('the row engine is reached through its entry alone', () => {
  it('src/engine/index.ts exists and is used by the planning commands', () => {
    const users = sources.filter((f) => f.local.includes('engine/index.ts')).map((f) => f.name);
    expect(users).toEqual(expect.arrayContaining(['commands/plan.ts', 'commands/campaign/campaign.ts', 'commands/worksheet/worksheet.ts', 'pipeline/report-build.ts']));
  });

  it('no file outside src/engine/ imports another file of it', () => {
    expect(pastTheEntry(sources, 'engine/', 'engine/index.ts')).toEqual([]);
  });

  it('finds an import past the entry (the check can fail)', () => {
    const files = [
      { name: 'commands/a.ts', local: ['engine/index.ts', 'engine/row-loop.ts'] },
      { name: 'engine/index.ts', local: ['engine/row-loop.ts'] },
      { name: 'engines/x.ts', local: ['engine/parallel-plan.ts'] },
    ];
    expect(pastTheEntry(files, 'engine/', 'engine/index.ts')).toEqual(['commands/a.ts → engine/row-loop.ts', 'engines/x.ts → engine/parallel-plan.ts']);
  });
});
