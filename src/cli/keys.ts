/**
 * `kg key create --name <name> --role <editor|reader>`: makes a new API key. The token is printed
 * once, on stdout; the server is configured with its sha256 only (KG_API_KEYS or KG_API_KEYS_FILE),
 * so no command can show an existing key's token again.
 */
import { stringify } from 'yaml';
import { hashToken, KEY_NAME, newToken, ROLES, type Role } from '../api/auth.js';

export const KEY_USAGE = 'usage: kg key create --name <name> --role <editor|reader>';

function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

export interface NewKey {
  name: string;
  role: Role;
  token: string;
  sha256: string;
}

export function createKey(name: string, role: Role): NewKey {
  const token = newToken();
  return { name, role, token, sha256: hashToken(token) };
}

export function keyCommand(args: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    err(`${KEY_USAGE}\n`);
    return 2;
  }
  const name = option(rest, 'name');
  const role = option(rest, 'role');
  if (!name || !KEY_NAME.test(name)) {
    err(`--name: 1 to 64 letters, digits or . _ @ - (it names the key in edit histories)\n${KEY_USAGE}\n`);
    return 2;
  }
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    err(`--role: ${ROLES.join(' or ')}\n${KEY_USAGE}\n`);
    return 2;
  }
  const key = createKey(name, role as Role);
  out(
    [
      `token (shown only this once; give it to the client, who sends "Authorization: Bearer <token>"):`,
      `  ${key.token}`,
      ``,
      `server configuration, either a KG_API_KEYS entry (comma-separated with others):`,
      `  ${key.name}:${key.role}:${key.sha256}`,
      `or an item of the KG_API_KEYS_FILE list:`,
      stringify([{ name: key.name, role: key.role, sha256: key.sha256 }]).trimEnd().replace(/^/gm, '  '),
      ``,
    ].join('\n'),
  );
  return 0;
}
