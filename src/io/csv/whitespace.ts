/**
 * Whitespace-aligned files (`--delimiter whitespace`): fields separated by runs of spaces or
 * tabs, as fixed-width printouts and the raw CDNOW files are. Each run becomes one tab and
 * blanks at the start and end of a line are dropped, so the CSV reader can split on tabs.
 * Such files have no quoting: a field cannot hold a blank.
 */

/** The separator the collapsed text uses. */
export const COLLAPSED_DELIMITER = '\t';

/** Collapses runs of blanks in text that arrives in pieces; the state carries across pieces. */
export class BlankCollapser {
  private atLineStart = true;
  private pendingBlank = false;

  /** The collapsed form of the next piece of text. */
  push(text: string): string {
    let out = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        out += text.slice(from, i);
        from = i + 1;
        if (!this.atLineStart) this.pendingBlank = true;
      } else if (c === 10 || c === 13) {
        // Blanks before a line end are trailing: dropped.
        this.pendingBlank = false;
        this.atLineStart = true;
      } else {
        if (this.pendingBlank) {
          out += text.slice(from, i) + COLLAPSED_DELIMITER;
          from = i;
          this.pendingBlank = false;
        }
        this.atLineStart = false;
      }
    }
    return out + text.slice(from);
  }
}

/** Collapses a whole text at once. */
export function collapseBlanks(text: string): string {
  return new BlankCollapser().push(text);
}

/** Collapses the pieces of a text stream as they come. */
export async function* collapseBlankStream(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  const collapser = new BlankCollapser();
  for await (const piece of pieces) {
    const text = collapser.push(piece);
    if (text) yield text;
  }
}
