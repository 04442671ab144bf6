/**
 * The config file: one YAML/JSON document with a section per concern. Validated here
 * (pure), loaded by io/config-file.ts. Every value has a default; see docs/config.md.
 */
import { z } from 'zod';
import { GERMAN_ISSUES } from './zod-german.js';
import { DEFAULT_CLV_CONFIG, validateClvConfig, type ClvConfig } from './clv/clv.js';
import { isPhoneCountry } from './permission/contact-point.js';
import { DEFAULT_CONTACT_RULES, type ContactRules } from './campaign/contact-history.js';
import { DEFAULT_MODEL_CONFIG, validateModelConfig, type ConfigIssue, type ModelConfig } from './defaults.js';
import { DEFAULT_PERMISSION_CONFIG, type PermissionConfig } from './permission/permission.js';
import { say, sayNoted } from './catalogue/index.js';

/** Settings of weekly campaign runs (issue 5) and the control group (issue 10). */
export interface CampaignConfig extends ContactRules {
  /** default run period in days (--period) */
  periodDays: number;
  /** salt of the stable control-group hash; change it only to start a new programme */
  programmeSalt: string;
  /** months a customer who declined an offer is left alone */
  declinedPauseMonths: number;
  /** days after a contact within which a return is credited to it (winback results, serial defectors) */
  attributionWindowDays: number;
  /** customers won back before who left again: only flagged, offered no incentives ('cap'), or excluded */
  serialDefectors: 'flag' | 'cap' | 'exclude';
  /** share of listed customers whose offer is drawn at random among their measure's offers (campaign --test-offers); 0 = none */
  testOffers: number;
  /** share of listed customers whose channel is drawn at random among their permitted channels (campaign --test-channels); 0 = none */
  testChannels: number;
}

/** Plan-level settings that are neither model nor permission. */
export interface PlanConfig {
  /** value at stake from which a customer counts as high value (visit/phone by the account manager) */
  highValueThreshold: number;
  /** date from which quality defects count as fixed (YYYY-MM-DD), or null */
  qualityFixedFrom: string | null;
  /** share of margin a planned discount may give away before the plan warns (offer depth) */
  maxDiscount: number;
  /** years after churn beyond which a customer is let go unasked (null: no limit) */
  maxYearsSinceChurn: number | null;
}

/** How exports are read (docs/config.md, README "Reading exports"). */
export interface InputConfig {
  /** share of rejected rows above which a run stops (exit 65) and writes nothing */
  maxRejectRate: number;
}

/**
 * Default limit of rejected rows: 20 %. Judgement: a file with more rejects than that is far
 * more likely broken (wrong encoding, cut off, shifted columns) than a fair export with bad
 * rows, and planning on what is left of it would quietly drop customers.
 */
export const DEFAULT_MAX_REJECT_RATE = 0.2;

/** How tables are written (docs/config.md): CSV alone or with a workbook, CSV for German Excel. */
export interface OutputConfig {
  /** `xlsx`: every command that writes tables writes them as an Excel workbook too */
  format: 'csv' | 'xlsx';
  /** CSVs for German Excel (BOM, ';', decimal comma, ="01067"), as --excel */
  excel: boolean;
}

export interface WinbackConfig {
  model: ModelConfig;
  permission: PermissionConfig;
  campaign: CampaignConfig;
  plan: PlanConfig;
  /** lifecycle thresholds and CLV horizon of `winback clv` (docs/clv.md) */
  clv: ClvConfig;
  input: InputConfig;
  /** canonical field → header, as with --map */
  map: Record<string, string>;
  /** path of a playbook to use instead of the default */
  playbook?: string;
  output: OutputConfig;
  /** language of texts when --lang is not given (before LC_ALL/LC_MESSAGES/LANG) */
  lang?: 'en' | 'de';
  /** ISO 4217 code of the money in exports and outputs (EUR, USD, CHF, …) */
  currency: string;
}

export const DEFAULT_CONFIG: WinbackConfig = {
  model: DEFAULT_MODEL_CONFIG,
  permission: { ...DEFAULT_PERMISSION_CONFIG },
  campaign: { ...DEFAULT_CONTACT_RULES, periodDays: 7, programmeSalt: 'winback', declinedPauseMonths: 12, attributionWindowDays: 90, serialDefectors: 'flag', testOffers: 0, testChannels: 0 },
  // maxYearsSinceChurn: judgement, after the German retention periods (HGB §257, AO §147: six and ten years) —
  // a customer gone longer is held, if at all, for those duties, not for marketing (DOMAIN §1.2).
  plan: { highValueThreshold: 5000, qualityFixedFrom: null, maxDiscount: 0.3, maxYearsSinceChurn: 10 },
  clv: DEFAULT_CLV_CONFIG,
  input: { maxRejectRate: DEFAULT_MAX_REJECT_RATE },
  map: {},
  output: { format: 'csv', excel: false },
  currency: 'EUR',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
// The schema's own rules name their text by catalogue key; validateConfig words it in the reader's language.
const RULE = { phoneCountry: 'config.phoneCountry', currencyShape: 'config.currencyShape' } as const;

const permissionSection = z
  .object({
    emailExistingCustomerException: z.boolean(),
    allowB2bPhoneWithoutConsent: z.boolean(),
    fallbackOutsidePreference: z.boolean(),
    extraObjectionPhrases: z.array(z.string()),
    defaultPhoneCountry: z.string().refine(isPhoneCountry, RULE.phoneCountry),
  })
  .partial()
  .strict();
const sections = z
  .object({
    model: z.unknown(),
    permission: permissionSection,
    campaign: z
      .object({
        minGapDays: z.number().int().min(0),
        maxAttempts: z.number().int().min(1),
        periodDays: z.number().int().min(1).max(366),
        programmeSalt: z.string().min(1),
        declinedPauseMonths: z.number().int().min(0),
        attributionWindowDays: z.number().int().min(0).max(3660),
        serialDefectors: z.enum(['flag', 'cap', 'exclude']),
        testOffers: z.number().min(0).max(1),
        testChannels: z.number().min(0).max(1),
      })
      .partial()
      .strict(),
    plan: z.object({ highValueThreshold: z.number().min(0), qualityFixedFrom: isoDate.nullable(), maxDiscount: z.number().min(0).max(1), maxYearsSinceChurn: z.number().min(0).nullable() }).partial().strict(),
    clv: z
      .object({
        horizonMonths: z.number(),
        monthlyDiscountRate: z.number(),
        lostThreshold: z.number(),
        defectorThreshold: z.number(),
        defectorRateRatio: z.number(),
        coreMinRepeat: z.number(),
        firstTimeLostAfterMonths: z.number(),
      })
      .partial()
      .strict(),
    input: z.object({ maxRejectRate: z.number().min(0).max(1) }).partial().strict(),
    map: z.record(z.string(), z.string()),
    playbook: z.string(),
    output: z.object({ format: z.enum(['csv', 'xlsx']), excel: z.boolean() }).partial().strict(),
    lang: z.enum(['en', 'de']),
    currency: z.string().regex(/^[A-Za-z]{3}$/, RULE.currencyShape).transform((c) => c.toUpperCase()),
  })
  .partial()
  .strict();

/**
 * The symbol money texts carry for an ISO 4217 code, with the spacing Intl puts after it:
 * EUR → "€", USD → "$", CHF → "CHF" and a no-break space; undefined for an unknown code.
 */
export function currencySymbolOf(code: string): string | undefined {
  try {
    // Intl accepts any well-formed code; only a code it knows names a currency (its display name differs from the code).
    const known = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' }).of(code) !== undefined;
    if (!known) return undefined;
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(1);
    const at = parts.findIndex((p) => p.type === 'currency');
    const after = parts[at + 1];
    return (parts[at]?.value ?? code) + (after?.type === 'literal' ? after.value : '');
  } catch {
    return undefined;
  }
}

/** Permission settings as a run recorded them (plan's summary.json), over the defaults; undefined when they do not validate. */
export function parsePermissionConfig(data: unknown): PermissionConfig | undefined {
  const parsed = permissionSection.safeParse(data);
  return parsed.success ? { ...DEFAULT_PERMISSION_CONFIG, ...parsed.data } : undefined;
}


/** Validates a parsed config document and merges it over the defaults; returns every problem with its path. */
export function validateConfig(data: unknown, lang: 'en' | 'de' = 'en'): { config?: WinbackConfig; errors: ConfigIssue[]; warnings: ConfigIssue[] } {
  if (data === undefined || data === null) return { config: DEFAULT_CONFIG, errors: [], warnings: [] };
  // zod's own German wording for its checks (types, ranges, unknown keys) under --lang de.
  const parsed = lang === 'de' ? sections.safeParse(data, { error: GERMAN_ISSUES }) : sections.safeParse(data);
  if (!parsed.success) {
    const worded = (message: string) => (message.startsWith('config.') ? (sayNoted(lang, { key: message, args: [] }) ?? message) : message);
    return { errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(top)', message: worded(i.message) })), warnings: [] };
  }
  const model = validateModelConfig(parsed.data.model);
  const prefix = (issues: ConfigIssue[]) => issues.map((i) => ({ path: `model.${i.path}`, message: (i.note && sayNoted(lang, i.note)) ?? i.message, ...(i.note ? { note: i.note } : {}) }));
  if (!model.config) return { errors: prefix(model.errors), warnings: prefix(model.warnings) };
  const d = parsed.data;
  const clv: ClvConfig = { ...DEFAULT_CLV_CONFIG, ...d.clv };
  const clvProblems = validateClvConfig(clv);
  if (clvProblems.length > 0) return { errors: clvProblems.map((p) => ({ path: `clv.${p.key}`, message: say(lang, 'config', p) })), warnings: [] };
  const currency = d.currency ?? DEFAULT_CONFIG.currency;
  const symbol = currencySymbolOf(currency);
  if (symbol === undefined) {
    return { errors: [{ path: 'currency', message: say(lang, 'config', { key: 'currency', args: [currency] }) }], warnings: [] };
  }
  // model.currencySymbol, when given, still wins: it is the older, more specific setting.
  const modelSetsSymbol = typeof parsed.data.model === 'object' && parsed.data.model !== null && 'currencySymbol' in parsed.data.model;
  const config: WinbackConfig = {
    model: modelSetsSymbol ? model.config : { ...model.config, currencySymbol: symbol },
    permission: { ...DEFAULT_CONFIG.permission, ...d.permission },
    campaign: { ...DEFAULT_CONFIG.campaign, ...d.campaign },
    plan: { ...DEFAULT_CONFIG.plan, ...d.plan },
    clv,
    input: { ...DEFAULT_CONFIG.input, ...d.input },
    map: { ...d.map },
    ...(d.playbook !== undefined ? { playbook: d.playbook } : {}),
    output: { ...DEFAULT_CONFIG.output, ...d.output },
    currency,
    ...(d.lang !== undefined ? { lang: d.lang } : {}),
  };
  return { config, errors: [], warnings: prefix(model.warnings) };
}
