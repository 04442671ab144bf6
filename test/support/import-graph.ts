/**
 * The import graph of src/ for the architecture tests: every import, export-from and dynamic
 * import of every .ts file (type-only imports included: they tie modules together as well),
 * read with TypeScript's own pre-processor, and the circles in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** path relative to the scanned root, with forward slashes */
  name: string;
  text: string;
  /** every module specifier the file imports, as written */
  specifiers: string[];
  /** the relative specifiers resolved to names of the scanned root ('.js' read as '.ts') */
  local: string[];
}

/** Every .ts file under root with its imports. */
export function readSources(root: string): SourceFile[] {
  const names = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/')).sort();
  return names.map((name) => {
    const text = readFileSync(join(root, name), 'utf8');
    return { name, text, ...importsOf(root, name, text) };
  });
}

/** The specifiers a file's text imports, and those that point into root. */
export function importsOf(root: string, name: string, text: string): { specifiers: string[]; local: string[] } {
  const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const local = specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(root, dirname(name), s.replace(/\.js$/, '.ts'))).split('\\').join('/'));
  return { specifiers, local };
}

/** The circles of a graph (its strongly connected components of more than one file, or a file importing itself), each sorted. */
export function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so that a deep graph cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1] as { node: string; edge: number };
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++] as string;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(top.node) as number));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      for (;;) {
        const n = stack.pop() as string;
        onStack.delete(n);
        component.push(n);
        if (n === top.node) break;
      }
      if (component.length > 1 || edges.includes(top.node)) circles.push(component.sort());
    }
  }
  return circles;
}

/** Names of Node's own modules, with and without the node: prefix. */
export function isNodeBuiltin(specifier: string, builtins: readonly string[]): boolean {
  return specifier.startsWith('node:') || builtins.includes(specifier.split('/')[0] as string);
}

/**
 * Uses of the process, the clock, chance or other runtime globals in code (comments and
 * strings skipped; `x.process` is a property, not the global): `process`, `Buffer`,
 * `require`, `console`, timers, `fetch`, `globalThis`, `performance`, `Date.now`, `new Date()`
 * without arguments, `Math.random`.
 */
export function runtimeGlobals(text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && RUNTIME_GLOBALS.has(node.text) && (node.parent as { name?: ts.Node } | undefined)?.name !== node) found.push(node.text);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const call = `${node.expression.text}.${node.name.text}`;
      if (call === 'Date.now' || call === 'Math.random') found.push(call);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments?.length ?? 0) === 0) found.push('new Date()');
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true));
  return found;
}

const RUNTIME_GLOBALS = new Set(['process', 'Buffer', 'require', 'console', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'globalThis', 'performance']);
