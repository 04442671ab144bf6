/**
 * Plain sentences about what a fit cannot tell (see diagnostics.ts), naming the parameter and
 * what its limit means for the customers: a BG/NBD fit with a → 0 says nobody ever drops out,
 * so nobody can be found lost — a run must not report that as a plain "converged".
 */
import type { FitDiagnostics } from './diagnostics.js';

export type ModelName = 'BG/NBD' | 'Pareto/NBD' | 'Gamma-Gamma';

/** Limits whose meaning is known: parameters that run off together, or one parameter → 0. */
interface KnownLimit {
  params: readonly string[];
  /** Direction of the log-parameters: +1 towards ∞, −1 towards 0. */
  sign: 1 | -1;
  text: (p: Readonly<Record<string, number>>) => string;
}

const g = (v: number) => (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(3));

const KNOWN: Record<ModelName, readonly KnownLimit[]> = {
  'BG/NBD': [
    { params: ['a'], sign: -1, text: (p) => `a → 0 (a = ${g(p.a as number)}): the data show no drop-out, so every customer counts as alive (P(alive) ≈ 1) and nobody can be found lost; the drop-out parameters a and b cannot be estimated from this history — use a longer one` },
    { params: ['a', 'b'], sign: 1, text: (p) => `a and b run off together (a = ${g(p.a as number)}, b = ${g(p.b as number)}): every customer has the same drop-out chance after a purchase (a/(a+b) = ${g((p.a as number) / ((p.a as number) + (p.b as number)))}), so a and b cannot be estimated separately` },
    { params: ['r', 'alpha'], sign: 1, text: (p) => `r and alpha run off together (r = ${g(p.r as number)}, alpha = ${g(p.alpha as number)}): every customer buys at the same rate (r/alpha = ${g((p.r as number) / (p.alpha as number))} per period), so r and alpha cannot be estimated separately` },
  ],
  'Pareto/NBD': [
    { params: ['s'], sign: -1, text: (p) => `s → 0 (s = ${g(p.s as number)}): the data show no drop-out, so every customer counts as alive and nobody can be found lost; s and beta cannot be estimated from this history — use a longer one` },
    { params: ['s', 'beta'], sign: 1, text: (p) => `s and beta run off together (s = ${g(p.s as number)}, beta = ${g(p.beta as number)}): every customer has the same drop-out rate (s/beta = ${g((p.s as number) / (p.beta as number))} per period), so s and beta cannot be estimated separately` },
    { params: ['r', 'alpha'], sign: 1, text: (p) => `r and alpha run off together (r = ${g(p.r as number)}, alpha = ${g(p.alpha as number)}): every customer buys at the same rate (r/alpha = ${g((p.r as number) / (p.alpha as number))} per period), so r and alpha cannot be estimated separately` },
  ],
  'Gamma-Gamma': [
    { params: ['q', 'v'], sign: 1, text: (p) => `q and v run off together (q = ${g(p.q as number)}, v = ${g(p.v as number)}): the customers do not differ in their mean spend beyond chance, so q and v cannot be estimated separately and expected spend falls back to one common mean` },
  ],
};

/**
 * One sentence per problem of a fit; empty when every parameter is estimated. `params` are
 * the fitted values; the direction of a limit comes from the log-parameters in the fit's scale.
 */
export function fitNotes(model: ModelName, params: Readonly<Record<string, number>>, d: FitDiagnostics): string[] {
  const logValues = d.logValues;
  const flagged = new Set(d.notEstimable);
  if (flagged.size === 0) return [];
  const notes: string[] = [];
  for (const limit of KNOWN[model]) {
    const matches = limit.params.every((name) => flagged.has(name) && Math.sign(logValues[name] as number) === limit.sign);
    if (!matches) continue;
    notes.push(`${model}: ${limit.text(params)}`);
    // a → 0 makes b meaningless too; s → 0 likewise beta.
    const covered = limit.sign === -1 && model !== 'Gamma-Gamma' ? [...limit.params, model === 'BG/NBD' ? 'b' : 'beta'] : limit.params;
    for (const name of covered) flagged.delete(name);
  }
  for (const name of flagged) {
    const se = d.logStandardErrors[name] as number;
    const where = d.onBoundary.includes(name) ? `sits on its boundary (${name} → ${(logValues[name] as number) < 0 ? '0' : '∞'}, ${name} = ${g(params[name] as number)})` : `is hardly constrained (the likelihood is flat: ${Number.isFinite(se) ? `standard error of ln ${name} = ${se.toFixed(2)}` : 'no curvature'})`;
    notes.push(`${model}: ${name} ${where}; it cannot be estimated from this data, and results that depend on it are not supported by the data`);
  }
  return notes;
}
