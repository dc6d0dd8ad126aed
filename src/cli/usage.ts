/**
 * What every `kg` command shares: where its output goes, and its exit codes:
 *   0  success (help included)
 *   1  failure: the work failed, or the environment holds a bad value (a configuration failure)
 *   2  bad usage: unknown command or option, missing or malformed argument
 * Commander is told to throw instead of exiting, so that the exit code is decided in one place
 * and commands can run inside a test.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/errors.js';
import { SeedError } from '../ingest/seed/compile.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** The `[kg] ` progress and error lines, on stderr so that stdout holds only results. */
export const logTo =
  (io: Io) =>
  (line: string): void =>
    io.err(`[kg] ${line}\n`);

/**
 * Commander settings for a command and everything under it (addCommand does not pass them on):
 * throw rather than exit, write to `io`, and after an error repeat the command's usage line.
 */
export function applySettings(cmd: Command, io: Io, path = cmd.name()): Command {
  cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  cmd.showHelpAfterError(`usage: ${path} ${cmd.usage()}\n(${path} --help for more)`);
  for (const sub of cmd.commands) applySettings(sub, io, `${path} ${sub.name()}`);
  return cmd;
}

/** A usage error found by a command itself (two options that go together, an empty phrase). */
export function usageError(cmd: Command, message: string): never {
  cmd.error(`error: ${message}`, { exitCode: EXIT.usage, code: 'kg.usage' });
}

/**
 * The exit code for what a command threw, after saying why on stderr (never with a stack trace:
 * the messages name the file, fact or variable at fault). Commander has printed its own errors.
 */
export function exitCodeFor(e: unknown, io: Io): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const log = logTo(io);
  if (e instanceof ConfigError) {
    for (const problem of e.problems) log(`bad environment: ${problem}`);
    log('kg config lists every variable with what it expects');
  } else if (e instanceof SeedError) {
    log(e.message);
  } else {
    log(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return EXIT.failure;
}
