/**
 * A small client for a Stanford CoreNLP server (its HTTP API), set up for Spanish:
 * tokenize, ssplit, mwt, pos and ner, JSON out.
 *
 * CoreNLP is GPL-3.0 and runs as its own process: the local one from corenlp-local/ (started by
 * ./corenlp-local.ts), or any server at $CORENLP_URL. Nothing of it is linked into this code.
 *
 * Offsets. Every offset here (token characterOffsetBegin/End, mention start/end, sentence
 * start/end) is a JavaScript string index (UTF-16 code units) into the text that was passed to
 * annotate(), so `text.slice(start, end)` is the span. That is CoreNLP's own unit, unchanged:
 * Java strings are UTF-16 too, and CoreNLP counts Java chars. Checked on CoreNLP 4.5.10 with
 * accents, a leading BOM, CRLF, a no-break space, an emoji and a math letter (U+1D400): an astral
 * character takes 2 units in both (test/nlp/corenlp.test.ts pins it). Two things make that hold:
 *   - the body is sent as `text/plain; charset=utf-8`. With application/x-www-form-urlencoded
 *     (what `curl --data-binary` sends unless told otherwise) the server URL-decodes the body
 *     first, so "+" and "%20" become other characters and every later offset shifts;
 *   - CoreNLP's `word` and `originalText` are its own token strings, not always the text's
 *     slice: a multi-word token split by mwt ("adorarlo" -> "adorar" + "lo") gives each part the
 *     whole word's span, and CoreNLP composes decomposed accents. A mention's `text` here IS the
 *     slice of the text (CoreNLP's own mention text is rebuilt from its tokens).
 *
 * Decomposed accents. Text in NFD ("Pen\u0303a" for "Peña") gets worse NER from CoreNLP 4.5.10:
 * in "La secretaria María Peña Soto viajó a Toluca." written in NFD only "Soto" came back as a
 * PERSON (in NFC: "María Peña Soto"). So annotate() sends the text composed (NFC, grapheme by
 * grapheme) and maps every offset back onto the text as given; nothing changes for NFC text,
 * which is what the ingest normalize stage produces.
 *
 * Server settings. Each request carries `pipelineLanguage=es` (CoreNLP's Spanish defaults, from
 * StanfordCoreNLP-spanish.properties in the models-spanish jar) plus
 * `ner.useSUTime=false` and `ner.applyNumericClassifiers=false`: the Spanish SUTime rules need
 * files that the 4.5.10 jars lack, and with them on every request fails with "Error creating
 * edu.stanford.nlp.time.TimeExpressionExtractorImpl". So any CoreNLP server that has the Spanish
 * models on its classpath works, whatever its own default properties.
 */

/** One token. Offsets: UTF-16 indices into the annotated text (see the module comment). */
interface NlpToken {
  /** CoreNLP's token (for a part of a multi-word token, that part: "adorarlo" -> "adorar", "lo"). */
  word: string;
  /** CoreNLP's originalText: the text's slice, except for multi-word token parts and decomposed accents (see above). */
  originalText: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  /** Universal POS tag (spanish-ud tagger): NOUN, PROPN, VERB, ADP, ... */
  pos: string;
  /** NER label, "O" outside entities: PERSON, ORGANIZATION, LOCATION, CITY, STATE_OR_PROVINCE, COUNTRY, TITLE, MISC, ... */
  ner: string;
  /**
   * CoreNLP's lemma when its pipeline made one (the Spanish ner pulls lemma in). Not a real Spanish
   * lemma: CoreNLP 4.5.10 has no Spanish lemmatizer and gives the word lower-cased ("Quiere" -> "quiere").
   */
  lemma?: string;
}

/** An entity mention (a run of tokens with one NER label, as CoreNLP's entitymentions). */
interface NlpMention {
  /** Exactly `text.slice(start, end)` of the annotated text. */
  text: string;
  ner: string;
  /** UTF-16 indices into the annotated text. */
  start: number;
  end: number;
  /** The sentence it is in (index into NlpDoc.sentences). */
  sentence: number;
  /** Token range in that sentence's `tokens`, end exclusive. */
  tokenBegin: number;
  tokenEnd: number;
  /** CoreNLP's probability for the label, when it gives one (the CRF labels; not the regexner ones). */
  confidence?: number;
}

interface NlpSentence {
  index: number;
  /** UTF-16 indices into the annotated text: from the first token's start to the last one's end. */
  start: number;
  end: number;
  tokens: NlpToken[];
  mentions: NlpMention[];
}

export interface NlpDoc {
  /** The text that was annotated, as given. */
  text: string;
  sentences: NlpSentence[];
  /** All sentences' mentions, in text order. */
  mentions: NlpMention[];
}

export interface CoreNlp {
  /** Base URL of the server, e.g. http://127.0.0.1:9000 */
  readonly url: string;
  /** Annotates one text (an article). Rejects with a CoreNlpError on any failure. */
  annotate(text: string, opts?: { signal?: AbortSignal }): Promise<NlpDoc>;
  /** True when the server answers its /ready endpoint (it may still need to load models on the first annotate). */
  ready(): Promise<boolean>;
}

export interface CoreNlpClientOptions {
  /** Per request (default 120000 ms). The server is given the same limit for its own work. */
  timeoutMs?: number;
  /** Default "tokenize,ssplit,mwt,pos,ner". */
  annotators?: string;
  /** Extra CoreNLP properties for every request (they override the defaults above). */
  properties?: Record<string, string>;
}

export class CoreNlpError extends Error {
  override readonly name = 'CoreNlpError';
  constructor(
    message: string,
    /** HTTP status when the server answered with an error. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const DEFAULT_ANNOTATORS = 'tokenize,ssplit,mwt,pos,ner';
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Extra time the client waits past the server's own limit, so the server's clearer error arrives first. */
const CLIENT_GRACE_MS = 5_000;

/** The properties sent with every request (besides pipelineLanguage=es). */
function requestProperties(opts: CoreNlpClientOptions = {}): Record<string, string> {
  return {
    annotators: opts.annotators ?? DEFAULT_ANNOTATORS,
    outputFormat: 'json',
    'ner.useSUTime': 'false',
    'ner.applyNumericClassifiers': 'false',
    timeout: String(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    ...opts.properties,
  };
}

// The parts of CoreNLP's JSON output that we read.
interface RawToken {
  word?: string;
  originalText?: string;
  lemma?: string;
  characterOffsetBegin?: number;
  characterOffsetEnd?: number;
  pos?: string;
  ner?: string;
}
interface RawMention {
  ner?: string;
  tokenBegin?: number;
  tokenEnd?: number;
  characterOffsetBegin?: number;
  characterOffsetEnd?: number;
  nerConfidences?: Record<string, number>;
}
interface RawSentence {
  index?: number;
  tokens?: RawToken[];
  entitymentions?: RawMention[];
}

/**
 * The text composed (NFC) grapheme by grapheme, with a map from offsets in the composed text back
 * to offsets in the given one. `sent` is what goes to the server; undefined maps when the text is
 * NFC already (the usual case: then offsets are used as they come).
 */
export interface Composed {
  sent: string;
  /** Composed offset -> given offset, for a span's start (inside a grapheme: its start). */
  startAt?: Int32Array;
  /** Composed offset -> given offset, for a span's end (inside a grapheme: its end). */
  endAt?: Int32Array;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function composeForServer(text: string): Composed {
  if (text.normalize('NFC') === text) return { sent: text };
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const nfc = segment.normalize('NFC');
    parts.push(nfc);
    const end = index + segment.length;
    for (let k = 0; k < nfc.length; k++) {
      starts[at + k] = index;
      ends[at + k + 1] = end;
    }
    at += nfc.length;
    ends[at] = end;
  }
  starts[at] = text.length;
  ends[0] = 0;
  return { sent: parts.join(''), startAt: Int32Array.from(starts), endAt: Int32Array.from(ends) };
}

/** Turns CoreNLP's JSON (for the text composed by composeForServer) into an NlpDoc over `text`, checking its offsets. */
function parseCoreNlpJson(text: string, raw: unknown, where = 'CoreNLP', composed: Composed = { sent: text }): NlpDoc {
  const sentencesIn = (raw as { sentences?: RawSentence[] } | null)?.sentences;
  if (!Array.isArray(sentencesIn)) throw new CoreNlpError(`${where}: the answer has no "sentences" array`);
  const bad = (what: string): never => {
    throw new CoreNlpError(`${where}: ${what}. The server did not annotate the text as sent ` + '(was it sent as text/plain; charset=utf-8? a form content type makes the server URL-decode it).');
  };
  const sentLength = composed.sent.length;
  const inRange = (n: unknown, what: string): number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= sentLength ? n : bad(`${what} ${String(n)} is outside the text (length ${sentLength})`);
  const begin = (n: unknown, what: string): number => {
    const i = inRange(n, what);
    return composed.startAt ? composed.startAt[i]! : i;
  };
  const finish = (n: unknown, what: string): number => {
    const i = inRange(n, what);
    return composed.endAt ? composed.endAt[i]! : i;
  };

  const sentences: NlpSentence[] = [];
  const all: NlpMention[] = [];
  sentencesIn.forEach((s, si) => {
    const tokens: NlpToken[] = (s.tokens ?? []).map((t) => {
      const b = begin(t.characterOffsetBegin, 'a token offset');
      const e = finish(t.characterOffsetEnd, 'a token offset');
      if (e < b) bad(`a token ends (${e}) before it begins (${b})`);
      const tok: NlpToken = {
        word: t.word ?? text.slice(b, e),
        originalText: t.originalText ?? text.slice(b, e),
        characterOffsetBegin: b,
        characterOffsetEnd: e,
        pos: t.pos ?? '',
        ner: t.ner ?? 'O',
      };
      if (t.lemma !== undefined) tok.lemma = t.lemma;
      return tok;
    });
    const index = sentences.length;
    const mentions: NlpMention[] = (s.entitymentions ?? []).map((m) => {
      const start = begin(m.characterOffsetBegin, 'a mention offset');
      const end = finish(m.characterOffsetEnd, 'a mention offset');
      const mention: NlpMention = {
        text: text.slice(start, end),
        ner: m.ner ?? 'O',
        start,
        end,
        sentence: index,
        tokenBegin: m.tokenBegin ?? 0,
        tokenEnd: m.tokenEnd ?? 0,
      };
      const conf = m.nerConfidences?.[mention.ner];
      if (typeof conf === 'number') mention.confidence = conf;
      return mention;
    });
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    sentences.push({
      index: s.index ?? si,
      start: first?.characterOffsetBegin ?? 0,
      end: last?.characterOffsetEnd ?? 0,
      tokens,
      mentions,
    });
    all.push(...mentions);
  });
  return { text, sentences, mentions: all };
}

/** fetch() refuses URLs with credentials: move user:password@ into a Basic Authorization header. */
function splitCredentials(url: string): { base: URL; headers: Record<string, string> } {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new CoreNlpError(`not a valid CoreNLP server URL: ${JSON.stringify(url)} (expected e.g. http://127.0.0.1:9000)`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new CoreNlpError(`CoreNLP server URL must be http(s): ${JSON.stringify(url)}`);
  }
  const headers: Record<string, string> = {};
  if (base.username || base.password) {
    const user = decodeURIComponent(base.username);
    const pass = decodeURIComponent(base.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    base.username = '';
    base.password = '';
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return { base, headers };
}

function describeFetchError(e: unknown, shown: string, timeoutMs: number): CoreNlpError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') {
    return new CoreNlpError(`CoreNLP at ${shown} gave no answer within ${Math.round(timeoutMs / 1000)}s`, undefined, { cause: e });
  }
  if (err?.name === 'AbortError') return new CoreNlpError(`CoreNLP request to ${shown} was aborted`, undefined, { cause: e });
  const code = err?.cause?.code;
  const detail = err?.cause?.message ?? err?.message ?? String(e);
  const hint =
    code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH'
      ? ' Is the server running? Set CORENLP_URL to a running server, or leave it unset to start the local one (corenlp-local/).'
      : '';
  return new CoreNlpError(`could not reach CoreNLP at ${shown}: ${detail}.${hint}`, undefined, { cause: e });
}

/** A client for the CoreNLP server at `url` (e.g. http://127.0.0.1:9000; user:password@ for a server started with -username/-password). */
export function coreNlpClient(url: string, opts: CoreNlpClientOptions = {}): CoreNlp {
  const { base, headers } = splitCredentials(url);
  const shown = base.toString().replace(/\/$/, '');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const props = JSON.stringify(requestProperties(opts));
  const annotateUrl = new URL(base);
  annotateUrl.search = new URLSearchParams({ properties: props, pipelineLanguage: 'es' }).toString();

  return {
    url: shown,

    async annotate(text: string, callOpts: { signal?: AbortSignal } = {}): Promise<NlpDoc> {
      if (typeof text !== 'string') throw new CoreNlpError('annotate() needs a string');
      // Nothing to annotate: skip the round trip (CoreNLP would answer an empty document too).
      if (text.trim() === '') return { text, sentences: [], mentions: [] };
      const composed = composeForServer(text);
      const timeout = AbortSignal.timeout(timeoutMs + CLIENT_GRACE_MS);
      const signal = callOpts.signal ? AbortSignal.any([timeout, callOpts.signal]) : timeout;
      let res: Response;
      let body: string;
      try {
        res = await fetch(annotateUrl, {
          method: 'POST',
          // text/plain, not a form type: see the module comment (offsets).
          headers: { ...headers, 'content-type': 'text/plain; charset=utf-8', accept: 'application/json' },
          body: Buffer.from(composed.sent, 'utf8'),
          signal,
        });
        body = await res.text();
      } catch (e) {
        throw describeFetchError(e, shown, timeoutMs + CLIENT_GRACE_MS);
      }
      if (!res.ok) {
        const msg = body.trim().slice(0, 1000) || res.statusText;
        const hint =
          res.status === 401
            ? ' (the server wants credentials: put them in the URL, http://user:password@host:port)'
            : /timed? ?out/i.test(msg)
              ? ` (the server's limit is ${Math.round(timeoutMs / 1000)}s; pass a larger timeoutMs or a shorter text)`
              : '';
        throw new CoreNlpError(`CoreNLP at ${shown} answered ${res.status}: ${msg}${hint}`, res.status);
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (e) {
        throw new CoreNlpError(`CoreNLP at ${shown} answered with something that is not JSON: ${body.slice(0, 200)}`, res.status, { cause: e });
      }
      return parseCoreNlpJson(text, json, `CoreNLP at ${shown}`, composed);
    },

    async ready(): Promise<boolean> {
      try {
        const res = await fetch(new URL('ready', base), { headers, signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        return res.ok;
      } catch {
        return false;
      }
    },
  };
}

/** A client for $CORENLP_URL, or undefined when it is not set. $CORENLP_TIMEOUT_MS sets the per-request limit. */
function nlpFromEnv(env: NodeJS.ProcessEnv = process.env, opts: CoreNlpClientOptions = {}): CoreNlp | undefined {
  const url = env.CORENLP_URL?.trim();
  if (!url) return undefined;
  const raw = env.CORENLP_TIMEOUT_MS?.trim();
  let timeoutMs = opts.timeoutMs;
  if (raw) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new CoreNlpError(`CORENLP_TIMEOUT_MS is not a positive whole number of milliseconds: ${raw}`);
    timeoutMs = n;
  }
  return coreNlpClient(url, { ...opts, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
}

export interface StartOrConnectOptions extends CoreNlpClientOptions {
  /** Launcher messages and the server's log lines (only used when the local server is started). */
  log?: (line: string) => void;
  /** Port for the local server (default: $CORENLP_PORT, else a free one). */
  port?: number;
  /** How long the started local server may take to answer its first annotation (default 300000 ms; a build is not counted). */
  startTimeoutMs?: number;
}

export interface ConnectedCoreNlp {
  client: CoreNlp;
  /** 'env': $CORENLP_URL; 'local': a server this call started (from corenlp-local/). */
  source: 'env' | 'local';
  /** Stops the server if this call started it; a no-op for $CORENLP_URL. */
  stop(): Promise<void>;
}

/** $CORENLP_URL if set, else builds (when needed) and starts the local CoreNLP server. */
export async function startOrConnect(opts: StartOrConnectOptions = {}): Promise<ConnectedCoreNlp> {
  const env = nlpFromEnv(process.env, opts);
  if (env) return { client: env, source: 'env', stop: async () => {} };
  const { startLocalCoreNlp } = await import('./corenlp-local.js');
  const local = await startLocalCoreNlp({
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.startTimeoutMs !== undefined ? { startTimeoutMs: opts.startTimeoutMs } : {}),
    client: opts,
  });
  return { client: local.client, source: 'local', stop: () => local.stop() };
}
