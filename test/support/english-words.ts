/**
 * Finds English words in text meant for a German reader: a list of English function words
 * and of the tool's own English vocabulary. Codes (snake_case, with digits), flags, file
 * names, paths and ISO dates are machine words and are skipped.
 */
const WORDS = new Set(
  (
    'the and of to is are were be been not no for with from by on at as or than but this that these those when which ' +
    'into only each every all none without after before because has have had its their there here what who how ' +
    'customer customers rows row read written planned rejected accepted expected value threshold reason reasons channel ' +
    'offer offers missing warning warnings error hint see use run check file line column contact lists list excluded ' +
    'total days weeks months window until soon first highest cost margin default unclear worth approach valued data ' +
    'allowed objected advertising suppression later due wave measure decision confidence evidence consultant ' +
    'source written wrote next edit valid invalid'
  ).split(' '),
);

export interface Leak {
  word: string;
  context: string;
}

/**
 * English words in `text`, each with the line it stands in. `ignore`: texts that are data or
 * machine contract where they appear (cell values of the input, column names), cut out first.
 */
export function findEnglish(text: string, ignore: readonly string[] = []): Leak[] {
  const leaks: Leak[] = [];
  for (const line of text.split(/\r?\n/)) {
    let rest = line;
    for (const s of ignore) if (rest.includes(s)) rest = rest.split(s).join(' ');
    const tokens = rest.split(/[\s|,;()"'[\]{}<>=:+*„“]+/);
    for (const [i, token] of tokens.entries()) {
      // A command name after `winback`, a cell cut short with an ellipsis: machine words.
      if (isMachineToken(token) || tokens[i - 1] === 'winback' || token.endsWith('…')) continue;
      for (const word of token.split(/[^\p{L}]+/u)) {
        if (WORDS.has(word.toLowerCase())) leaks.push({ word, context: line.trim().slice(0, 200) });
      }
    }
  }
  return leaks;
}

function isMachineToken(token: string): boolean {
  return (
    token.startsWith('-') || // flags (--lang) and options
    /[_\d]/.test(token) || // codes (let_go, contact_change), numbers, dates, weeks
    /[/\\]/.test(token) || // paths
    /\.(csv|json|md|html|xlsx|yaml|txt)\b/i.test(token) || // file names
    /^[a-z]+\.[a-zA-Z.]+$/.test(token) // config keys (input.maxRejectRate)
  );
}
