/**
 * `kg config [--markdown]`: every environment variable the commands read (src/config/env.ts),
 * with its default and meaning, then a check of the current environment, which fails (exit 1)
 * naming each bad value. --markdown prints the table the README's Configuration section holds.
 */
import { describeVariables, loadConfig, type VariableDoc } from '../config/env.js';
import { EXIT, type Io } from './usage.js';

function text(vars: VariableDoc[]): string {
  return vars.map((v) => `${v.name} (default: ${v.default})\n    ${v.description}\n`).join('');
}

function markdown(vars: VariableDoc[]): string {
  // `|` would end the cell, `<shared>` would read as an HTML tag
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = vars.map((v) => `| \`${v.name}\` | ${cell(v.default)} | ${cell(v.description)} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

export function configCommand(opts: { markdown: boolean }, io: Io): number {
  const vars = describeVariables();
  io.out(opts.markdown ? markdown(vars) : text(vars));
  loadConfig(); // throws ConfigError, reported with exit code 1
  if (!opts.markdown) io.out('\nthe current environment passes the check\n');
  return EXIT.ok;
}
