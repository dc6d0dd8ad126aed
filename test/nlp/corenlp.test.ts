/**
 * The CoreNLP client against a real server: $CORENLP_URL if set, else the local one from
 * corenlp-local/ (built on demand: the first build downloads ~255 MB from Maven Central).
 * KG_NO_NLP=1 skips the server-backed tests.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeForServer, coreNlpClient, CoreNlpError, startOrConnect, type ConnectedCoreNlp, type CoreNlp, type NlpDoc } from '../../src/nlp/corenlp.js';

const skip = process.env.KG_NO_NLP === '1';
if (skip) process.stderr.write('[test nlp] KG_NO_NLP=1: skipping the CoreNLP tests\n');

const say = (line: string) => process.stderr.write(`[test nlp] ${line}\n`);

/** A loopback port that nothing listens on (it was free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

function mention(doc: NlpDoc, text: string) {
  return doc.mentions.find((m) => m.text === text);
}

describe.skipIf(skip)('CoreNLP (Spanish)', () => {
  let nlp: ConnectedCoreNlp;
  let client: CoreNlp;

  beforeAll(async () => {
    const started = Date.now();
    const tail: string[] = [];
    nlp = await startOrConnect({
      log: (l) => {
        tail.push(l);
        if (tail.length > 20) tail.shift();
      },
    }).catch((e: unknown) => {
      say(`could not start or reach CoreNLP; last lines:\n${tail.join('\n')}`);
      throw e;
    });
    client = nlp.client;
    say(`${nlp.source === 'env' ? 'using CORENLP_URL' : 'started the local server at'} ${client.url} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  });

  afterAll(async () => {
    await nlp?.stop();
  });

  it('finds a person, a city and an organization, with offsets into the text', async () => {
    const text = 'La gobernadora Ana Ruiz Peña se reunió en Mérida con el director del Instituto Estatal.';
    const doc = await client.annotate(text);

    expect(doc.sentences).toHaveLength(1);
    const ana = mention(doc, 'Ana Ruiz Peña');
    expect(ana).toMatchObject({ ner: 'PERSON', start: 15, end: 28, sentence: 0 });
    expect(text.slice(ana!.start, ana!.end)).toBe('Ana Ruiz Peña');
    expect(['CITY', 'LOCATION']).toContain(mention(doc, 'Mérida')?.ner);
    expect(mention(doc, 'Instituto Estatal')?.ner).toBe('ORGANIZATION');

    const pena = doc.sentences[0]!.tokens.find((t) => t.word === 'Peña')!;
    expect(pena).toMatchObject({ pos: 'PROPN', ner: 'PERSON' });
    expect(text.slice(pena.characterOffsetBegin, pena.characterOffsetEnd)).toBe('Peña');
    for (const m of doc.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('counts offsets in UTF-16 units, as JavaScript strings do (astral characters take two)', async () => {
    const text = 'Llegó 😀 la alcaldesa 𝐀na. Después, José Núñez habló en Oaxaca.';
    const doc = await client.annotate(text);

    const jose = mention(doc, 'José Núñez');
    expect(jose?.ner).toBe('PERSON');
    expect(jose?.start).toBe(text.indexOf('José Núñez'));
    expect(doc.sentences).toHaveLength(2);
    for (const s of doc.sentences) {
      for (const t of s.tokens) expect(text.slice(t.characterOffsetBegin, t.characterOffsetEnd)).toBe(t.originalText);
    }
    const emoji = doc.sentences[0]!.tokens.find((t) => t.word === '😀')!;
    expect(emoji.characterOffsetEnd - emoji.characterOffsetBegin).toBe(2);
  });

  it('annotates the text as given: "+" and "%20" stay themselves', async () => {
    const text = 'El pago fue de 3+2 mil pesos (100%20 real), dijo Ana Ruiz Peña.';
    const doc = await client.annotate(text);

    const tokens = doc.sentences[0]!.tokens;
    expect(tokens.some((t) => t.originalText.includes('+'))).toBe(true);
    expect(tokens.some((t) => t.originalText.includes('%'))).toBe(true);
    expect(mention(doc, 'Ana Ruiz Peña')?.start).toBe(text.indexOf('Ana'));
  });

  it('reads decomposed accents like composed ones, with offsets into the text as given', async () => {
    const nfc = 'La secretaria María Peña Soto viajó a Toluca.';
    const nfd = nfc.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(nfc.length);
    const [composed, decomposed] = [await client.annotate(nfc), await client.annotate(nfd)];

    expect(mention(composed, 'María Peña Soto')?.ner).toBe('PERSON');
    const maria = decomposed.mentions.find((m) => m.ner === 'PERSON');
    expect(maria?.text).toBe('María Peña Soto'.normalize('NFD'));
    expect(maria?.start).toBe(nfd.indexOf('Mari'));
    expect(decomposed.sentences[0]!.tokens.map((t) => nfd.slice(t.characterOffsetBegin, t.characterOffsetEnd).normalize('NFC'))).toEqual(
      composed.sentences[0]!.tokens.map((t) => nfc.slice(t.characterOffsetBegin, t.characterOffsetEnd)),
    );
  });

  it('splits a multi-word token into parts that share its span', async () => {
    const text = 'Quiere adorarlo.';
    const doc = await client.annotate(text);
    const words = doc.sentences[0]!.tokens.map((t) => t.word);
    expect(words).toEqual(['Quiere', 'adorar', 'lo', '.']);
    const [, adorar, lo] = doc.sentences[0]!.tokens;
    expect([adorar!.characterOffsetBegin, adorar!.characterOffsetEnd]).toEqual([7, 15]);
    expect([lo!.characterOffsetBegin, lo!.characterOffsetEnd]).toEqual([7, 15]);
  });

  it('returns an empty document for blank text', async () => {
    expect(await client.annotate('  \n')).toEqual({ text: '  \n', sentences: [], mentions: [] });
  });
});

describe('CoreNLP client errors', () => {
  it('says what to do when no server answers', async () => {
    const port = await closedPort();
    const client = coreNlpClient(`http://127.0.0.1:${port}`, { timeoutMs: 10_000 });
    const err = await client.annotate('Hola.').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreNlpError);
    expect((err as Error).message).toContain(`could not reach CoreNLP at http://127.0.0.1:${port}`);
    expect((err as Error).message).toContain('CORENLP_URL');
    expect(await client.ready()).toBe(false);
  });

  it('composes decomposed accents for the server and maps its offsets back', () => {
    const text = 'Sr. Pen\u0303a 😀 y Rui\u0301z.';
    const c = composeForServer(text);
    expect(c.sent).toBe(text.normalize('NFC'));
    // "Peña" is 4 units sent, 5 in the text; the emoji keeps its two units.
    const [b, e] = [c.sent.indexOf('Peña'), c.sent.indexOf('Peña') + 4];
    expect(text.slice(c.startAt![b]!, c.endAt![e]!)).toBe('Pen\u0303a');
    const z = c.sent.indexOf('😀');
    expect(text.slice(c.startAt![z]!, c.endAt![z + 2]!)).toBe('😀');
    expect([c.startAt![c.sent.length], c.endAt![c.sent.length]]).toEqual([text.length, text.length]);
    expect(composeForServer('Peña').startAt).toBeUndefined();
  });

  it('rejects a URL that is not http(s)', () => {
    expect(() => coreNlpClient('bolt://127.0.0.1:7687')).toThrow(CoreNlpError);
  });
});
