/**
 * Where JSON.parse stopped, as line and column (1-based) of the text: its message gives a
 * character position ("… in JSON at position 16"), which a person cannot find in a file.
 */
export function jsonErrorAt(text: string, err: unknown): { line: number; column: number } | undefined {
  const m = /at position (\d+)/.exec(err instanceof Error ? err.message : String(err));
  if (m === null) return undefined;
  const position = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, position);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: position - lastBreak };
}
