/**
 * Plain sentences about what a fit cannot tell (see diagnostics.ts), naming the parameter and
 * what its limit means for the customers: a BG/NBD fit with a → 0 says nobody ever drops out,
 * so nobody can be found lost — a run must not report that as a plain "converged".
 */
import type { FitDiagnostics } from './diagnostics.js';
import { DataError } from '../../errors.js';
import { say, type Said } from '../catalogue/index.js';

export type ModelName = 'BG/NBD' | 'Pareto/NBD' | 'Gamma-Gamma';

/** Limits whose meaning is known: parameters that run off together, or one parameter → 0. */
interface KnownLimit {
  params: readonly string[];
  /** Direction of the log-parameters: +1 towards ∞, −1 towards 0. */
  sign: 1 | -1;
  note: (model: ModelName, p: Readonly<Record<string, number>>) => FitNote;
}

/** One warning of a fit, as a catalogue key with its arguments (messages.ts, clvFit). */
export type FitNote = Said<'clvFit'>;

const g = (v: number) => (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(3));
const at = (p: Readonly<Record<string, number>>, name: string) => p[name] as number;

const KNOWN: Record<ModelName, readonly KnownLimit[]> = {
  'BG/NBD': [
    { params: ['a'], sign: -1, note: (model, p) => ({ key: 'aZero', args: [model, g(at(p, 'a'))] }) },
    { params: ['a', 'b'], sign: 1, note: (model, p) => ({ key: 'abTogether', args: [model, g(at(p, 'a')), g(at(p, 'b')), g(at(p, 'a') / (at(p, 'a') + at(p, 'b')))] }) },
    { params: ['r', 'alpha'], sign: 1, note: (model, p) => ({ key: 'rAlphaTogether', args: [model, g(at(p, 'r')), g(at(p, 'alpha')), g(at(p, 'r') / at(p, 'alpha'))] }) },
  ],
  'Pareto/NBD': [
    { params: ['s'], sign: -1, note: (model, p) => ({ key: 'sZero', args: [model, g(at(p, 's'))] }) },
    { params: ['s', 'beta'], sign: 1, note: (model, p) => ({ key: 'sBetaTogether', args: [model, g(at(p, 's')), g(at(p, 'beta')), g(at(p, 's') / at(p, 'beta'))] }) },
    { params: ['r', 'alpha'], sign: 1, note: (model, p) => ({ key: 'rAlphaTogether', args: [model, g(at(p, 'r')), g(at(p, 'alpha')), g(at(p, 'r') / at(p, 'alpha'))] }) },
  ],
  'Gamma-Gamma': [{ params: ['q', 'v'], sign: 1, note: (model, p) => ({ key: 'qvTogether', args: [model, g(at(p, 'q')), g(at(p, 'v'))] }) }],
};

/**
 * One note per problem of a fit; empty when every parameter is estimated. `params` are
 * the fitted values; the direction of a limit comes from the log-parameters in the fit's scale.
 */
export function fitNotes(model: ModelName, params: Readonly<Record<string, number>>, d: FitDiagnostics): FitNote[] {
  const logValues = d.logValues;
  const flagged = new Set(d.notEstimable);
  if (flagged.size === 0) return [];
  const notes: FitNote[] = [];
  for (const limit of KNOWN[model]) {
    const matches = limit.params.every((name) => flagged.has(name) && Math.sign(logValues[name] as number) === limit.sign);
    if (!matches) continue;
    notes.push(limit.note(model, params));
    // a → 0 makes b meaningless too; s → 0 likewise beta.
    const covered = limit.sign === -1 && model !== 'Gamma-Gamma' ? [...limit.params, model === 'BG/NBD' ? 'b' : 'beta'] : limit.params;
    for (const name of covered) flagged.delete(name);
  }
  for (const name of flagged) {
    const se = d.logStandardErrors[name] as number;
    notes.push(
      d.onBoundary.includes(name)
        ? { key: 'onBoundary', args: [model, name, (logValues[name] as number) < 0 ? '0' : '∞', g(params[name] as number)] }
        : { key: 'flat', args: [model, name, Number.isFinite(se) ? se.toFixed(2) : undefined] },
    );
  }
  return notes;
}

/** A model that cannot be fitted to this data; `note` says why in the catalogue's words (the message is its English). */
export class ModelFitError extends DataError {
  constructor(readonly note: FitNote) {
    super(say('en', 'clvFit', note));
  }
}
