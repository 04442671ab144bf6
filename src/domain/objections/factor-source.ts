/**
 * Where the objection prefilter (prefilter.ts) may find the literal sets derived at build time
 * (src/io/startup-data.ts), in a module of its own: registering the source loads neither the
 * prefilter nor the regular-expression parser it uses, which a command that reads no objection
 * (--help, --version) need not load.
 */

/** Each expression's required literal sets by its flags and source, as prefilter.ts's PrefilterFactors. */
export type FactorList = readonly (readonly [string, readonly (readonly string[])[]])[];

let source: (() => FactorList | undefined) | undefined;

/**
 * The prefilter takes the factors `from` gives (as usePrefilterFactors) before deriving any; those
 * it lacks it derives. `from` is asked once, at the first derivation, so that a command that reads
 * no objection does not read them.
 */
export function prefilterFactorsFrom(from: () => FactorList | undefined): void {
  source = from;
}

/** The source registered and not yet asked, which the caller now asks (once). */
export function takeFactorSource(): (() => FactorList | undefined) | undefined {
  const taken = source;
  source = undefined;
  return taken;
}
