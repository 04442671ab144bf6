/**
 * Pieces of the compact columns that hold many customers in little memory
 * (campaign/id-statuses.ts, budget/columns.ts): a byte for each of a few distinct texts, and
 * typed arrays grown by copying. Pure.
 */

/** A few distinct texts, each as a small number (a byte by default): what a column stores instead of the text. */
export class ByteCodes {
  private readonly texts: string[] = [];
  private readonly codeOf = new Map<string, number>();

  /**
   * `what`: the texts' name in the error past `limit` of them ("statuses", "offers"); `limit`:
   * how many distinct texts the column's numbers hold (256 for bytes, 65,536 for Uint16Array)
   */
  constructor(private readonly what: string, private readonly limit = 256) {}

  /** The byte of `text` (a new one for a text not seen before). */
  code(text: string): number {
    let code = this.codeOf.get(text);
    if (code === undefined) {
      code = this.texts.length;
      if (code >= this.limit) throw new RangeError(`at most ${this.limit} distinct ${this.what} fit in a column's numbers`);
      this.texts.push(text);
      this.codeOf.set(text, code);
    }
    return code;
  }

  /** The text of a byte code() gave. */
  text(code: number): string {
    return this.texts[code] as string;
  }
}

/** `to` with `from` copied to its start: a typed array grown into new memory. */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
