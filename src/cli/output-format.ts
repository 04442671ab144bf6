/**
 * The output flags every command that writes tables shares: --excel (CSV for German Excel)
 * and --format csv|xlsx, each over the config's `output:` section.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { OutputConfig } from '../domain/config.js';
import { UsageError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { EXCEL_DE_CSV, PLAIN_CSV } from '../io/csv/write.js';
import type { OutputFormat } from '../io/xlsx/outputs.js';

export type { OutputFormat } from '../io/xlsx/outputs.js';

export interface RawOutputFlags {
  excel?: boolean;
  format?: string;
}

/** Adds --excel/--no-excel and --format (their texts: the catalogue's help, by command). */
export function addOutputFlags(cmd: Command): Command {
  return cmd.option('--excel').option('--no-excel').addOption(new Option('--format <format>').choices(['csv', 'xlsx']));
}

/** The flags over the config's output section. */
export function resolveOutputFormat(flags: RawOutputFlags, config: OutputConfig = { format: 'csv', excel: false }): OutputFormat {
  const format = flags.format ?? config.format;
  if (format !== 'csv' && format !== 'xlsx') {
    throw keyedError((m, h) => new UsageError(m, h), noteOf('files', { key: 'format', args: [String(format)] }), noteOf('files', { key: 'formatHint', args: [] }));
  }
  return { csv: (flags.excel ?? config.excel) ? EXCEL_DE_CSV : PLAIN_CSV, xlsx: format === 'xlsx' };
}
