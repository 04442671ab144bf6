/**
 * How many cases the property tests (fast-check) try, and from which seed.
 *
 * WINBACK_PROPERTY_RUNS is the number of cases of a property that tries fast-check's 100 by
 * default; the others scale with it (one sized 25 by default tries a quarter of it). Unset,
 * every test tries its own default, sized so that `npm test` stays fast on two busy cores;
 * `npm run test:long` sets 1000. WINBACK_PROPERTY_SEED replays the seed a failure printed
 * (unset, each run draws a new one).
 */
import fc from 'fast-check';

const BASELINE = 100;

function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < (name.endsWith('SEED') ? -(2 ** 31) : 1)) throw new Error(`${name}='${raw}' is not a ${name.endsWith('SEED') ? 'whole number' : 'whole number from 1'}`);
  return n;
}

const runs = positiveInteger('WINBACK_PROPERTY_RUNS') ?? BASELINE;
const seed = positiveInteger('WINBACK_PROPERTY_SEED');

/** fast-check parameters for a property that tries `defaultRuns` cases by default. */
export function propertyRuns(defaultRuns: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round((defaultRuns * runs) / BASELINE)) };
}

/** Sets the run count and seed for the properties that give none (called by test/support/setup.ts). */
export function configureProperties(): void {
  fc.configureGlobal({ numRuns: runs, ...(seed === undefined ? {} : { seed }) });
}
