import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, sharedPresent } from '../support/shared.js';
import { CORPUS_DIR } from '../../src/config/shared.js';
import { DocumentError, guessTitle, LANGUAGE_CHECK_MIN_WORDS, MAX_DOCUMENT_BYTES, parsePublished, readSourceDocument, SPANISH_SCORE_THRESHOLD, spanishScore } from '../../src/ingest/metadata.js';

const NOW = new Date('2024-06-01T12:00:00Z');

// Invented texts (fictitious people and places).
const ARTICLE = [
  'Inauguran centro de salud en Villa Serena',
  '',
  'La alcaldesa Lucía Ferrer Paz inauguró el centro de salud del barrio norte, que atenderá a 12 mil habitantes',
  'de la zona y de las comunidades vecinas.',
  '',
  'El secretario de Salud estatal, Ramiro Olvido Castañeda, informó que la unidad contará con 14 médicos y que',
  'se abrirá una segunda etapa en el mes de julio con un laboratorio para los pacientes de la región.',
].join('\n');

const ENGLISH =
  'The mayor of the northern town opened the new health centre on Monday. It will serve twelve thousand people ' +
  'and will have fourteen doctors, the state health secretary said after the ceremony.';
const PORTUGUESE =
  'A prefeita da cidade inaugurou na segunda-feira o novo centro de saúde do bairro norte, que vai atender doze mil ' +
  'pessoas. O secretário estadual de saúde disse que a unidade terá catorze médicos e um laboratório em julho.';
const FRENCH =
  'La maire de la ville a inauguré lundi le nouveau centre de santé du quartier nord, qui accueillera douze mille ' +
  'habitants. Le secrétaire régional de la santé a indiqué que le centre comptera quatorze médecins et un laboratoire.';
const ITALIAN =
  'La sindaca della città ha inaugurato lunedì il nuovo centro sanitario del quartiere nord, che servirà dodicimila ' +
  'abitanti. Il segretario regionale alla salute ha detto che il centro avrà quattordici medici e un laboratorio.';

const frontMatter = (yaml: string, body = ARTICLE) => `---\n${yaml}\n---\n${body}`;

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    const err = e as DocumentError;
    expect(err.message).toBe(`${err.file}: ${err.problem}`);
    return err.problem;
  }
  throw new Error('expected a DocumentError');
}

describe('readSourceDocument: valid documents', () => {
  it('reads a plain text without metadata, taking the title from its first line', () => {
    const doc = readSourceDocument('nota.txt', ARTICLE, null, NOW);
    expect(doc).toEqual({
      fileName: 'nota.txt',
      format: 'text',
      body: ARTICLE,
      bodyOffset: 0,
      meta: { title: 'Inauguran centro de salud en Villa Serena', publisher: null, url: null, published: null, publishedNote: null, author: null },
    });
  });

  it('reads YAML front matter and gives the body and where it starts', () => {
    const content = frontMatter(
      [
        'title: "Abre clínica en Villa Serena"',
        'publisher: Diario del Valle',
        'url: https://diariodelvalle.example/nota/123',
        'published: 2024-03-04',
        'author: [Ana Ruiz, Pedro Sol]',
        'language: es-MX',
        'tags: [salud]',
      ].join('\n'),
    );
    const doc = readSourceDocument('nota.md', content, null, NOW);
    expect(doc.meta).toEqual({
      title: 'Abre clínica en Villa Serena',
      publisher: 'Diario del Valle',
      url: 'https://diariodelvalle.example/nota/123',
      published: '2024-03-04',
      publishedNote: null,
      author: 'Ana Ruiz, Pedro Sol',
    });
    expect(doc.body).toBe(ARTICLE);
    expect(content.slice(doc.bodyOffset)).toBe(doc.body);
    expect(doc.format).toBe('markdown');
  });

  it('dates a page that gives no date by the latest social post it embeds, and says so', () => {
    const body = `${ARTICLE}\n\nLa gobernadora firmó el acuerdo. pic.twitter.com/abc\n— Diario del Valle (@diariovalle) October 9, 2023\n\nOtra nota. pic.twitter.com/def\n— Ana Ruiz (@anaruiz) 11 de octubre de 2023\n`;
    const doc = readSourceDocument('nota.txt', body, null, NOW);
    expect(doc.meta.published).toBe('2023-10-11');
    expect(doc.meta.publishedNote).toContain('embeds');
    const dated = readSourceDocument('nota.txt', frontMatter('published: 2023-10-12').replace(ARTICLE, body), null, NOW);
    expect(dated.meta).toMatchObject({ published: '2023-10-12', publishedNote: null });
  });

  it('handles CRLF front matter, a BOM and an empty front matter', () => {
    const crlf = `\ufeff---\r\ntitle: Nota\r\n---\r\n${ARTICLE}`;
    const doc = readSourceDocument('nota.txt', crlf, null, NOW);
    expect(doc.meta.title).toBe('Nota');
    expect(crlf.slice(doc.bodyOffset)).toBe(ARTICLE);
    const empty = readSourceDocument('nota.txt', `---\n---\n${ARTICLE}`, null, NOW);
    expect(empty.meta.title).toBe('Inauguran centro de salud en Villa Serena');
  });

  it('accepts a Buffer of UTF-8 and keeps a BOM in the offsets', () => {
    const text = `\ufeff${frontMatter('title: Nota')}`;
    const doc = readSourceDocument('nota.txt', Buffer.from(text, 'utf8'), null, NOW);
    expect(text.slice(doc.bodyOffset)).toBe(ARTICLE);
    expect(doc.body).toBe(ARTICLE);
  });

  it('merges a sidecar JSON file; the front matter wins a field both give', () => {
    const sidecar = JSON.stringify({ title: 'Del archivo JSON', publisher: 'Diario del Valle', published: '2024-03', url: 'http://diariodelvalle.example/a' });
    const doc = readSourceDocument('nota.txt', frontMatter('title: De la cabecera\nauthor: Ana Ruiz'), sidecar, NOW);
    expect(doc.meta).toEqual({
      title: 'De la cabecera',
      publisher: 'Diario del Valle',
      url: 'http://diariodelvalle.example/a',
      published: '2024-03',
      publishedNote: null,
      author: 'Ana Ruiz',
    });
    const onlySidecar = readSourceDocument('nota.txt', ARTICLE, '{"published": "2024", "author": null}', NOW);
    expect(onlySidecar.meta.published).toBe('2024');
    expect(onlySidecar.meta.author).toBeNull();
  });

  it('accepts partial dates, a year as a number, and date-times reduced to their date', () => {
    const published = (v: string) => readSourceDocument('n.txt', frontMatter(`published: ${v}`), null, NOW).meta.published;
    expect(published('2024')).toBe('2024');
    expect(published('"2024-05"')).toBe('2024-05');
    expect(published('2024-02-29')).toBe('2024-02-29');
    expect(published('2024-05-17T21:30:00-06:00')).toBe('2024-05-17');
    expect(published('2024-06-01')).toBe('2024-06-01');
  });

  it('takes a title from an HTML <h1>, else <title>; from a Markdown "# " heading', () => {
    const html = `<html><head><title>Abre clínica | Diario del Valle</title></head><body><h1>Abre cl&iacute;nica en Villa Serena</h1><p>${ARTICLE}</p></body></html>`;
    expect(readSourceDocument('n.html', html, null, NOW).meta.title).toBe('Abre clínica en Villa Serena');
    const noH1 = `<html><head><title>Abre clínica | Diario del Valle</title></head><body><p>${ARTICLE}</p></body></html>`;
    expect(readSourceDocument('n.html', noH1, null, NOW).meta.title).toBe('Abre clínica | Diario del Valle');
    const md = `Diario del Valle\n\n# Abre *clínica* en Villa Serena\n\n${ARTICLE}`;
    expect(readSourceDocument('n.md', md, null, NOW).meta.title).toBe('Abre clínica en Villa Serena');
  });

  it('skips letterheads in capitals, datelines and bulletin numbers when guessing a title', () => {
    const bulletin = `GOBIERNO DE\nVILLA SERENA\n\nBOLETÍN DE PRENSA\n\nVilla Serena, lunes 4 de marzo de 2024\nNo. 027/2024\n\nAlcaldesa inaugura centro de salud en el barrio norte\n\n${ARTICLE}`;
    expect(guessTitle(bulletin, 'text')).toBe('Alcaldesa inaugura centro de salud en el barrio norte');
    expect(guessTitle('## Reunión de *trabajo* en Villa Serena\n\nTexto.', 'markdown')).toBe('Reunión de trabajo en Villa Serena');
    expect(guessTitle('Una sola oración que termina con punto.\n\nOtra.', 'text')).toBe('Una sola oración que termina con punto.');
  });
});

describe('readSourceDocument: content problems', () => {
  it('rejects empty and whitespace-only documents', () => {
    expect(problemOf(() => readSourceDocument('a.txt', '', null, NOW))).toBe('is empty');
    expect(problemOf(() => readSourceDocument('a.txt', ' \n\t\n ', null, NOW))).toBe('is empty (only whitespace)');
    expect(problemOf(() => readSourceDocument('a.txt', Buffer.alloc(0), null, NOW))).toBe('is empty');
    expect(problemOf(() => readSourceDocument('a.txt', '---\ntitle: Nota\n---\n\n  \n', null, NOW))).toBe('has front matter but no text after it');
  });

  it('rejects documents with no text once markup is gone', () => {
    expect(problemOf(() => readSourceDocument('a.html', '<html><body><script>var a = 1;</script></body></html>', null, NOW))).toMatch(/no article text once markup and boilerplate are removed/);
  });

  it('rejects documents over the size limit, as text or bytes', () => {
    const big = 'a'.repeat(MAX_DOCUMENT_BYTES + 1);
    expect(problemOf(() => readSourceDocument('a.txt', big, null, NOW))).toBe(`is ${MAX_DOCUMENT_BYTES + 1} bytes, over the limit of 1000000 bytes`);
    expect(problemOf(() => readSourceDocument('a.txt', Buffer.from(big), null, NOW))).toMatch(/over the limit/);
    // Counted in UTF-8 bytes, not characters.
    const accented = 'é'.repeat(MAX_DOCUMENT_BYTES / 2 + 1);
    expect(problemOf(() => readSourceDocument('a.txt', accented, null, NOW))).toMatch(/over the limit/);
  });

  it('rejects binary content: NUL bytes, invalid UTF-8, many control characters', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(problemOf(() => readSourceDocument('a.txt', png, null, NOW))).toMatch(/NUL bytes/);
    expect(problemOf(() => readSourceDocument('a.txt', `${ARTICLE}\u0000`, null, NOW))).toMatch(/NUL characters/);
    const latin1 = Buffer.from('Inauguración de la clínica en la región', 'latin1');
    expect(problemOf(() => readSourceDocument('a.txt', latin1, null, NOW))).toMatch(/not valid UTF-8/);
    const noisy = `${ARTICLE.slice(0, 100)}${'\u0001\u0002\u0003\u0004'.repeat(5)}`;
    expect(problemOf(() => readSourceDocument('a.txt', noisy, null, NOW))).toMatch(/looks binary: 20 of \d+ characters are control or replacement characters/);
    const replaced = `${ARTICLE.slice(0, 50)}${'\ufffd'.repeat(10)}`;
    expect(problemOf(() => readSourceDocument('a.txt', replaced, null, NOW))).toMatch(/looks binary/);
    // A stray control character in a long text is not binary.
    expect(() => readSourceDocument('a.txt', `${ARTICLE}\u0007`, null, NOW)).not.toThrow();
  });

  it('rejects unsupported file types', () => {
    expect(problemOf(() => readSourceDocument('nota.pdf', ARTICLE, null, NOW))).toBe('unsupported file type ".pdf" (expected .txt, .md, .markdown, .html, .htm)');
  });

  it('rejects texts that are not Spanish, and declared languages other than Spanish', () => {
    for (const [lang, text] of Object.entries({ en: ENGLISH, pt: PORTUGUESE, fr: FRENCH, it: ITALIAN })) {
      expect(
        problemOf(() => readSourceDocument(`${lang}.txt`, text, null, NOW)),
        lang,
      ).toMatch(/^does not look like Spanish: /);
    }
    expect(problemOf(() => readSourceDocument('a.txt', frontMatter('language: en'), null, NOW))).toBe('language is "en", but only Spanish (es) documents are supported');
  });
});

describe('language check', () => {
  // Spanish samples of different registers and lengths (invented).
  const SPANISH = [
    ARTICLE,
    'Se entregaron 300 becas a estudiantes de secundaria en la cabecera municipal.',
    'La Secretaría de Obras anunció que el puente vehicular estará listo en junio, con una inversión de 45 millones de pesos.',
    'Durante la sesión del cabildo, los regidores aprobaron por unanimidad el presupuesto para el próximo año fiscal.',
    '"No vamos a dejar a nadie atrás", afirmó el gobernador al presentar su segundo informe ante el Congreso local.',
  ];

  it('scores Spanish at or above the threshold and other languages below it', () => {
    for (const s of SPANISH) expect(spanishScore(s).score, s.slice(0, 40)).toBeGreaterThanOrEqual(SPANISH_SCORE_THRESHOLD);
    for (const s of [ENGLISH, PORTUGUESE, FRENCH, ITALIAN]) expect(spanishScore(s).score, s.slice(0, 40)).toBeLessThan(SPANISH_SCORE_THRESHOLD);
  });

  it('does not judge texts too short to say', () => {
    expect(spanishScore('Hello world').words).toBeLessThan(LANGUAGE_CHECK_MIN_WORDS);
    expect(readSourceDocument('a.txt', 'Inauguran clínica', null, NOW).meta.title).toBe('Inauguran clínica');
  });
});

describe('readSourceDocument: metadata problems', () => {
  it('rejects an unterminated front matter block', () => {
    expect(problemOf(() => readSourceDocument('a.md', `---\ntitle: Nota\n${ARTICLE}`, null, NOW))).toBe('front matter opened with "---" on the first line is never closed (add a "---" line after it)');
  });

  it('rejects front matter that is not valid YAML, naming the line', () => {
    const problem = problemOf(() => readSourceDocument('a.md', frontMatter('title: Nota\npublished: [2024-05-01\nauthor: x'), null, NOW));
    expect(problem).toMatch(/^front matter is not valid YAML at front matter line \d+: /);
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('title: "sin cerrar'), null, NOW))).toMatch(/^front matter is not valid YAML/);
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('title: a\ntitle: b'), null, NOW))).toMatch(/^front matter is not valid YAML/);
  });

  it('rejects front matter that is not a mapping', () => {
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('- uno\n- dos'), null, NOW))).toBe('front matter must be a mapping of fields (title: ..., published: ...)');
  });

  it('rejects fields of the wrong type', () => {
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('title: 42'), null, NOW))).toBe('front matter field "title" must be a string, not a number');
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('url: [a, b]'), null, NOW))).toBe('front matter field "url" must be a string, not a list');
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('author: {name: Ana}'), null, NOW))).toBe('front matter field "author" must be a string or a list of strings, not a object');
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('published: true'), null, NOW))).toBe(
      'front matter field "published" must be a date string (YYYY-MM-DD, YYYY-MM or YYYY), not a boolean',
    );
    expect(problemOf(() => readSourceDocument('a.txt', ARTICLE, '{"publisher": 7}', NOW))).toBe('sidecar JSON field "publisher" must be a string, not a number');
  });

  it('rejects a sidecar that is not JSON or not an object', () => {
    expect(problemOf(() => readSourceDocument('a.txt', ARTICLE, '{"title": "x",}', NOW))).toMatch(/^sidecar JSON is not valid JSON: /);
    expect(problemOf(() => readSourceDocument('a.txt', ARTICLE, '["x"]', NOW))).toBe('sidecar JSON must be an object of fields ({"title": ..., "published": ...})');
  });

  it('rejects unparsable and impossible publication dates', () => {
    const cases: [string, string][] = [
      ['ayer', 'published date "ayer" is not an ISO date (use YYYY-MM-DD, YYYY-MM or YYYY)'],
      ['17/05/2024', 'published date "17/05/2024" is not an ISO date (use YYYY-MM-DD, YYYY-MM or YYYY)'],
      ['"2024-13"', 'published date "2024-13" has no month 13'],
      ['2023-02-29', 'published date "2023-02-29" does not exist (day 29 of 2023-02)'],
      ['2024-04-31', 'published date "2024-04-31" does not exist (day 31 of 2024-04)'],
    ];
    for (const [value, problem] of cases) {
      expect(
        problemOf(() => readSourceDocument('a.md', frontMatter(`published: ${value}`), null, NOW)),
        value,
      ).toBe(problem);
    }
  });

  it('rejects publication dates in the future, relative to now', () => {
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('published: 2024-06-03'), null, NOW))).toBe('published date 2024-06-03 is in the future (now is 2024-06-01)');
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('published: "2024-07"'), null, NOW))).toMatch(/is in the future/);
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('published: 2025'), null, NOW))).toMatch(/is in the future/);
    // The current month and year are not in the future; one day of slack covers time zones.
    expect(parsePublished('2024-06-02', NOW)).toEqual({ ok: true, date: '2024-06-02' });
    expect(parsePublished('2024-06', NOW)).toEqual({ ok: true, date: '2024-06' });
    // The default "now" is the current time.
    expect(() => readSourceDocument('a.md', frontMatter('published: 2999-01-01'))).toThrow(/is in the future/);
  });

  it('rejects URLs that are not http(s)', () => {
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('url: ftp://example.org/nota'), null, NOW))).toBe('url "ftp://example.org/nota" is not an http(s) URL');
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('url: "javascript:alert(1)"'), null, NOW))).toBe('url "javascript:alert(1)" is not an http(s) URL');
    expect(problemOf(() => readSourceDocument('a.md', frontMatter('url: diariodelvalle/nota'), null, NOW))).toBe('url "diariodelvalle/nota" is not a valid URL (expected http:// or https://)');
  });

  it('names the file in the error', () => {
    try {
      readSourceDocument('carpeta/nota-7.txt', '', null, NOW);
    } catch (e) {
      expect(e).toBeInstanceOf(DocumentError);
      expect((e as DocumentError).file).toBe('carpeta/nota-7.txt');
      expect((e as DocumentError).message).toBe('carpeta/nota-7.txt: is empty');
      expect((e as DocumentError).name).toBe('DocumentError');
    }
  });
});

const CORPUS = CORPUS_DIR;
const corpus = corpusFiles();

describe.runIf(sharedPresent('the seed corpus', CORPUS, corpus.length > 0))('readSourceDocument: corpus', () => {
  it.each(corpus)('%s is read as a Spanish document with a title', (file) => {
    const bytes = readFileSync(join(CORPUS, file));
    const doc = readSourceDocument(file, bytes, null, NOW);
    expect(doc.bodyOffset).toBe(0);
    expect(doc.body).toBe(bytes.toString('utf8'));
    expect(doc.meta.title).toBeTruthy();
    expect(doc.meta.title!.length).toBeLessThanOrEqual(300);
    // A title is a line of the file (markup aside), not a letterhead in capitals.
    expect(doc.meta.title).not.toBe(doc.meta.title!.toUpperCase());
    expect(spanishScore(doc.body).score).toBeGreaterThanOrEqual(SPANISH_SCORE_THRESHOLD);
  });
});

describe('readSourceDocument: which part of what was sent a problem is in', () => {
  const partOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof DocumentError) return e.part;
      throw e;
    }
    throw new Error('no DocumentError');
  };
  const text = 'La secretaria de Salud anunció hoy en la ciudad la apertura de un nuevo hospital para la región.';

  it('a file name of an unsupported type is in the name', () => {
    expect(partOf(() => readSourceDocument('nota.pdf', text))).toBe('name');
  });

  it('a bad url given beside the text is in that metadata field; in the front matter, in the text', () => {
    expect(partOf(() => readSourceDocument('nota.txt', text, JSON.stringify({ url: 'ftp://example.org/x' })))).toEqual({ sidecarField: 'url' });
    expect(partOf(() => readSourceDocument('nota.txt', `---\nurl: ftp://example.org/x\n---\n${text}`, JSON.stringify({ url: 'https://example.org/y' })))).toBe('text');
  });

  it('a bad publication date beside the text is in that field', () => {
    expect(partOf(() => readSourceDocument('nota.txt', text, JSON.stringify({ published: '2024-13' })))).toEqual({ sidecarField: 'published' });
  });

  it('sidecar JSON that is not an object of fields is in the sidecar', () => {
    expect(partOf(() => readSourceDocument('nota.txt', text, '[1, 2]'))).toBe('sidecar');
  });

  it('a problem of the text itself is in the text', () => {
    expect(partOf(() => readSourceDocument('nota.txt', '   '))).toBe('text');
  });
});
