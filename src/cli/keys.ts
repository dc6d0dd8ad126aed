/**
 * `kg key create --name <name> --role <editor|reader>`: makes a new API key. The token is printed
 * once, on stdout; the server is configured with its sha256 only (KG_API_KEYS or KG_API_KEYS_FILE),
 * so no command can show an existing key's token again.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'yaml';
import { hashToken, KEY_NAME, newToken, ROLES, type Role } from '../api/auth.js';
import { exitCodeFor, applySettings, stdio, type Io } from './usage.js';

const USAGE = `create --name <name> --role <${ROLES.join('|')}>`;

interface NewKey {
  name: string;
  role: Role;
  token: string;
  sha256: string;
}

function createKey(name: string, role: Role): NewKey {
  const token = newToken();
  return { name, role, token, sha256: hashToken(token) };
}

function keyName(value: string): string {
  if (!KEY_NAME.test(value)) throw new InvalidArgumentError('Expected 1 to 64 letters, digits or . _ @ - (it names the key in edit histories).');
  return value;
}

function printKey(key: NewKey, io: Io): void {
  io.out(
    [
      `token (shown only this once; give it to the client, who sends "Authorization: Bearer <token>"):`,
      `  ${key.token}`,
      ``,
      `server configuration, either a KG_API_KEYS entry (comma-separated with others):`,
      `  ${key.name}:${key.role}:${key.sha256}`,
      `or an item of the KG_API_KEYS_FILE list:`,
      stringify([{ name: key.name, role: key.role, sha256: key.sha256 }])
        .trimEnd()
        .replace(/^/gm, '  '),
      ``,
    ].join('\n'),
  );
}

/** The `key` command and its `create` subcommand, printing to `io`. */
export function keyCommands(io: Io): Command {
  const key = new Command('key').description('manage API keys').usage(USAGE);
  key
    .command('create')
    .description('make an API key: prints its token once, and the configuration entry holding its sha256')
    .usage(USAGE.replace(/^create /, ''))
    .requiredOption('--name <name>', 'who the key is for; it names the key in edit histories', keyName)
    .addOption(new Option('--role <role>', 'editor: reads and writes; reader: reads').choices(ROLES).makeOptionMandatory())
    .action((opts: { name: string; role: Role }) => printKey(createKey(opts.name, opts.role), io));
  return key;
}

/** `kg key <args>` on its own, for tests and callers without the whole program: the exit code. */
export function keyCommand(args: string[], out: Io['out'] = stdio.out, err: Io['err'] = stdio.err): number {
  const io = { out, err };
  try {
    applySettings(keyCommands(io), io, 'kg key').parse(args, { from: 'user' });
    return 0;
  } catch (e) {
    return exitCodeFor(e, io);
  }
}
