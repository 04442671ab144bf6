/**
 * Puts the catalogue's help texts (domain/catalogue/help.ts) onto the commander program: every
 * command's description, argument and option descriptions and examples, in the run's
 * language. In German, commander's own words (section titles, placeholders, "choices",
 * "default") are replaced through configureHelp; English keeps commander's help as it is.
 */
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import { type CommandHelp, type HelpFrame, messages, type Lang } from '../domain/catalogue/index.js';

type HelpTexts = ReturnType<typeof messages>['help'];

/** Fills in every text of `program` and its subcommands from the catalogue in `lang`. */
export function applyHelpTexts(program: Command, lang: Lang): void {
  const texts = messages(lang).help;
  describeCommand(program, 'winback', texts, lang);
}

/** The catalogue key of a command: `winback`, `plan`, `playbook show`. */
export function helpKey(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length === 0 ? 'winback' : names.join(' ');
}

/** The catalogue's text of an option of `key`'s command: its own, else the shared one. */
export function optionText(texts: HelpTexts, key: string, option: Option): string | undefined {
  const name = (option.long ?? '').replace(/^--/, '');
  return commandHelp(texts, key)?.options?.[name] ?? texts.shared[name];
}

function commandHelp(texts: HelpTexts, key: string): CommandHelp | undefined {
  return (texts as unknown as Record<string, CommandHelp | undefined>)[key];
}

function describeCommand(cmd: Command, key: string, texts: HelpTexts, lang: Lang): void {
  const own = commandHelp(texts, key);
  if (own === undefined) throw new Error(`no help texts for '${key}' in the catalogue`);
  cmd.description(own.description);
  for (const arg of cmd.registeredArguments) (arg as Argument).description = own.arguments?.[arg.name()] ?? '';
  for (const option of cmd.options) {
    if (option.hidden) continue;
    const text = optionText(texts, key, option);
    if (text === undefined) throw new Error(`no help text for ${option.long ?? option.flags} of '${key}' in the catalogue`);
    option.description = text;
  }
  cmd.helpOption('-h, --help', texts.shared.help);
  // Only a command with subcommands has the implicit `help [command]`; naming it on a leaf would add one.
  if (cmd.commands.length > 0) cmd.helpCommand('help [command]', texts.frame.helpCommand);
  cmd.addHelpText('after', afterText(own, texts.frame, key === 'winback'));
  if (lang !== 'en') cmd.configureHelp(localHelp(texts.frame));
  for (const sub of cmd.commands) describeCommand(sub, helpKey(sub), texts, lang);
}

/** The examples (and a note) below the options; the program's own list ends with the exit codes. */
function afterText(own: CommandHelp, frame: HelpFrame, root: boolean): string {
  const lines = own.examples.map((line) => `  $ ${line}`);
  if (root) return ['', frame.examples, ...lines, '', frame.exitCodes].join('\n');
  return `${own.note === undefined ? '' : `\n${own.note}\n`}\n${frame.example}\n${lines.join('\n')}\n`;
}

/** commander's words in the language: titles, placeholders and the extras after a description. */
function localHelp(frame: HelpFrame): HelpConfiguration {
  const base = Help.prototype;
  const place = (text: string) => text.replace(/([[<])([^\]>]+?)(\.\.\.)?([\]>])/g, (_all, open: string, name: string, dots = '', close: string) => `${open}${frame.placeholders[name] ?? name}${dots}${close}`);
  const extras = (text: string, description: string) => {
    const tail = text.slice(description.length);
    return description + tail.replace(/\b(choices|default|preset|env): /g, (_all, word: 'choices' | 'default' | 'preset' | 'env') => `${frame[word]}: `);
  };
  return {
    styleTitle: (title: string) => frame.titles[title] ?? title,
    commandUsage(this: Help, cmd: Command) {
      return place(base.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return place(base.subcommandTerm.call(this, cmd));
    },
    optionTerm(this: Help, option: Option) {
      return place(base.optionTerm.call(this, option));
    },
    argumentTerm(this: Help, argument: Argument) {
      const name = base.argumentTerm.call(this, argument);
      return frame.placeholders[name] ?? name;
    },
    optionDescription(this: Help, option: Option) {
      return extras(base.optionDescription.call(this, option), option.description);
    },
    argumentDescription(this: Help, argument: Argument) {
      return extras(base.argumentDescription.call(this, argument), argument.description);
    },
  };
}
