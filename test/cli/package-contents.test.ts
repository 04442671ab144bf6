import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the published package', () => {
  it('ships the product only: no fixture generators, no source maps, no tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toContain('bin/winback.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('src/playbook/default.yaml');
    // What the build derived from the shipped files, so that an installed copy starts as fast
    // (src/io/startup-data.ts; under node_modules/ a part is used whatever its time:
    // test/io/startup-data.test.ts).
    for (const part of ['objection-factors.json', 'playbook.json', 'examples.json', 'reason-reader.json', 'reason-reader.bin', 'reason-vocabulary.bin']) expect(files).toContain(`dist/derived/${part}`);
    const stray = files.filter((f) => f.startsWith('dist/dev/') || f.startsWith('build/') || f.startsWith('dev/') || f.endsWith('.map') || f.endsWith('.tsbuildinfo') || f.startsWith('test/') || f.startsWith('bench/')
      || (f.startsWith('src/') && !f.startsWith('src/playbook/')));
    expect(stray).toEqual([]);
  });
});
