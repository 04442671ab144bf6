/**
 * The behaviour terms of the reacquisition model (docs/model.md): plain constants, kept apart
 * from the config validation in defaults.ts so that valuing a row does not load the schema
 * library (each planning worker thread would carry it).
 */

/** One behaviour term of the reacquisition model: weight × (ln(1+min(x,cap)) − ln(1+reference)). */
export interface BehaviourTerm {
  /** log-odds change per unit of ln(1+x); the sign is fixed by EXPECTED_SIGNS */
  weight: number;
  /** value at which the term is zero: the playbook's base rate is meant for this customer */
  reference: number;
  /** values above the cap count as the cap, so no single feature can dominate */
  cap: number;
}

export const BEHAVIOUR_FEATURES = ['tenureMonths', 'orders', 'complaints', 'monthsSinceChurn'] as const;
export type BehaviourFeature = (typeof BEHAVIOUR_FEATURES)[number];
export type BehaviourCoefficients = Record<BehaviourFeature, BehaviourTerm>;

/** Direction each feature may push the win-back probability (DOMAIN.md section 4). */
export const EXPECTED_SIGNS: Readonly<Record<BehaviourFeature, 1 | -1>> = {
  tenureMonths: 1,
  orders: 1,
  complaints: -1,
  monthsSinceChurn: -1,
};
