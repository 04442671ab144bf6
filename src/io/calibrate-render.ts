/** Terminal text of a calibration: fit quality, per-reason rates, behaviour weights, deciles. */
import type { SecondLifetimeStats } from '../domain/calibrate-history.js';
import type { CalibratedModel } from '../domain/calibrate.js';
import type { BehaviourCoefficients } from '../domain/defaults.js';
import { renderTable, styler } from './render.js';

export interface CalibrationReport {
  input: { file: string; rows: number };
  accepted: number;
  rejected: number;
  out: string;
  model: CalibratedModel;
  default_coefficients: BehaviourCoefficients;
  playbook_base_rates: Record<string, number>;
  second_lifetime: Record<string, SecondLifetimeStats>;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)} %`);
const num = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '-' : x.toFixed(d));

/** The calibration report as tables that fit an 80-column terminal. */
export function renderCalibration(r: CalibrationReport, color: boolean): string {
  const c = styler(color);
  const { fit } = r.model;
  const head = [
    `${r.input.rows} rows read = ${r.accepted} attempts + ${r.rejected} rejected; fitted on ${fit.trainCases}, held out ${fit.holdoutCases}`,
    `fit: ${fit.converged ? 'converged' : c.red('NOT converged')} after ${fit.iterations} iterations; holdout AUC ${num(fit.auc)}, Brier ${num(fit.brier)}`,
  ];
  const right = (n: number): ('left' | 'right')[] => ['left', ...Array.from({ length: n }, () => 'right' as const)];
  const reasons = Object.entries(r.model.baseRates).map(([code, b]) => {
    const life = r.second_lifetime[code];
    return [code, b.cases, b.wins, pct(b.prior), pct(b.rate), num(life?.meanMonths, 1)];
  });
  const reasonTable = renderTable(['reason', 'cases', 'won', 'playbook', 'fitted', '2nd life mo'], reasons, { color, align: right(5) });
  const weights = Object.entries(r.model.coefficients).map(([f, t]) => [f, num(r.default_coefficients[f as keyof BehaviourCoefficients].weight), num(t.weight)]);
  const weightTable = renderTable(['behaviour term', 'default', 'fitted'], weights, { color, align: right(2) });
  const deciles = fit.calibration.map((b) => [b.bin, b.cases, pct(b.meanPredicted), pct(b.observedRate)]);
  const decileTable = deciles.length > 0
    ? renderTable(['decile', 'cases', 'predicted', 'observed'], deciles, { color, align: ['right', 'right', 'right', 'right'] })
    : '(holdout empty: no calibration by decile)';
  return [
    ...head,
    c.bold('base rates per reason (reference customer, plain approach)'),
    reasonTable,
    c.bold('behaviour weights (log-odds per unit of ln(1+x))'),
    weightTable,
    c.bold('calibration on the holdout, by decile of predicted p'),
    decileTable,
    `written: ${r.out} (use it with winback plan --model ${r.out})`,
    '',
  ].join('\n');
}
