/**
 * Data kept only to meet a statutory retention duty, or restricted (GDPR Art. 18): not used for
 * marketing (DOMAIN.md §1.2). Read by the objection rules (text.ts) beside the objections, once
 * per distinct text or cell, and never vetoed by the learned model. Pure.
 */

// Texts are normalised (normaliseObjectionText): lower case, umlauts folded, punctuation spaced out.
const GATE = /aufbewahr|retention|retained|record ?keeping|art 18|einschraenkung|restrict/;
const RETENTION_ONLY = new RegExp(
  [
    '\\bnur (?:noch )?(?:wegen|zur|fuer|aufgrund|auf grund|im rahmen) (?:der |die |einer |von )?(?:gesetzlichen |handelsrechtlichen |steuerrechtlichen |steuerlichen |gesetzlicher )?aufbewahrung[a-z]*',
    '\\bnur (?:noch )?aufbewahrung[a-z]*',
    '\\baufbewahrungspflicht[a-z]* (?:gespeichert|vorgehalten|archiviert|gesperrt)',
    '\\b(?:kept|held|stored|retained|archived) only (?:for|to meet|under|because of) (?:the |our |a )?(?:legal|statutory|tax|regulatory)? ?(?:retention|record ?keeping)[a-z ]{0,20}',
    '\\b(?:legal |statutory )?retention only\\b',
    '\\beinschraenkung der verarbeitung\\b',
    '\\b(?:restriction of processing|processing restricted)\\b',
    '\\b(?:gesperrt|sperrung|restricted) (?:nach|gemaess|gem|under|per) (?:art|artikel|article) 18\\b',
  ].join('|'),
);

/** The words of a normalised text saying the data are kept only for a retention duty or are restricted, or undefined. */
export function retentionOnly(normalised: string): string | undefined {
  if (!GATE.test(normalised)) return undefined;
  return RETENTION_ONLY.exec(normalised)?.[0].trim();
}
