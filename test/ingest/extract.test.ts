import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, type Extracted } from '../../src/ingest/pipeline.js';

// Articles written for these tests: invented officials, real places, the genre's usual forms.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const monterrey = extract('boletin-monterrey.md', fixture('boletin-monterrey.md'));
const oaxaca = extract('nota-oaxaca.txt', fixture('nota-oaxaca.txt'));

const names = (x: Extracted, kind: string) =>
  x.extraction.entities
    .filter((e) => e.kind === kind)
    .map((e) => e.name)
    .sort();
const nameOf = (x: Extracted, key: string | null) => x.extraction.entities.find((e) => e.key === key)?.name ?? null;

describe('extraction from a press bulletin', () => {
  it('finds the people, with a short form of a name folded into the full one', () => {
    expect(names(monterrey, 'Person')).toEqual(['Itzel Cantú Leal', 'Rosa Elvira Quintanilla Ruiz', 'Tomás Arreola Benavides', 'Ulises Garza Montemayor']);
    expect(monterrey.extraction.entities.find((e) => e.name === 'Tomás Arreola Benavides')?.aliases).toContain('Tomás Arreola');
  });

  it('reads an organization with the acronym the text defines for it', () => {
    const imss = monterrey.extraction.entities.find((e) => e.kind === 'Organization');
    expect(imss).toMatchObject({ name: 'Instituto Mexicano del Seguro Social', acronym: 'IMSS' });
  });

  it('reads the posts written beside the names, with their body or territory', () => {
    const posts = monterrey.extraction.posts.map((p) => [nameOf(monterrey, p.person), p.role, nameOf(monterrey, p.organization), nameOf(monterrey, p.jurisdiction)]);
    expect(posts).toEqual(
      expect.arrayContaining([
        ['Rosa Elvira Quintanilla Ruiz', 'Gobernadora', null, 'Nuevo León'],
        ['Tomás Arreola Benavides', 'Director General', 'Instituto Mexicano del Seguro Social', null],
        // "secretario de Salud estatal": a post of the state the document governs
        ['Ulises Garza Montemayor', 'Secretario de Salud', null, 'Nuevo León'],
        ['Itzel Cantú Leal', 'Alcaldesa', null, 'Monterrey'],
      ]),
    );
  });

  it('reads one meeting with its date, venue and everyone who attended', () => {
    expect(monterrey.extraction.events).toHaveLength(1);
    const [meeting] = monterrey.extraction.events;
    expect(meeting).toMatchObject({ kind: 'meeting', date: { iso: '2025-03-14', precision: 'day' } });
    expect(nameOf(monterrey, meeting!.venue)).toBe('Hospital General de San Nicolás');
    expect(meeting!.participants.map((p) => nameOf(monterrey, p.person)).sort()).toEqual(names(monterrey, 'Person'));
  });

  it('gives each statement its speaker: named, implied by "Añadió", or pointed back to by "la mandataria"', () => {
    const speakers = monterrey.extraction.statements.map((s) => nameOf(monterrey, s.speaker));
    expect(speakers).toEqual(['Tomás Arreola Benavides', 'Tomás Arreola Benavides', 'Rosa Elvira Quintanilla Ruiz']);
  });

  it('reads the figures in Mexican press numerals, with units', () => {
    const figures = monterrey.extraction.figures.map((f) => [f.value, f.unit]);
    expect(figures).toEqual([
      [2_450_000_000, 'MXN'],
      [3, 'hospitals'],
      [120, 'health centers'],
      [350, 'specialist physicians'],
      [1_200_000, 'people'],
    ]);
  });

  it('reads a promise that starts on a date, resolving the missing year from the publication date', () => {
    const arrival = monterrey.extraction.commitments.find((c) => c.start);
    expect(arrival?.start).toMatchObject({ iso: '2025-06-01', precision: 'day' });
    const target = monterrey.extraction.figures.find((f) => arrival?.targets.includes(f.key));
    expect(target).toMatchObject({ value: 350, unit: 'specialist physicians' });
  });

  it('keeps "te puede interesar" links out of the facts', () => {
    expect(JSON.stringify(monterrey.extraction)).not.toContain('Apodaca');
  });

  it('cites spans of the file that read what was extracted', () => {
    const file = fixture('boletin-monterrey.md').toString('utf8');
    for (const e of monterrey.extraction.entities) for (const c of e.cites) expect([e.name, ...e.aliases]).toContain(file.slice(c.start, c.end));
    for (const f of monterrey.extraction.figures) expect(file.slice(f.cites[0]!.start, f.cites[0]!.end)).toMatch(/\d/);
  });
});

describe('extraction from a news item', () => {
  it('reads the deadline of a promise ("antes del 15 de diciembre")', () => {
    const c = oaxaca.extraction.commitments.find((x) => x.deadline);
    expect(c?.deadline).toMatchObject({ iso: '2025-12-15' });
    expect(oaxaca.extraction.figures.find((f) => c?.targets.includes(f.key))).toMatchObject({ value: 14, unit: 'health centers' });
  });

  it('resolves "el edil" and a surname-only quote attribution to the mayor', () => {
    const speakers = new Set(oaxaca.extraction.statements.map((s) => nameOf(oaxaca, s.speaker)));
    expect([...speakers]).toEqual(['Leopoldo Santibáñez Cruz']);
    expect(oaxaca.extraction.statements.some((s) => s.quote)).toBe(true);
  });

  it('reads a qualifier written before a figure', () => {
    expect(oaxaca.extraction.figures.find((f) => f.unit === 'people')).toMatchObject({ value: 60_000, qualifier: 'more than' });
  });

  it('reads the session and who was present', () => {
    const [session] = oaxaca.extraction.events;
    expect(session?.kind).toBe('session');
    expect(session?.participants.map((p) => nameOf(oaxaca, p.person)).sort()).toEqual(['Leopoldo Santibáñez Cruz', 'Marisol Vásquez Mendoza', 'Rubén Matus Ortiz']);
  });

  it('reads "Estado de México" at the start of a sentence as the state, not the country', () => {
    const x = extract(
      'breve.md',
      '---\npublished: 2025-02-03\n---\nEstado de México registró este lunes 20 casos nuevos, informó la secretaria de Salud estatal, Laura Ibarra Soto, en una conferencia de prensa.\n',
    );
    expect(names(x, 'Place')).toEqual(['Estado de México']);
  });

  it('names places as the gazetteer does ("Oax." is Oaxaca)', () => {
    expect(names(oaxaca, 'Place')).toEqual(['Oaxaca', 'Oaxaca de Juárez']);
  });
});

describe('names that tell two entities apart', () => {
  const text = (body: string) => `---\ntitle: Nota\npublished: 2025-03-10\n---\n${body}\n`;
  it('a ministry written with its state after "en" is that state\'s, apart from the federal one', () => {
    const x = extract('nota.txt', text('La Secretaría de Salud federal visitó la Secretaría de Salud en Durango para revisar el abasto.'));
    expect(names(x, 'Organization')).toEqual(['Secretaría de Salud', 'Secretaría de Salud de Durango']);
  });
  it("a governor's cabinet secretary heads the state's ministry, cited where the post is written", () => {
    const x = extract('nota.txt', text('El gobernador de Durango, Julián Ortega Ríos, acompañado por el secretario de Salud, Tomás Garibay Luna, firmó el convenio con el IMSS.'));
    const post = x.extraction.posts.find((p) => nameOf(x, p.person) === 'Tomás Garibay Luna')!;
    expect([post.role, nameOf(x, post.organization), nameOf(x, post.jurisdiction)]).toEqual(['Secretario de Salud', 'Secretaría de Salud de Durango', 'Durango']);
    const ministry = x.extraction.entities.find((e) => e.key === post.organization)!;
    expect(ministry.cites).toEqual(post.cites);
  });
  it("the items of a list of programs are programs, even one that bears a town's name", () => {
    const x = extract('nota.txt', text('La entidad tiene 90 mil becarios en distintos programas, incluyendo Benito Juárez y Jóvenes Sembrando Futuro, con una inversión de 300 millones de pesos.'));
    expect(names(x, 'Program')).toEqual(['Benito Juárez', 'Jóvenes Sembrando Futuro']);
    expect(names(x, 'Place')).toEqual([]);
  });
  it('a facility said to replace another is kept apart from it and paired with it for an editor', () => {
    const x = extract('nota.txt', text('El funcionario anunció el nuevo Hospital General de Zona en Durango, que sustituirá al antiguo hospital Doctor Santiago Ramón.'));
    const [pair, ...more] = x.extraction.lookalikes ?? [];
    expect(more).toEqual([]);
    expect([nameOf(x, pair!.a), nameOf(x, pair!.b)]).toEqual(['Hospital General de Zona en Durango', 'Hospital Doctor Santiago Ramón']);
    expect(pair!.evidence).toContain('sustituirá');
  });
});

describe('posts a profile or a list gives', () => {
  const text = (body: string) => `---\ntitle: Nota\npublished: 2025-03-10\n---\n${body}\n`;
  const posts = (x: Extracted) => x.extraction.posts.map((p) => [nameOf(x, p.person), p.role, nameOf(x, p.organization) ?? nameOf(x, p.jurisdiction), p.from?.iso ?? null, p.to?.iso ?? null]);
  it("a profile's past posts, with the years it gives, belong to the person the paragraph is about", () => {
    const x = extract(
      'nota.txt',
      text(
        '- Rebeca Salinas Ortiz será la nueva secretaria de Salud. Es médica por la UNAM. Fue directora del Instituto Nacional de Pediatría (2014-2020). En 2021 fue designada secretaria de Turismo por el presidente.',
      ),
    );
    expect(posts(x)).toEqual(
      expect.arrayContaining([
        ['Rebeca Salinas Ortiz', 'Directora', 'Instituto Nacional de Pediatría', '2014', '2020'],
        ['Rebeca Salinas Ortiz', 'Secretaria de Turismo', 'Gobierno de México', '2021', null],
      ]),
    );
  });
  it('a list of governors names the head of Ciudad de México by its own title', () => {
    const x = extract(
      'nota.txt',
      text(
        'Los mandatarios de los estados se reunieron con el presidente en la capital para firmar el acuerdo de salud con la Federación. Firmaron el acuerdo 3 gobernadores:\n\n- Rosa Ibarra Luna, Sonora\n- Julián Ortega Ríos, Ciudad de México\n- Marta Cruz Peña, Yucatán',
      ),
    );
    expect(posts(x)).toEqual(
      expect.arrayContaining([
        ['Julián Ortega Ríos', 'Jefe de Gobierno', 'Ciudad de México', null, null],
        ['Rosa Ibarra Luna', 'Gobernadora', 'Sonora', null, null],
      ]),
    );
  });
  it('a post given "as" someone belongs to the one appointed, not the one who appoints', () => {
    const x = extract('nota.txt', text('Tomás Garibay Luna fue designado por Lucía Fernández Ortega como el nuevo secretario de Turismo.'));
    expect(
      posts(x)
        .filter((p) => p[1] === 'Secretario de Turismo')
        .map((p) => p[0]),
    ).toEqual(['Tomás Garibay Luna']);
  });
});

describe('promises', () => {
  const text = (body: string) => `---\ntitle: Nota\npublished: 2025-03-10\n---\n${body}\n`;
  it('a list of works after a colon is one promise per work, beside the lead one', () => {
    const x = extract(
      'nota.txt',
      text(
        'El director general del ISSSTE, Tomás Garibay Luna, informó que este año iniciarán tres obras: el Hospital Regional de Alta Especialidad de Durango; la Clínica de Medicina Familiar de Mazatlán; y la nueva unidad médica del antiguo Hospital Doctor Santiago Ramón, que será demolido.',
      ),
    );
    const c = x.extraction.commitments;
    expect(c).toHaveLength(4);
    expect(c.slice(1).map((k) => k.concerns.map((e) => nameOf(x, e)).filter((n) => !['Durango', 'Mazatlán'].includes(n!)))).toEqual([
      ['Hospital Regional de Alta Especialidad de Durango'],
      ['Clínica de Medicina Familiar de Mazatlán'],
      ['Hospital Doctor Santiago Ramón'],
    ]);
    const makers = x.extraction.statements.filter((s) => c.some((k) => s.commitments.includes(k.key))).map((s) => nameOf(x, s.speaker));
    expect(new Set(makers)).toEqual(new Set(['Tomás Garibay Luna']));
  });
  it('works announced, and the promise of a governor who speaks with his cabinet beside him, are his', () => {
    const x = extract(
      'nota.txt',
      text(
        'El gobernador Julián Ortega Ríos, acompañado por la secretaria de Salud, Rebeca Salinas Ortiz, refrendó el compromiso de garantizar la atención médica gratuita. De manera adicional, Ortega Ríos anunció la construcción de una unidad de medicina familiar en Mazatlán.',
      ),
    );
    const byCommitment = x.extraction.commitments.map((k) => nameOf(x, x.extraction.statements.find((s) => s.commitments.includes(k.key))?.speaker ?? null));
    expect(byCommitment).toEqual(['Julián Ortega Ríos', 'Julián Ortega Ríos']);
  });
});

describe('names the NLP engine reads', () => {
  it('a name the engine labels a person less its last surname with a particle ("de la O") is that person, whole', async () => {
    const { prepare, extractPrepared } = await import('../../src/ingest/pipeline.js');
    const p = prepare(
      'nota.txt',
      '---\ntitle: Nota\npublished: 2025-03-10\n---\nTambién iba a ser presentado Tadeo Salgado de la O, como secretario de Turismo, aunque por agenda no pudo estar en el acto con los demás.\n',
    );
    const at = p.norm.text.indexOf('Tadeo Salgado');
    const x = extractPrepared(p, { persons: [{ start: at, end: at + 'Tadeo Salgado'.length }] });
    expect(names(x, 'Person')).toEqual(['Tadeo Salgado de la O']);
    expect(x.extraction.posts.map((q) => [nameOf(x, q.person), q.role])).toContainEqual(['Tadeo Salgado de la O', 'Secretario de Turismo']);
  });
});
