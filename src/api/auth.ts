/**
 * API keys. A key is a random token the client sends as `Authorization: Bearer <token>`; the
 * server only knows the sha256 of each token, with the key's name and role:
 *
 *   KG_API_KEYS       comma-separated `<name>:<role>:<sha256 hex>` entries
 *   KG_API_KEYS_FILE  a YAML or JSON file holding a list of `{name, role, sha256}`
 *   KG_READS          `open` (default): queries need no key; `key`: queries need a reader or editor key
 *
 * Roles: `editor` reads and writes, `reader` reads. Tokens are never stored, logged or echoed;
 * `kg key create` makes one (src/cli/keys.ts).
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import type { AuthCheckerFn } from 'type-graphql';
import { parse as parseYaml } from 'yaml';

export const ROLES = ['editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a request: the name and role of the key it sent. */
export interface Caller {
  name: string;
  role: Role;
}

export interface ApiKey extends Caller {
  /** sha256 of the token, 32 bytes */
  sha256: Buffer;
}

export interface AuthConfig {
  keys: ApiKey[];
  /** `open`: queries need no key; `key`: queries need a reader or editor key too */
  reads: 'open' | 'key';
}

/** A problem in the key configuration; the message names the entry, never a hash or token. */
export class AuthConfigError extends Error {}

/** What a key's name may be: it appears in edit histories (`by`). */
export const KEY_NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/** RFC 6750 b64token: what a bearer token may be made of. */
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function toKey(where: string, name: unknown, role: unknown, sha256: unknown): ApiKey {
  if (typeof name !== 'string' || !KEY_NAME.test(name)) {
    throw new AuthConfigError(`${where}: the name must be 1 to 64 letters, digits or . _ @ -`);
  }
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new AuthConfigError(`${where} (${name}): the role must be ${ROLES.join(' or ')}`);
  }
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
    throw new AuthConfigError(`${where} (${name}): sha256 must be the 64 hex digits of the token's sha256 (kg key create prints it)`);
  }
  return { name, role: role as Role, sha256: Buffer.from(sha256, 'hex') };
}

/** Parses KG_API_KEYS: `<name>:<role>:<sha256 hex>` entries separated by commas. */
export function parseKeyList(value: string): ApiKey[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const parts = entry.split(':');
      if (parts.length !== 3) throw new AuthConfigError(`KG_API_KEYS entry ${i + 1}: expected <name>:<role>:<sha256 hex>`);
      return toKey(`KG_API_KEYS entry ${i + 1}`, parts[0]!.trim(), parts[1]!.trim(), parts[2]!.trim());
    });
}

/** Parses the text of a KG_API_KEYS_FILE (YAML or JSON): a list of `{name, role, sha256}`. */
function parseKeyFile(text: string, fileName = 'KG_API_KEYS_FILE'): ApiKey[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new AuthConfigError(`${fileName}: not YAML or JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) throw new AuthConfigError(`${fileName}: expected a list of {name, role, sha256}`);
  return doc.map((item: unknown, i) => {
    if (!item || typeof item !== 'object') throw new AuthConfigError(`${fileName} item ${i + 1}: expected {name, role, sha256}`);
    const { name, role, sha256 } = item as Record<string, unknown>;
    return toKey(`${fileName} item ${i + 1}`, name, role, sha256);
  });
}

/** Checks a set of keys: names and hashes must be unique. */
export function authConfig(keys: ApiKey[], reads: AuthConfig['reads'] = 'open'): AuthConfig {
  const names = new Set<string>();
  const hashes = new Set<string>();
  for (const k of keys) {
    if (names.has(k.name)) throw new AuthConfigError(`API key name "${k.name}" is configured twice`);
    const hex = k.sha256.toString('hex');
    if (hashes.has(hex)) throw new AuthConfigError(`API key "${k.name}" has the same token as another key`);
    names.add(k.name);
    hashes.add(hex);
  }
  return { keys, reads };
}

/** The key configuration from the environment (no variables: no keys, reads open). */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const keys = env.KG_API_KEYS ? parseKeyList(env.KG_API_KEYS) : [];
  if (env.KG_API_KEYS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.KG_API_KEYS_FILE, 'utf8');
    } catch (e) {
      throw new AuthConfigError(`KG_API_KEYS_FILE ${env.KG_API_KEYS_FILE}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    keys.push(...parseKeyFile(text, env.KG_API_KEYS_FILE));
  }
  const reads = (env.KG_READS ?? 'open').trim().toLowerCase();
  if (reads !== 'open' && reads !== 'key') throw new AuthConfigError(`KG_READS must be "open" or "key" (got "${env.KG_READS}")`);
  return authConfig(keys, reads);
}

// ---- errors ----

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
  });
}

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

// ---- per request ----

/**
 * The caller of a request from its Authorization header: null when there is none; throws
 * UNAUTHENTICATED (401) for a header that is not `Bearer <token>` or a token no key matches.
 * Every configured hash is compared, in constant time, whichever matches.
 */
export function authenticate(config: AuthConfig, header: string | undefined): Caller | null {
  if (header === undefined || header.trim() === '') return null;
  const m = BEARER.exec(header.trim());
  if (!m) throw unauthenticated('The Authorization header must be "Bearer <token>" with an API key token.');
  const digest = createHash('sha256').update(m[1]!, 'utf8').digest();
  let found: ApiKey | null = null;
  for (const key of config.keys) {
    if (timingSafeEqual(digest, key.sha256) && !found) found = key;
  }
  if (!found) throw unauthenticated('Unknown API key: check the token, or ask for a new key (kg key create).');
  return { name: found.name, role: found.role };
}

/** Does a caller of `role` have `required`? Editors can do what readers can. */
function hasRole(role: Role, required: Role): boolean {
  return role === required || (role === 'editor' && required === 'reader');
}

/**
 * type-graphql's guard for `@Authorized('editor')`: no key is UNAUTHENTICATED, a key without the
 * role is FORBIDDEN.
 */
export const authChecker: AuthCheckerFn<{ auth: Caller | null }, Role> = ({ context }, roles) => {
  const caller = context.auth;
  if (!caller) {
    throw unauthenticated(`This operation needs an API key${roles.length ? ` with the ${roles.join(' or ')} role` : ''}: send "Authorization: Bearer <token>".`);
  }
  if (roles.length && !roles.some((r) => hasRole(caller.role, r))) {
    throw forbidden(`API key "${caller.name}" has the ${caller.role} role; this operation needs the ${roles.join(' or ')} role.`);
  }
  return true;
};

/** With KG_READS=key, refuses queries from callers without a key before anything runs. */
export function readAccessPlugin(config: AuthConfig): ApolloServerPlugin<{ auth: Caller | null }> {
  return {
    async requestDidStart() {
      if (config.reads === 'open') return {};
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'query' && !contextValue.auth) {
            throw unauthenticated('Queries on this server need an API key (reader or editor): send "Authorization: Bearer <token>".');
          }
        },
      };
    },
  };
}
