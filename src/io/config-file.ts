import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_CONFIG, validateConfig, type WinbackConfig } from '../domain/config.js';
import { DataError, InputMissingError } from '../errors.js';
import { messages, type Lang, type SavedNote } from '../domain/catalogue/index.js';

export interface LoadedConfig {
  config: WinbackConfig;
  /** SHA-256 of the file, or '' for the built-in defaults */
  sha256: string;
  source: string;
  /** the settings warned about, as catalogue keys (worded in the language of the run that shows them) */
  warnings: SavedNote[];
}

/** Reads a YAML or JSON config file (or the defaults when no path is given) and validates it. */
export async function loadConfig(path: string | undefined, cwd: string, lang: Lang = 'en'): Promise<LoadedConfig> {
  const say = messages(lang).flags;
  if (path === undefined) return { config: DEFAULT_CONFIG, sha256: '', source: '(defaults)', warnings: [] };
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputMissingError(code === 'ENOENT' ? say.configMissing(path) : say.configUnreadable(path, String(code)));
  }
  let data: unknown;
  // The YAML parser is loaded only to read a file (~0.1 s of CPU at every start otherwise).
  const { parse: parseYaml } = await import('yaml');
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new DataError(say.configSyntax(path, (err as Error).message.split('\n')[0] ?? ''));
  }
  const { config, errors, warnings } = validateConfig(data, lang);
  if (!config) {
    const list = errors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
    throw new DataError(say.configInvalid(path, list), say.configInvalidHint);
  }
  // A playbook path in the config is relative to the config file.
  const withPlaybook = config.playbook !== undefined ? { ...config, playbook: resolve(dirname(full), config.playbook) } : config;
  return {
    config: withPlaybook,
    sha256: createHash('sha256').update(text).digest('hex'),
    source: path,
    warnings: warnings.map((w) => ({ key: 'flags.configWarning', args: [w.path, w.note ?? w.message] })),
  };
}
