import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, sharedPresent } from '../support/shared.js';
import { CORPUS_DIR } from '../../src/config/shared.js';
import { detectFormat, normalize, type Normalized } from '../../src/ingest/normalize.js';

/** Every kept non-space character maps back to the same character; the map never goes back. */
function expectExactMap(original: string, n: Normalized): void {
  let previous = -1;
  for (let i = 0; i < n.text.length; i++) {
    const ch = n.text[i]!;
    const at = n.toOriginal(i);
    expect(at).toBeGreaterThanOrEqual(previous);
    previous = at;
    if (/\s/.test(ch)) {
      // A collapsed space maps to whitespace (or a paragraph separator to the end of the text before it).
      if (ch === ' ') expect(original[at]).toMatch(/\s/);
      continue;
    }
    if (original[at] !== ch) throw new Error(`text[${i}] = ${JSON.stringify(ch)} maps to original[${at}] = ${JSON.stringify(original[at])}`);
  }
}

const paragraphs = (n: Normalized) => n.text.split('\n\n');
const removedText = (original: string, n: Normalized, reason: string) => n.removed.filter((r) => r.reason === reason).map((r) => original.slice(r.start, r.end));

// Invented article used across tests (people and places are fictitious).
const BODY = [
  'Inauguran centro de salud en Villa Serena',
  '',
  'VILLA SERENA, 3 de marzo de 2024.- La alcaldesa Lucía Ferrer Paz inauguró el centro de salud del barrio',
  'norte, que atenderá a 12 mil habitantes.',
  '',
  'El secretario de Salud estatal, Ramiro Olvido Castañeda, informó que la unidad contará con 14 médicos.',
].join('\n');

describe('normalize: plain text', () => {
  it('joins the lines of a paragraph and separates paragraphs with a blank line', () => {
    const n = normalize(BODY, 'text');
    expect(paragraphs(n)).toEqual([
      'Inauguran centro de salud en Villa Serena',
      'VILLA SERENA, 3 de marzo de 2024.- La alcaldesa Lucía Ferrer Paz inauguró el centro de salud del barrio norte, que atenderá a 12 mil habitantes.',
      'El secretario de Salud estatal, Ramiro Olvido Castañeda, informó que la unidad contará con 14 médicos.',
    ]);
    expectExactMap(BODY, n);
    expect(n.removed).toEqual([]);
  });

  it('collapses whitespace runs, non-breaking spaces, tabs and CRLF to one space', () => {
    const raw = '  La\u00a0alcaldesa \t  Lucía\u00a0\u00a0Ferrer\r\ninauguró   la obra.  \r\n\r\n\r\n  Segundo\u2003párrafo.  ';
    const n = normalize(raw, 'text');
    expect(n.text).toBe('La alcaldesa Lucía Ferrer inauguró la obra.\n\nSegundo párrafo.');
    expectExactMap(raw, n);
  });

  it('drops invisible characters (BOM, zero-width space, soft hyphen) without adding spaces', () => {
    const raw = '\ufeffgober\u00adnadora de Vi\u200blla Serena';
    const n = normalize(raw, 'text');
    expect(n.text).toBe('gobernadora de Villa Serena');
    expectExactMap(raw, n);
  });

  it('maps every kept character back to its offset, including astral characters', () => {
    const raw = 'Emoji 😀 y acentos: Peña, Zoé, Ñuñoa.\n\n  Línea   final.';
    const n = normalize(raw, 'text');
    expectExactMap(raw, n);
    const i = n.text.indexOf('😀');
    expect(n.toOriginal(i)).toBe(raw.indexOf('😀'));
    expect(n.toOriginal(i + 1)).toBe(raw.indexOf('😀') + 1);
  });

  it('maps the end of the text and of spans consistently', () => {
    const raw = 'Hola   mundo.\n\n\nAdiós.   \n';
    const n = normalize(raw, 'text');
    expect(n.text).toBe('Hola mundo.\n\nAdiós.');
    expect(n.toOriginal(n.text.length)).toBe(raw.indexOf('Adiós.') + 'Adiós.'.length);
    // A span's end maps to just after its last character, also at a paragraph separator.
    const end = n.text.indexOf('\n\n');
    expect(raw.slice(n.toOriginal(0), n.toOriginalEnd(end))).toBe('Hola   mundo.');
    expect(n.toOriginal(end)).toBe(raw.indexOf('mundo.') + 'mundo.'.length);
    const word = n.text.indexOf('mundo');
    expect(raw.slice(n.toOriginal(word), n.toOriginal(word + 5))).toBe('mundo');
  });

  it('rejects offsets outside the text', () => {
    const n = normalize('Hola.', 'text');
    expect(() => n.toOriginal(-1)).toThrow(RangeError);
    expect(() => n.toOriginal(6)).toThrow(RangeError);
    expect(() => n.toOriginal(1.5)).toThrow(RangeError);
  });

  it('gives an empty text for empty or blank input', () => {
    for (const raw of ['', '   \n\n\t ']) {
      const n = normalize(raw, 'text');
      expect(n.text).toBe('');
      expect(n.toOriginal(0)).toBe(0);
    }
  });
});

describe('normalize: boilerplate', () => {
  it('removes a labelled trailing list of related articles', () => {
    const raw = `${BODY}\n\nTe puede interesar:\n\nEntregan becas a estudiantes de San Roque\n\nReabren mercado municipal tras remodelación\n`;
    const n = normalize(raw, 'text');
    expect(n.text.endsWith('contará con 14 médicos.')).toBe(true);
    expect(removedText(raw, n, 'related-article label')).toEqual(['Te puede interesar:']);
    expect(removedText(raw, n, 'related-article links')).toEqual(['Entregan becas a estudiantes de San Roque\n\nReabren mercado municipal tras remodelación']);
  });

  it('removes an unlabelled trailing run of headlines and truncated teasers (the web-page form)', () => {
    // prettier-ignore
    const tail = [
      'Salud',
      '',
      'Presenta gobernadora plan de vacunación en la Sierra Alta',
      '',
      'Presenta gobernadora plan de vacunación en la Sierra Alta',
      '',
      'SIERRA ALTA.– La gobernadora presentó el plan estatal de vacunación para los municipios de…',
      '',
      'Abren convocatoria para médicos residentes en Puerto Claro',
      '',
      'Abren convocatoria para médicos residentes en Puerto Claro',
      '',
      'La Secretaría de Salud abrió la convocatoria para que médicos residentes se integren a…',
      '',
      'Deja un comentario',
    ].join('\n');
    const raw = `${BODY}\n\n\n${tail}`;
    const n = normalize(raw, 'text');
    expect(n.text.endsWith('contará con 14 médicos.')).toBe(true);
    const runStart = raw.indexOf('Salud\n');
    const spans = n.removed.filter((r) => r.reason === 'related-article links');
    expect(spans).toHaveLength(1);
    expect(spans[0]!.start).toBe(runStart);
    expect(raw.slice(spans[0]!.end)).toBe('\n\nDeja un comentario');
    expect(removedText(raw, n, 'comment prompt')).toEqual(['Deja un comentario']);
    expect(n.toOriginal(n.text.length)).toBeLessThan(runStart);
  });

  it('keeps an article that ends with a short list it introduces', () => {
    const raw = `${BODY}\n\nLas unidades que abrirán este año son:\n\nCentro de Salud de Villa Serena\n\nHospital General de San Roque\n\nClínica Comunitaria de Las Flores\n`;
    const n = normalize(raw, 'text');
    expect(n.text.endsWith('Clínica Comunitaria de Las Flores')).toBe(true);
    expect(n.removed).toEqual([]);
  });

  it('keeps a closing quote attribution and a source line', () => {
    const raw = `${BODY}\n\n"Seguiremos trabajando"\n\nLucía Ferrer Paz\n\nAlcaldesa de Villa Serena\n\nFuente: Diario del Valle\n`;
    const n = normalize(raw, 'text');
    expect(n.text.endsWith('Alcaldesa de Villa Serena\n\nFuente: Diario del Valle')).toBe(true);
    expect(n.removed).toEqual([]);
  });

  it('removes subscription prompts, photo credits, share lines, handles, copyright and separators', () => {
    // prettier-ignore
    const lines = [
      ['Suscríbete a nuestro canal de WhatsApp', 'subscription prompt'],
      ['Recibe nuestro newsletter con las noticias del día', 'subscription prompt'],
      ['Recuerda suscribirte a nuestro boletín', 'subscription prompt'],
      ['Foto: Cortesía Ayuntamiento de Villa Serena', 'photo credit'],
      ['Fotografía: Archivo', 'photo credit'],
      ['Crédito: Especial', 'photo credit'],
      ['(Foto: Lucía Ferrer)', 'photo credit'],
      ['Síguenos en Facebook y X', 'social/share line'],
      ['Compartir en Facebook', 'social/share line'],
      ['Facebook Twitter WhatsApp', 'social/share line'],
      ['@DiarioDelValle', 'social/share line'],
      ['#VillaSerena #Salud', 'social/share line'],
      ['© 2024 Diario del Valle', 'copyright notice'],
      ['Diario del Valle. Todos los derechos reservados.', 'copyright notice'],
      ['---oOo---', 'separator line'],
      ['* * *', 'separator line'],
      ['https://example.org/galeria/123', 'link-only line'],
      ['→ bit.ly/abc123', 'link-only line'],
      ['diariodelvalle.com.mx', 'link-only line'],
      ['LINK DE FOTOS', 'media link label'],
      ['Leave A Comment', 'comment prompt'],
    ] as const;
    for (const [line, reason] of lines) {
      const raw = `Primer párrafo del artículo con texto suficiente.\n\n${line}\n\nSegundo párrafo del artículo.`;
      const n = normalize(raw, 'text');
      expect(n.text, line).toBe('Primer párrafo del artículo con texto suficiente.\n\nSegundo párrafo del artículo.');
      expect(n.removed, line).toEqual([{ start: raw.indexOf(line), end: raw.indexOf(line) + line.length, reason }]);
    }
  });

  it('removes a photo credit inside or at the end of a line, keeping the sentence', () => {
    const raw = 'La alcaldesa recorrió la obra (Foto: Especial) junto con vecinos.\nLa obra concluirá en mayo. Foto: Archivo Diario';
    const n = normalize(raw, 'text');
    expect(n.text).toBe('La alcaldesa recorrió la obra junto con vecinos. La obra concluirá en mayo.');
    expect(removedText(raw, n, 'photo credit')).toEqual(['(Foto: Especial)', 'Foto: Archivo Diario']);
    expectExactMap(raw, n);
  });

  it('removes a related link inside the text and keeps the sentence that follows it on the line', () => {
    const raw = 'Primer párrafo del artículo.\n\nTambién puedes leer: Reabren mercado municipal en San Roque El hospital regional contará con 40 camas y dos quirófanos nuevos. \n\nÚltimo párrafo.';
    const n = normalize(raw, 'text');
    expect(n.text).toBe('Primer párrafo del artículo.\n\nEl hospital regional contará con 40 camas y dos quirófanos nuevos.\n\nÚltimo párrafo.');
    expect(removedText(raw, n, 'related-article link')).toEqual(['También puedes leer: Reabren mercado municipal en San Roque']);
    expectExactMap(raw, n);
  });

  it('removes a whole line that is only a related link', () => {
    for (const line of ['Lee también: Reabren mercado municipal en San Roque', 'Te compartimos: Entregan becas en Villa Serena', 'Notas relacionadas']) {
      const raw = `Primer párrafo del artículo.\n\n${line}\n\nSegundo párrafo.`;
      const n = normalize(raw, 'text');
      expect(n.text, line).toBe('Primer párrafo del artículo.\n\nSegundo párrafo.');
    }
  });

  it('keeps prose that only starts like a label', () => {
    const raw = 'Relacionado con la obra, el alcalde dijo que habrá más inversión.\n\nMás noticias llegarán la próxima semana, anunció la vocera.';
    const n = normalize(raw, 'text');
    expect(n.text).toBe('Relacionado con la obra, el alcalde dijo que habrá más inversión.\n\nMás noticias llegarán la próxima semana, anunció la vocera.');
    expect(n.removed).toEqual([]);
  });

  it('keeps article lines that merely start with words the rules look for', () => {
    const lines = [
      'Sigue en marcha la obra del hospital regional, informó el alcalde.',
      'Comparte alcaldesa mensaje en redes sociales sobre la obra',
      'Recibe el hospital equipo nuevo para su área de urgencias.',
      'La empresa conserva los derechos de la marca, dijo el abogado.',
      'El archivo de fotos: la alcaldesa mostró imágenes de la obra terminada.',
      'Te compartimos que la obra terminará en mayo',
      'Te recomendamos: revisar el calendario de vacunación',
    ];
    for (const line of lines) {
      const raw = `Primer párrafo del artículo.\n\n${line}\n\nÚltimo párrafo del artículo.`;
      expect(normalize(raw, 'text').removed, line).toEqual([]);
    }
  });

  it('keeps bulletin headers and datelines', () => {
    const raw = 'BOLETÍN DE PRENSA\n\nVilla Serena, lunes 4 de marzo de 2024\nNo. 027/2024\n\nComunicado No. 015/2024\n\nLa alcaldesa informó que la obra concluyó.';
    const n = normalize(raw, 'text');
    expect(paragraphs(n)).toEqual(['BOLETÍN DE PRENSA', 'Villa Serena, lunes 4 de marzo de 2024 No. 027/2024', 'Comunicado No. 015/2024', 'La alcaldesa informó que la obra concluyó.']);
  });

  it('records non-overlapping removed spans in order, each with a reason', () => {
    const raw = `${BODY}\n\nFoto: Especial\n\nSuscríbete a nuestro newsletter\n\n© 2024 Diario del Valle`;
    const n = normalize(raw, 'text');
    expect(n.removed.map((r) => r.reason)).toEqual(['photo credit', 'subscription prompt', 'copyright notice']);
    for (let i = 1; i < n.removed.length; i++) expect(n.removed[i]!.start).toBeGreaterThanOrEqual(n.removed[i - 1]!.end);
  });
});

describe('normalize: HTML', () => {
  const html = `<!DOCTYPE html>
<html><head><title>Inauguran clínica | Diario del Valle</title>
<style>p { color: red }</style><script>var s = "<p>no</p>";</script></head>
<body>
<header><nav><a href="/">Inicio</a> <a href="/estados">Estados</a></nav></header>
<article>
<header><h1>Inauguran cl&iacute;nica en San Rom&aacute;n</h1></header>
<p>La alcaldesa&nbsp;de San Rom&aacute;n, <b>Lucía <i>Ferrer</i> Paz</b>, inauguró la clínica &laquo;Esperanza&raquo;
   el lunes.<br>Asistieron 300 personas &amp; autoridades.</p>
<figure><img src="a.jpg" alt="La alcaldesa corta el listón"><figcaption>Foto: Especial</figcaption></figure>
<div class="share-buttons">Compartir en Facebook</div>
<form><input name="q"><button>Buscar</button>Escribe tu correo</form>
<ul><li>Primera etapa: consultorios</li><li>Segunda etapa: quir&oacute;fanos &#128512; &#x41;</li></ul>
</article>
<aside>Lo más leído</aside>
<footer>&copy; 2024 Diario del Valle</footer>
</body></html>`;

  it('keeps the article text, one paragraph per block element', () => {
    const n = normalize(html, 'html');
    expect(paragraphs(n)).toEqual([
      'Inauguran clínica en San Román',
      'La alcaldesa de San Román, Lucía Ferrer Paz, inauguró la clínica «Esperanza» el lunes. Asistieron 300 personas & autoridades.',
      'Primera etapa: consultorios',
      'Segunda etapa: quirófanos 😀 A',
    ]);
  });

  it('drops script, style, head, nav, page header, footer, aside, form, figcaption and marked elements, with reasons', () => {
    const n = normalize(html, 'html');
    const reasons = n.removed.map((r) => r.reason);
    expect(reasons).toEqual(['html <head>', 'html <header>', 'html <figcaption>', 'html <div> marked "share"', 'html <form>', 'html <aside>', 'html <footer>']);
    const footer = n.removed.find((r) => r.reason === 'html <footer>')!;
    expect(html.slice(footer.start, footer.end)).toBe('<footer>&copy; 2024 Diario del Valle</footer>');
    const head = n.removed.find((r) => r.reason === 'html <head>')!;
    expect(html.slice(head.start, head.end)).toMatch(/^<head>.*<\/head>$/s);
  });

  it('maps text to the raw HTML, and decoded entities to the entity start', () => {
    const n = normalize(html, 'html');
    for (let i = 0; i < n.text.length; i++) {
      const ch = n.text[i]!;
      if (/\s/.test(ch)) continue;
      const at = n.toOriginal(i);
      if (html[at] === '&') {
        expect(html.slice(at), `entity for ${ch}`).toMatch(/^&(#x?[0-9a-f]+|[a-z]+);?/i);
      } else {
        expect(html[at]).toBe(ch);
      }
    }
    const i = n.text.indexOf('í');
    expect(html.slice(n.toOriginal(i), n.toOriginalEnd(i + 1))).toBe('&iacute;');
    const amp = n.text.indexOf('&');
    expect(html.slice(n.toOriginal(amp), n.toOriginalEnd(amp + 1))).toBe('&amp;');
    // A span of words inside nested tags maps to the source between its first and last character.
    const name = n.text.indexOf('Lucía Ferrer Paz');
    expect(html.slice(n.toOriginal(name), n.toOriginalEnd(name + 'Lucía Ferrer Paz'.length))).toBe('Lucía <i>Ferrer</i> Paz');
  });

  it('keeps line structure of <pre> and turns source newlines elsewhere into spaces', () => {
    const src = '<p>uno\ndos</p><pre>tres\ncuatro</pre>';
    expect(normalize(src, 'html').text).toBe('uno dos\n\ntres cuatro');
  });

  it('does not throw on broken markup and keeps its text', () => {
    const broken = [
      '<p>Abierto <b>sin cerrar <i>anidado</p><p>siguiente',
      '<div><p>texto</div></span></p>fin',
      '<<<>>> & &&; &unknown; <a href="x>roto',
      '<p>atributo <img src=">">raro</p>',
      '</p></p></div>solo cierres',
      '<script>sin cerrar nunca',
      '',
    ];
    for (const src of broken) {
      const n = normalize(src, 'html');
      expect(typeof n.text).toBe('string');
      for (let i = 0; i < n.text.length; i++) expect(n.toOriginal(i)).toBeLessThanOrEqual(src.length);
    }
    expect(normalize(broken[0]!, 'html').text).toBe('Abierto sin cerrar anidado\n\nsiguiente');
    expect(normalize(broken[4]!, 'html').text).toBe('solo cierres');
    expect(normalize(broken[5]!, 'html').text).toBe('');
    expect(normalize(broken[5]!, 'html').removed).toEqual([{ start: 0, end: broken[5]!.length, reason: 'html <script>' }]);
  });

  it('applies the text boilerplate rules to HTML paragraphs too', () => {
    const src =
      '<p>La alcaldesa inauguró la clínica.</p><p>Foto: Especial</p><p>Suscríbete a nuestro newsletter</p>' +
      '<h3>Te recomendamos</h3><ul><li><a href="/a">Reabren mercado en San Roque</a></li><li><a href="/b">Entregan becas a estudiantes</a></li></ul>';
    const n = normalize(src, 'html');
    expect(n.text).toBe('La alcaldesa inauguró la clínica.');
    expect(n.removed.map((r) => r.reason)).toEqual(['photo credit', 'subscription prompt', 'related-article label', 'related-article links']);
  });

  it('keeps a hidden element out', () => {
    expect(normalize('<p>visible</p><div hidden>oculto</div><span aria-hidden="true">★</span>', 'html').text).toBe('visible');
  });
});

describe('normalize: Markdown', () => {
  it('drops heading markers, emphasis, link syntax, images and bullets', () => {
    // prettier-ignore
    const md = [
      '# Inauguran *clínica* en San Román',
      '',
      'La **alcaldesa** de San Román, _Lucía Ferrer_, inauguró la [clínica Esperanza](https://example.org/clinica "Clínica").',
      '![La alcaldesa corta el listón](foto.jpg)',
      '',
      '- Primera etapa: `consultorios`',
      '* Segunda etapa: ~~quirófanos~~ laboratorio',
      '1. Tercera etapa',
      '',
      '> Seguiremos trabajando, dijo.',
      '',
      'Ver el [informe][1] y <https://example.org/informe>.',
      '',
      '[1]: https://example.org/informe.pdf',
    ].join('\n');
    const n = normalize(md, 'markdown');
    expect(paragraphs(n)).toEqual([
      'Inauguran clínica en San Román',
      'La alcaldesa de San Román, Lucía Ferrer, inauguró la clínica Esperanza.',
      'Primera etapa: consultorios',
      'Segunda etapa: quirófanos laboratorio',
      'Tercera etapa',
      'Seguiremos trabajando, dijo.',
      'Ver el informe y https://example.org/informe.',
    ]);
    expectExactMap(md, n);
  });

  it('drops fenced code blocks and records them', () => {
    const md = 'Antes del código.\n\n```js\nconst x = "no es prosa";\n```\n\nDespués del código.';
    const n = normalize(md, 'markdown');
    expect(n.text).toBe('Antes del código.\n\nDespués del código.');
    expect(removedText(md, n, 'markdown code block')).toEqual(['```js\nconst x = "no es prosa";\n```']);
  });

  it('keeps underscores inside words and URLs, asterisks between spaces, and escaped characters', () => {
    const md = 'El archivo foto_portada_2024 está en https://example.org/a_b_c. Cuenta: 3 * 4 y 3*4. Precio \\*especial\\*.';
    const n = normalize(md, 'markdown');
    expect(n.text).toBe('El archivo foto_portada_2024 está en https://example.org/a_b_c. Cuenta: 3 * 4 y 3*4. Precio *especial*.');
    expectExactMap(md, n);
  });

  it('treats a heading as its own paragraph and handles setext headings and rules', () => {
    const md = '## Título\nTexto pegado al título.\n\nOtro título\n===========\n\nTexto.\n\n---\n\nFinal.';
    const n = normalize(md, 'markdown');
    expect(paragraphs(n)).toEqual(['Título', 'Texto pegado al título.', 'Otro título', 'Texto.', 'Final.']);
  });

  it('joins bold that wraps over lines', () => {
    const md = '**GOBIERNO DEL\nESTADO**\n\nTexto.';
    expect(normalize(md, 'markdown').text).toBe('GOBIERNO DEL ESTADO\n\nTexto.');
  });
});

describe('detectFormat', () => {
  it('goes by extension first', () => {
    expect(detectFormat('nota.html', 'texto')).toBe('html');
    expect(detectFormat('nota.HTM', 'texto')).toBe('html');
    expect(detectFormat('nota.md', '<p>x</p>')).toBe('markdown');
    expect(detectFormat('nota.markdown', 'texto')).toBe('markdown');
  });

  it('sniffs .txt and unknown files', () => {
    expect(detectFormat('nota.txt', 'La alcaldesa inauguró la clínica.\n\nFin.')).toBe('text');
    expect(detectFormat('nota.txt', '<!doctype html><html><body><p>x</p></body></html>')).toBe('html');
    expect(detectFormat('nota.txt', '\ufeff  <html><p>x</p></html>')).toBe('html');
    expect(detectFormat('nota', '<div><p>uno</p><p>dos</p></div>')).toBe('html');
    expect(detectFormat('nota.txt', '## Título\n\nTexto con **negritas** y más.')).toBe('markdown');
    expect(detectFormat('nota.txt', 'Ver [informe](https://example.org) y [anexo](https://example.org/a).')).toBe('markdown');
    // One sign alone is not enough.
    expect(detectFormat('nota.txt', 'Un texto con **una** sola marca.')).toBe('text');
    expect(detectFormat('nota.txt', 'Dijo que 3 < 4 y que a > b.')).toBe('text');
  });
});

// ---------------------------------------------------------------------------------------------
// The real corpus, when present: read at run time, never copied.

const CORPUS = CORPUS_DIR;
const corpus = corpusFiles();

/** Folded word tokens, to compare texts regardless of markup and whitespace. */
const tokens = (s: string) =>
  (
    s
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');

describe.runIf(sharedPresent('the seed corpus', CORPUS, corpus.length > 0))('normalize: corpus', () => {
  for (const file of corpus) {
    describe(file, () => {
      const raw = readFileSync(join(CORPUS, file), 'utf8');
      const n = normalize(raw, detectFormat(file, raw));

      it('maps every kept character back exactly', () => {
        expectExactMap(raw, n);
        for (const r of n.removed) {
          expect(r.start).toBeLessThan(r.end);
          expect(r.end).toBeLessThanOrEqual(raw.length);
        }
      });

      it('keeps every prose paragraph of the article', () => {
        // Prose: a paragraph of 25+ words with a sentence end, not a related-link line.
        const prose = raw
          .split(/\n[ \t\u00a0]*\n/)
          .filter((p) => (p.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 25 && /[.!?]["”»*]*\s/.test(`${p} `))
          .filter((p) => !/(puedes leer|te compartimos|te puede interesar|lee también)/i.test(p));
        expect(prose.length).toBeGreaterThan(0);
        const kept = tokens(n.text);
        for (const p of prose) expect(kept, p.slice(0, 60)).toContain(tokens(p));
      });

      it('keeps no link-only, subscription or comment lines', () => {
        expect(n.text).not.toMatch(/https?:\/\//);
        expect(n.text).not.toMatch(/suscrib/i);
        expect(n.text).not.toMatch(/leave a comment/i);
      });
    });
  }

  it('removes the trailing run of links to other articles, found by its shape', () => {
    // The trailing run: after the last paragraph that ends a sentence, the paragraphs are short
    // headline-like lines or truncated teasers ending in "…". Find where it starts.
    const withTeasers = corpus.map((f) => [f, readFileSync(join(CORPUS, f), 'utf8')] as const).filter(([, t]) => (t.match(/…\s*$/gm) ?? []).length >= 3);
    expect(withTeasers.length).toBeGreaterThan(0);
    for (const [file, raw] of withTeasers) {
      const blocks = [...raw.matchAll(/[^\n]+(?:\n[^\n]+)*/g)].map((m) => ({ at: m.index, text: m[0].trim() }));
      let last = blocks.length - 1;
      while (last > 0 && !/[.!?]["”»]?$/.test(blocks[last]!.text)) last--; // last sentence-ending paragraph
      const run = blocks.slice(last + 1);
      expect(run.length, file).toBeGreaterThanOrEqual(6);
      expect(run.filter((b) => b.text.endsWith('…')).length, file).toBeGreaterThanOrEqual(3);
      const runStart = run[0]!.at;

      const n = normalize(raw, detectFormat(file, raw));
      // The normalized text ends with the article's last sentence, before the run.
      expect(n.toOriginal(n.text.length)).toBeLessThanOrEqual(runStart);
      expect(n.text.trimEnd()).toMatch(/[.!?]["”»]?$/);
      expect(tokens(n.text).endsWith(tokens(blocks[last]!.text))).toBe(true);
      // The run is recorded as removed, starting at its first line.
      const removed = n.removed.find((r) => r.reason === 'related-article links');
      expect(removed?.start).toBe(runStart);
      // No teaser and no headline of the run survives.
      for (const b of run.filter((r) => r.text.split(/\s+/).length >= 4)) expect(n.text).not.toContain(b.text);
    }
  });
});

describe('normalize: any input', () => {
  // A deterministic pseudo-random generator, so a failure reproduces.
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  // prettier-ignore
  const pieces = [
    'la', 'alcaldesa', 'Zoé', 'Ñandú', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u200b', '😀', '.', ',', '…',
    '<p>', '</p>', '<b>', '</b>', '<br>', '<div class="share">', '</div>', '<script>', '</script>', '<!--', '-->', '<', '>',
    '&amp;', '&aacute;', '&#128512;', '&nbsp;', '&bogus;', '&', '#', '## ', '*', '**', '_', '`', '```', '[', '](', ')', '![',
    '- ', '> ', '---', 'Foto: Especial', 'Te puede interesar:', 'Suscríbete', 'https://x.org/a', '©', '@usuario', '(Foto: x)',
  ];

  it('never throws, and maps every character inside the input, in order', () => {
    const next = rng(20240517);
    for (let round = 0; round < 300; round++) {
      let input = '';
      const length = Math.floor(next() * 80);
      for (let i = 0; i < length; i++) input += pieces[Math.floor(next() * pieces.length)];
      for (const format of ['text', 'markdown', 'html'] as const) {
        const n = normalize(input, format);
        let previous = 0;
        for (let i = 0; i <= n.text.length; i++) {
          const at = n.toOriginal(i);
          expect(at).toBeGreaterThanOrEqual(previous);
          expect(at).toBeLessThanOrEqual(input.length);
          previous = at;
        }
        expect(n.text).not.toMatch(/^\s|\s$|[ \t]{2}|\n{3}|[^\n]\n[^\n]/);
        if (format !== 'html') expectExactMap(input, n);
        else {
          for (let i = 0; i < n.text.length; i++) {
            const ch = n.text[i]!;
            if (!/\s/.test(ch)) expect([ch, '&']).toContain(input[n.toOriginal(i)]);
          }
        }
        for (const r of n.removed) {
          expect(r.start).toBeLessThanOrEqual(r.end);
          expect(r.end).toBeLessThanOrEqual(input.length);
        }
      }
    }
    // 300 rounds of thousands of expectations: about 1 s on a quiet machine, far more on a busy one
  }, 120_000);
});
