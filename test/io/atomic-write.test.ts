import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  commitFilesAtomic,
  createAtomicWriteStream,
  removeStaleTemps,
  toWriteError,
  writeFileAtomic,
} from '../../src/io/atomic-write.js';
import { CannotCreateError, IoError } from '../../src/errors.js';
import { registeredTemps } from '../../src/io/temp-cleanup.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const temps = async (d: string): Promise<string[]> => (await readdir(d)).filter((n) => n.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary file', async () => {
    const target = join(dir, 'plan.csv');
    await writeFileAtomic(target, 'a,b\n1,2\n');
    expect(await readFile(target, 'utf8')).toBe('a,b\n1,2\n');
    await writeFileAtomic(target, Buffer.from('new\n'));
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect(await temps(dir)).toEqual([]);
  });

  it('removes the temporary file when the rename fails, and keeps the target', async () => {
    const target = join(dir, 'out');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toBeInstanceOf(CannotCreateError);
    expect(await temps(dir)).toEqual([]);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('x');
  });

  it.each([
    ['a missing directory', (d: string) => join(d, 'missing', 'plan.csv')],
    ['a path under a file', (d: string) => join(d, 'file.txt', 'plan.csv')],
  ])('throws CannotCreateError naming the path for %s', async (_name, pathOf) => {
    await writeFile(join(dir, 'file.txt'), 'x');
    const target = pathOf(dir);
    const error = await writeFileAtomic(target, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotCreateError);
    expect((error as CannotCreateError).exitCode).toBe(73);
    expect((error as Error).message).toContain(target);
  });
});

describe('toWriteError', () => {
  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
  it.each([
    ['EACCES', CannotCreateError, 'permission denied'],
    ['EROFS', CannotCreateError, 'read-only file system'],
    ['ENOENT', CannotCreateError, 'no such directory, or one that takes no new files'],
    ['ENOSPC', IoError, 'no space left on device'],
    ['EIO', IoError, 'input/output error'],
  ])('maps %s', (code, type, text) => {
    const error = toWriteError(errno(code), '/data/out/plan.csv');
    expect(error).toBeInstanceOf(type);
    expect(error.message).toBe(`${type === IoError ? 'cannot write' : 'cannot create or replace'} /data/out/plan.csv: ${text}`);
  });
});

describe('commitFilesAtomic', () => {
  it('replaces a set of files', async () => {
    await writeFile(join(dir, 'a.csv'), 'old a');
    await commitFilesAtomic(dir, [
      { name: 'a.csv', data: 'new a' },
      { name: 'b.csv', data: 'new b' },
    ]);
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('new a');
    expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe('new b');
    expect(await temps(dir)).toEqual([]);
  });

  it('changes nothing when one file cannot be written', async () => {
    await writeFile(join(dir, 'a.csv'), 'old a');
    await expect(
      commitFilesAtomic(dir, [
        { name: 'a.csv', data: 'new a' },
        { name: join('missing', 'b.csv'), data: 'new b' },
      ]),
    ).rejects.toBeInstanceOf(CannotCreateError);
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(await readdir(dir)).toEqual(['a.csv']);
  });

  it('lists its temporary files for removal on an interruption while they exist, and forgets them once renamed', async () => {
    const mine = () => registeredTemps().filter((p) => p.startsWith(dir));
    const done = commitFilesAtomic(dir, [
      { name: 'summary.json', data: '{}' },
      { name: 'report.txt', data: 'x' },
    ]);
    expect(mine().map((p) => p.slice(dir.length + 1))).toEqual([expect.stringMatching(/^\.summary\.json\.\d+\.[0-9a-f]+\.tmp$/)]);
    await done;
    expect(mine()).toEqual([]);
    await expect(commitFilesAtomic(dir, [{ name: join('missing', 'b.csv'), data: 'b' }])).rejects.toBeInstanceOf(CannotCreateError);
    expect(mine()).toEqual([]);
  });
});

describe('createAtomicWriteStream', () => {
  it('keeps the old file visible until commit, then shows the whole new one', async () => {
    const target = join(dir, 'big.csv');
    await writeFile(target, 'old\n');
    const stream = await createAtomicWriteStream(target);
    const line = 'x'.repeat(99) + '\n';
    for (let i = 0; i < 5000; i++) {
      if (!stream.write(line)) await new Promise((r) => stream.once('drain', r));
      if (i % 1000 === 0) expect(await readFile(target, 'utf8')).toBe('old\n');
    }
    expect(await readFile(target, 'utf8')).toBe('old\n');
    await stream.commit();
    expect(await readFile(target, 'utf8')).toBe(line.repeat(5000));
    expect(await temps(dir)).toEqual([]);
  });

  it('abort discards the temporary file and keeps the target', async () => {
    const target = join(dir, 'plan.csv');
    await writeFile(target, 'old\n');
    const stream = await createAtomicWriteStream(target);
    stream.write('partial');
    await stream.abort();
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect(await temps(dir)).toEqual([]);
    await expect(stream.commit()).rejects.toThrow(/already/);
  });

  it('removeStaleTemps keeps temporary files of live processes', async () => {
    const stream = await createAtomicWriteStream(join(dir, 'live.csv'));
    await writeFile(join(dir, '.x.csv.999999999.0123456789ab.tmp'), 'dead');
    expect(await removeStaleTemps(dir)).toEqual(['.x.csv.999999999.0123456789ab.tmp']);
    expect(await temps(dir)).toHaveLength(1);
    await stream.abort();
  });

  it('throws CannotCreateError when the directory is missing', async () => {
    await expect(createAtomicWriteStream(join(dir, 'nope', 'x.csv'))).rejects.toBeInstanceOf(CannotCreateError);
  });
});

describe('a process killed while writing', () => {
  // Node 20 cannot run TypeScript directly: transpile the modules for the child process.
  async function buildModule(into: string): Promise<string> {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
    await mkdir(join(into, 'io'), { recursive: true });
    await mkdir(join(into, 'domain', 'catalogue'), { recursive: true });
    await writeFile(join(into, 'package.json'), '{"type":"module"}');
    // The writer's errors are worded from the message catalogue, which needs the dates and channels.
    const catalogue = (await readdir(join(src, 'domain', 'catalogue'))).map((f) => join('domain', 'catalogue', f));
    for (const file of ['errors.ts', join('io', 'atomic-write.ts'), join('io', 'temp-cleanup.ts'), join('io', 'run-inputs.ts'), join('domain', 'dates.ts'), join('domain', 'playbook-types.ts'), ...catalogue]) {
      const source = await readFile(join(src, file), 'utf8');
      const out = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      await writeFile(join(into, file.replace(/\.ts$/, '.js')), out.outputText);
    }
    return join(into, 'io', 'atomic-write.js');
  }

  it('leaves either the whole old or the whole new file, never a partial one', async () => {
    const moduleDir = join(dir, 'mod');
    const modulePath = await buildModule(moduleDir);
    const target = join(dir, 'out', 'plan.csv');
    await mkdir(dirname(target));
    const version = (v: number): string => `v${v}\n`.repeat(200_000) + 'END\n';
    await writeFile(target, version(0));
    // The child rewrites the file forever, each version a different content, in small chunks.
    const script = `
      const { createAtomicWriteStream } = await import(${JSON.stringify(modulePath)});
      for (let v = 1; ; v++) {
        const s = await createAtomicWriteStream(${JSON.stringify(target)});
        const line = 'v' + v + '\\n';
        for (let i = 0; i < 200000; i++) if (!s.write(line)) await new Promise((r) => s.once('drain', r));
        s.write('END\\n');
        await s.commit();
        if (v === 1) process.stdout.write('started\\n');
      }`;
    // Killed at the 1st, 2nd, 5th and 13th file-system event in the folder once the child has
    // written its first version: at different points of creating, writing and renaming.
    for (const killAt of [1, 2, 5, 13]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      let events = 0;
      const watcher = watch(dirname(target), () => {
        if (++events === killAt) child.kill('SIGKILL');
      });
      await new Promise((r) => child.once('exit', r));
      watcher.close();
      const content = await readFile(target, 'utf8');
      const first = content.slice(0, content.indexOf('\n'));
      const v = Number(first.slice(1));
      expect(content).toBe(version(v));
    }
    // The killed runs left their temporary files behind; the next run sweeps them.
    const left = await temps(dirname(target));
    expect(left.length).toBeGreaterThan(0);
    expect((await removeStaleTemps(dirname(target))).sort()).toEqual(left.sort());
    expect(await readdir(dirname(target))).toEqual(['plan.csv']);
  });
});

describe('a target that is no regular file', () => {
  it('is refused (exit 73), and the pipe stays a pipe: replacing it would remove a device or starve a reader', async () => {
    const { execFileSync } = await import('node:child_process');
    const { lstatSync } = await import('node:fs');
    const dir = await mkdtemp(join(tmpdir(), 'winback-fifo-'));
    try {
      const fifo = join(dir, 'pipe');
      execFileSync('mkfifo', [fifo]);
      await expect(writeFileAtomic(fifo, 'a,b\n')).rejects.toBeInstanceOf(CannotCreateError);
      await expect(writeFileAtomic(fifo, 'a,b\n')).rejects.toMatchObject({ exitCode: 73, hint: expect.stringMatching(/name a file, not a device or a pipe/) });
      await expect(createAtomicWriteStream(fifo)).rejects.toThrow(/not a regular file/);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['pipe']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
