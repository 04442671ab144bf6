/** The reason classifier's public API (same as src/domain/reasons/reasons.ts). */
export * from './reasons.js';
export { outOfAreaInText } from './out-of-area.js';
