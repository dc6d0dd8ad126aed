import { describe, expect, it } from 'vitest';
import { findDates, type DateMention } from '../../src/text/dates.js';

/** Monday 20 May 2024. */
const PUB = '2024-05-20';

/** All date mentions, after checking that every span points at its own text. */
function dates(text: string, published: string | null = PUB): DateMention[] {
  const found = findDates(text, published);
  for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  return found;
}

function only(text: string, published: string | null = PUB): DateMention {
  const found = dates(text, published);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0]!;
}

const brief = (d: DateMention) => [d.text, d.iso, d.precision, d.inferred, d.role];

describe('findDates: written dates', () => {
  it('reads a full date', () => {
    const text = 'La presidenta municipal de Santa Inés, Lucía Ferrer, firmó el 12 de enero de 2024 el acuerdo.';
    const d = only(text);
    expect(d).toEqual({
      start: text.indexOf('12 de enero'),
      end: text.indexOf(' el acuerdo'),
      text: '12 de enero de 2024',
      iso: '2024-01-12',
      precision: 'day',
      inferred: false,
      note: null,
      role: 'point',
    });
  });

  it('reads "del" before the year, no "de", and capitals', () => {
    expect(brief(only('Fue el 3 de febrero del 2023.'))).toEqual(['3 de febrero del 2023', '2023-02-03', 'day', false, 'point']);
    expect(brief(only('Fue el 3 Febrero 2023.'))).toEqual(['3 Febrero 2023', '2023-02-03', 'day', false, 'point']);
    expect(only('Fue el 9 de Setiembre de 2022.').iso).toBe('2022-09-09');
  });

  it('keeps a leading weekday in the span and checks it', () => {
    expect(brief(only('Ixtapan, viernes 12 de enero de 2024.'))).toEqual(['viernes 12 de enero de 2024', '2024-01-12', 'day', false, 'point']);
    expect(only('Ixtapan, viernes 12 de enero de 2024.').note).toBeNull();
    expect(only('Ixtapan, lunes 12 de enero de 2024.').note).toMatch(/lunes.*another day of the week/);
    expect(only('Ixtapan, miércoles 17 de enero de 2024.').note).toBeNull();
  });

  it('reads ordinal first days: "1o. de mayo", "1º de julio", "1ro", "primero de"', () => {
    expect(brief(only('Desfile del 1o. de mayo de 2024.'))).toEqual(['1o. de mayo de 2024', '2024-05-01', 'day', false, 'point']);
    expect(brief(only('Entra en vigor el 1º de julio de 2024.'))).toEqual(['1º de julio de 2024', '2024-07-01', 'day', false, 'point']);
    expect(only('El 1ro de agosto de 2024.').iso).toBe('2024-08-01');
    expect(brief(only('El primero de junio de 2024.'))).toEqual(['primero de junio de 2024', '2024-06-01', 'day', false, 'point']);
  });

  it('reads numeric dates day-first', () => {
    expect(brief(only('Fecha: 15/05/2024.'))).toEqual(['15/05/2024', '2024-05-15', 'day', false, 'point']);
    expect(brief(only('Fecha: 03/04/2024.'))).toEqual(['03/04/2024', '2024-04-03', 'day', false, 'point']);
    expect(brief(only('Fecha: 2024-05-15.'))).toEqual(['2024-05-15', '2024-05-15', 'day', false, 'point']);
    expect(brief(only('Fecha: 15-05-2024.'))).toEqual(['15-05-2024', '2024-05-15', 'day', false, 'point']);
    expect(only('Fecha: 15/05/24.')).toMatchObject({ iso: '2024-05-15', note: 'two-digit year read as 2024' });
  });

  it('reads a numeric date month-first only when day-first is impossible', () => {
    expect(only('Fecha: 05/15/2024.')).toMatchObject({ iso: '2024-05-15', note: 'read month-first: day-first is not a calendar date' });
  });

  it('reads the citation forms "(2024, mayo 15)" and "mayo 15, 2024"', () => {
    expect(brief(only('Gaceta Municipal. (2024, mayo 15). Acuerdo.'))).toEqual(['2024, mayo 15', '2024-05-15', 'day', false, 'point']);
    expect(brief(only('Publicado mayo 15, 2024.'))).toEqual(['mayo 15, 2024', '2024-05-15', 'day', false, 'point']);
  });

  it('rejects impossible calendar dates', () => {
    expect(dates('El 31 de febrero de 2024 y el 30/02/2024.')).toEqual([]);
    expect(dates('El 29 de febrero de 2024.')).toHaveLength(1);
    expect(dates('El 29 de febrero de 2023.')).toEqual([]);
  });

  it('reads a day and an abbreviated month next to it', () => {
    expect(brief(only('Toluca\n17\nMay'))).toEqual(['17\nMay', '2024-05-17', 'day', true, 'point']);
    expect(only('Corte al 3 sept. 2023.').iso).toBe('2023-09-03');
  });

  it('keeps offsets right after accented and non-BMP characters', () => {
    const text = 'Señaló Íñigo Álvarez 🙂 que el 9 de abril de 2024 inició.';
    const d = only(text);
    expect(d.start).toBe(text.indexOf('9 de abril'));
    expect(d.text).toBe('9 de abril de 2024');
  });
});

describe('findDates: month and year precision', () => {
  it('reads a month with its year', () => {
    expect(brief(only('Se sumó en octubre de 2023 al sistema.'))).toEqual(['octubre de 2023', '2023-10', 'month', false, 'point']);
    expect(brief(only('Reporte de enero de 2024.'))).toEqual(['enero de 2024', '2024-01', 'month', false, 'point']);
    expect(brief(only('Reporte de enero 2024.'))).toEqual(['enero 2024', '2024-01', 'month', false, 'point']);
  });

  it('reads a year after "en", "durante", "desde"', () => {
    expect(brief(only('Se fundó en 2023.'))).toEqual(['2023', '2023', 'year', false, 'point']);
    expect(brief(only('Operó durante 2021.'))).toEqual(['2021', '2021', 'year', false, 'point']);
    expect(brief(only('Opera desde 2019.'))).toEqual(['2019', '2019', 'year', false, 'from']);
    expect(brief(only('Se fundó en el 2010.'))).toEqual(['2010', '2010', 'year', false, 'point']);
    expect(brief(only('El 2024 será distinto.'))).toEqual(['2024', '2024', 'year', false, 'point']);
    expect(dates('En los años 2020, 2021 y 2022.').map((d) => d.iso)).toEqual(['2020', '2021', '2022']);
  });

  it('does not read a bare number as a year', () => {
    expect(dates('Boletín No. 015/2024')).toEqual([]);
    expect(dates('Se atendieron 2024 personas.')).toEqual([]);
    expect(dates('Se instalaron en 2024 camas nuevas.')).toEqual([]);
    expect(dates('Un monto de 2,024 pesos y 12024 metros.')).toEqual([]);
    expect(dates('El Plan 2030 y la Agenda 2025.')).toEqual([]);
    expect(dates('Con 2023 mil pesos.')).toEqual([]);
  });

  it('reads "principios", "mediados", "finales" and keeps them in the span', () => {
    expect(only('Concluirá a finales de 2024.')).toMatchObject({ text: 'finales de 2024', iso: '2024', precision: 'year', role: 'point', note: 'end of the year' });
    expect(only('Concluirá hacia finales de 2024.')).toMatchObject({ text: 'finales de 2024', iso: '2024', precision: 'year', role: 'until' });
    expect(only('Inició a principios de marzo de 2024.')).toMatchObject({ text: 'principios de marzo de 2024', iso: '2024-03', precision: 'month', note: 'beginning of the month' });
    expect(only('Abrirá a mediados de 2025.')).toMatchObject({ iso: '2025', precision: 'year', note: 'middle of the year' });
  });

  it('reads a month alone after a preposition, year from publication', () => {
    expect(brief(only('Se entregará para diciembre.'))).toEqual(['diciembre', '2024-12', 'month', true, 'until']);
    expect(brief(only('Abrió en marzo.'))).toEqual(['marzo', '2024-03', 'month', true, 'point']);
    expect(brief(only('Opera desde febrero.'))).toEqual(['febrero', '2024-02', 'month', true, 'from']);
    expect(only('Cerrará a finales de junio.')).toMatchObject({ text: 'finales de junio', iso: '2024-06', precision: 'month', inferred: true });
  });

  it('does not read a month name without a preposition or a day', () => {
    expect(dates('La colonia Mayo y la Plaza Marzo.')).toEqual([]);
  });

  it('reads "de este año"', () => {
    expect(only('El 5 de mayo de este año.')).toMatchObject({ text: '5 de mayo de este año', iso: '2024-05-05', inferred: true });
    expect(only('En marzo de este año.')).toMatchObject({ text: 'marzo de este año', iso: '2024-03', precision: 'month', inferred: true });
  });
});

describe('findDates: year inferred from the publication date', () => {
  it('uses the publication year and says so', () => {
    const d = only('Se reunieron el 12 de enero en el ayuntamiento.');
    expect(brief(d)).toEqual(['12 de enero', '2024-01-12', 'day', true, 'point']);
    expect(d.note).toBe('year 2024 taken from the publication date (2024-05-20)');
  });

  it('takes the year before when the publication year puts the date more than six months ahead', () => {
    expect(only('Se reunieron el 15 de diciembre.').iso).toBe('2023-12-15');
    expect(only('Se reunieron el 15 de diciembre.').note).toMatch(/more than six months after publication/);
    expect(only('Se reunirán el 15 de noviembre.').iso).toBe('2024-11-15');
    expect(only('Fue el 20 de diciembre.', '2025-01-10').iso).toBe('2024-12-20');
    expect(only('Será el 20 de febrero.', '2025-01-10').iso).toBe('2025-02-20');
  });

  it('keeps "pasado" in the past and "próximo" in the future', () => {
    expect(only('Ocurrió el pasado 3 de junio.').iso).toBe('2023-06-03');
    expect(only('Ocurrió el 3 de junio pasado.').iso).toBe('2023-06-03');
    expect(only('Ocurrió el pasado 3 de mayo.').iso).toBe('2024-05-03');
    expect(only('Será el próximo 3 de marzo.', '2024-11-20').iso).toBe('2025-03-03');
    expect(only('Será el próximo 30 de mayo.').iso).toBe('2024-05-30');
  });

  it('moves a deadline far in the past to the next year', () => {
    expect(only('A más tardar el 15 de enero.', '2024-11-20')).toMatchObject({ iso: '2025-01-15', role: 'until' });
    expect(only('A más tardar el 21 de marzo.', '2024-01-09')).toMatchObject({ iso: '2024-03-21', role: 'until' });
  });

  it('returns nothing that needs a publication date when there is none', () => {
    expect(dates('El 12 de enero, ayer, este lunes y en marzo.', null)).toEqual([]);
    expect(brief(only('El 12 de enero de 2024.', null))).toEqual(['12 de enero de 2024', '2024-01-12', 'day', false, 'point']);
    expect(only('Desde 2019.', null).iso).toBe('2019');
  });

  it('treats a malformed publication date as none', () => {
    expect(dates('Ayer.', '20/05/2024')).toEqual([]);
    expect(dates('Ayer.', '2024-02-30')).toEqual([]);
  });
});

describe('findDates: relative days', () => {
  it.each([
    ['Lo anunció ayer.', 'ayer', '2024-05-19'],
    ['Lo anuncia hoy.', 'hoy', '2024-05-20'],
    ['Lo anunciará mañana.', 'mañana', '2024-05-21'],
    ['Lo anunció anteayer.', 'anteayer', '2024-05-18'],
    ['Lo anunciará pasado mañana.', 'pasado mañana', '2024-05-22'],
    ['Lo anunció anoche.', 'anoche', '2024-05-19'],
    ['Lo anunció esta mañana.', 'esta mañana', '2024-05-20'],
    ['Lo anunció el pasado martes.', 'pasado martes', '2024-05-14'],
    ['Lo anunció el martes pasado.', 'martes pasado', '2024-05-14'],
    ['Lo anunció el pasado lunes.', 'pasado lunes', '2024-05-13'],
    ['Lo anunció este lunes.', 'este lunes', '2024-05-20'],
    ['Lo anunciará este viernes.', 'este viernes', '2024-05-24'],
    ['Lo anunciará este domingo.', 'este domingo', '2024-05-26'],
    ['Lo anunciará el próximo viernes.', 'próximo viernes', '2024-05-24'],
    ['Lo anunciará el lunes próximo.', 'lunes próximo', '2024-05-27'],
    ['Lo anunció el pasado miércoles.', 'pasado miércoles', '2024-05-15'],
  ])('%s', (text, span, iso) => {
    const d = only(text);
    expect(d).toMatchObject({ text: span, iso, precision: 'day', inferred: true, role: 'point' });
    expect(d.note).toMatch(/publication date \(2024-05-20\)/);
  });

  it('counts "este <día>" within the publication week (Monday to Sunday)', () => {
    // Sunday 2024-05-26: "este lunes" is the Monday six days before
    expect(only('Lo dijo este lunes.', '2024-05-26').iso).toBe('2024-05-20');
  });

  it('reads "el año pasado", "este año", "el próximo año", "el mes pasado"', () => {
    expect(brief(only('Creció el año pasado.'))).toEqual(['año pasado', '2023', 'year', true, 'point']);
    expect(brief(only('Crecerá este año.'))).toEqual(['este año', '2024', 'year', true, 'point']);
    expect(brief(only('Crecerá el próximo año.'))).toEqual(['próximo año', '2025', 'year', true, 'point']);
    expect(brief(only('Creció el mes pasado.'))).toEqual(['mes pasado', '2024-04', 'month', true, 'point']);
    expect(only('Creció el mes pasado.', '2024-01-05').iso).toBe('2023-12');
  });

  it('does not read mornings, "hoy en día" or weekly habits as dates', () => {
    expect(dates('Por la mañana, de la mañana, cada mañana y una mañana.')).toEqual([]);
    expect(dates('Hoy en día y hoy día la salud importa.')).toEqual([]);
    expect(dates('Abre los lunes y los martes.')).toEqual([]);
  });

  it('reads a day of the month alone, "el pasado 3" and "el próximo día 28", against the publication date', () => {
    expect(brief(only('Se reunieron el pasado 3 con los alcaldes.'))).toEqual(['pasado 3', '2024-05-03', 'day', true, 'point']);
    expect(brief(only('El pasado 28, se reunieron.'))).toEqual(['pasado 28', '2024-04-28', 'day', true, 'point']);
    expect(brief(only('Se inaugurará el próximo día 28 en Toluca.'))).toEqual(['próximo día 28', '2024-05-28', 'day', true, 'point']);
    expect(only('Se inaugurará el próximo 15 en Toluca.').iso).toBe('2024-06-15');
    expect(only('Se reunieron el pasado 30 con los alcaldes.', '2024-05-02').iso).toBe('2024-04-30');
  });

  it('does not read a count after "el pasado" as a day', () => {
    expect(dates('Creció el pasado 3 por ciento y el pasado 3,5 %.')).toEqual([]);
    expect(brief(only('Fue el pasado 3 de mayo.'))).toEqual(['3 de mayo', '2024-05-03', 'day', true, 'point']);
  });

  it('gives a written date precedence over a relative weekday', () => {
    expect(brief(only('Fue el pasado martes 14 de mayo.'))).toEqual(['martes 14 de mayo', '2024-05-14', 'day', true, 'point']);
  });
});

describe('findDates: roles', () => {
  it.each([
    ['A partir del 16 de mayo llegan los médicos.', '16 de mayo', 'from'],
    ['Desde el 1 de marzo opera.', '1 de marzo', 'from'],
    ['A partir de este lunes abre.', 'este lunes', 'from'],
    ['Desde ayer opera.', 'ayer', 'from'],
    ['Desde el pasado 15 de mayo opera.', '15 de mayo', 'from'],
    ['Desde el pasado martes opera.', 'pasado martes', 'from'],
    ['A más tardar el 21 de marzo deberá concluir.', '21 de marzo', 'until'],
    ['Antes del 30 de junio se entregará.', '30 de junio', 'until'],
    ['Hasta el 31 de julio habrá registro.', '31 de julio', 'until'],
    ['Estará listo para el 15 de junio.', '15 de junio', 'until'],
    ['Se presentó el 2 de abril.', '2 de abril', 'point'],
  ])('%s', (text, span, role) => {
    expect(only(text)).toMatchObject({ text: span, role });
  });
});

describe('findDates: ranges and lists', () => {
  it('gives two mentions for "del 13 al 17 de mayo"', () => {
    const text = 'La jornada será del 13 al 17 de mayo en el Centro Cívico.';
    const found = dates(text);
    expect(found.map(brief)).toEqual([
      ['13', '2024-05-13', 'day', true, 'from'],
      ['17 de mayo', '2024-05-17', 'day', true, 'until'],
    ]);
    expect(found[0]!.note).toMatch(/month and year from the end of the range/);
  });

  it('takes a written year from the end of the range', () => {
    expect(dates('Del 13 al 17 de mayo de 2023.').map(brief)).toEqual([
      ['13', '2023-05-13', 'day', false, 'from'],
      ['17 de mayo de 2023', '2023-05-17', 'day', false, 'until'],
    ]);
    expect(dates('Del 28 de abril al 2 de mayo de 2023.').map(brief)).toEqual([
      ['28 de abril', '2023-04-28', 'day', false, 'from'],
      ['2 de mayo de 2023', '2023-05-02', 'day', false, 'until'],
    ]);
    expect(dates('Del 28 de diciembre al 3 de enero de 2024.').map(brief)).toEqual([
      ['28 de diciembre', '2023-12-28', 'day', false, 'from'],
      ['3 de enero de 2024', '2024-01-03', 'day', false, 'until'],
    ]);
  });

  it('puts the first day of "del 28 al 2 de mayo" in April', () => {
    expect(dates('Del 28 al 2 de mayo de 2024.').map(brief)).toEqual([
      ['28', '2024-04-28', 'day', false, 'from'],
      ['2 de mayo de 2024', '2024-05-02', 'day', false, 'until'],
    ]);
  });

  it('reads "entre el 3 y el 7 de junio" and "3-7 de junio" as ranges', () => {
    expect(dates('Entre el 3 y el 7 de junio.').map((d) => [d.text, d.iso, d.role])).toEqual([
      ['3', '2024-06-03', 'from'],
      ['7 de junio', '2024-06-07', 'until'],
    ]);
    expect(dates('Feria 3-7 de junio de 2024.').map((d) => [d.text, d.iso, d.role])).toEqual([
      ['3', '2024-06-03', 'from'],
      ['7 de junio de 2024', '2024-06-07', 'until'],
    ]);
  });

  it('gives one point per day for a list', () => {
    expect(dates('Los días 13, 14 y 15 de mayo de 2024.').map((d) => [d.text, d.iso, d.role])).toEqual([
      ['13', '2024-05-13', 'point'],
      ['14', '2024-05-14', 'point'],
      ['15 de mayo de 2024', '2024-05-15', 'point'],
    ]);
  });

  it('reads month and year ranges', () => {
    expect(dates('De enero a marzo de 2024 se atendió.').map(brief)).toEqual([
      ['enero', '2024-01', 'month', false, 'from'],
      ['marzo de 2024', '2024-03', 'month', false, 'until'],
    ]);
    expect(dates('De noviembre a febrero de 2024.').map((d) => d.iso)).toEqual(['2023-11', '2024-02']);
    expect(dates('De 2022 a 2023 se logró más.').map(brief)).toEqual([
      ['2022', '2022', 'year', false, 'from'],
      ['2023', '2023', 'year', false, 'until'],
    ]);
    expect(dates('Entre 2019 y 2021 creció.').map((d) => [d.iso, d.role])).toEqual([
      ['2019', 'from'],
      ['2021', 'until'],
    ]);
    expect(dates('El Plan Estatal 2019-2024.').map((d) => [d.text, d.role])).toEqual([
      ['2019', 'from'],
      ['2024', 'until'],
    ]);
  });

  it('links two written dates: "desde el 1 de marzo hasta el 30 de abril"', () => {
    expect(dates('Desde el 1 de marzo hasta el 30 de abril de 2024.').map((d) => [d.text, d.iso, d.role])).toEqual([
      ['1 de marzo', '2024-03-01', 'from'],
      ['30 de abril de 2024', '2024-04-30', 'until'],
    ]);
  });
});

describe('findDates: what is not a date', () => {
  it('leaves out times, counts and bulletin numbers', () => {
    expect(dates('A las 10:00 horas, de 8 a 15 horas.')).toEqual([]);
    expect(dates('Llegan 82 médicos y 325 especialistas a 26 hospitales.')).toEqual([]);
    expect(dates('Comunicado 015/2024 y oficio 12/2024.')).toEqual([]);
    expect(dates('Una inversión de 7,030 millones de pesos.')).toEqual([]);
  });

  it('finds every date of a small press release, in order', () => {
    const text = [
      'Boletín No. 044/2024',
      'San Bartolo, martes 14 de mayo de 2024.',
      'El alcalde de San Bartolo, Ernesto Valdivia, informó ayer que desde octubre de 2023 el hospital',
      'atiende a 1,200 pacientes y que a más tardar el 30 de junio abrirá 40 camas más.',
    ].join('\n');
    expect(dates(text, '2024-05-14').map(brief)).toEqual([
      ['martes 14 de mayo de 2024', '2024-05-14', 'day', false, 'point'],
      ['ayer', '2024-05-13', 'day', true, 'point'],
      ['octubre de 2023', '2023-10', 'month', false, 'from'],
      ['30 de junio', '2024-06-30', 'day', true, 'until'],
    ]);
  });
});
