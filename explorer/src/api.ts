// The explorer's only way to the data: POST /graphql, the public API an integration would use.

const KEY_STORAGE = 'kg-explorer-api-key';

/** The editor's API key, kept in this browser's session storage (never sent anywhere but /graphql). */
export function apiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function setApiKey(token: string): void {
  try {
    if (token) sessionStorage.setItem(KEY_STORAGE, token);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage refused (private mode): the key lasts as long as the page
  }
  memoryKey = token;
}

let memoryKey = '';

interface GqlError {
  message: string;
  extensions?: { code?: string };
}

/** A GraphQL answer with errors: the message of the first, with its code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Runs one operation against /graphql; throws ApiError when the answer has errors and no data. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, opts: { auth?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = apiKey() || memoryKey;
  // The key goes along whenever there is one: a server that asks for a key for reads needs it too.
  if (token && opts.auth !== false) headers.Authorization = `Bearer ${token}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body: { data?: T | null; errors?: GqlError[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered HTTP ${res.status} without a GraphQL body.`, undefined);
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new ApiError(first.message, first.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The API answered HTTP ${res.status} with no data.`, undefined);
  return body.data;
}
