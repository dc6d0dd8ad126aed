import { describe, expect, it } from 'vitest';
import { findQuantities, parseSpanishNumber, type Quantity } from '../../src/text/numbers.js';

/** All quantities of a text, after checking that every span points at its own text. */
function quantities(text: string): Quantity[] {
  const found = findQuantities(text);
  for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
  return found;
}

/** The only quantity of a text. */
function only(text: string): Quantity {
  const found = quantities(text);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0]!;
}

describe('parseSpanishNumber', () => {
  it.each([
    ['mil 280', 1280],
    ['mil 203', 1203],
    ['9 millones 161 mil 742', 9_161_742],
    ['103 mil 714 millones', 103_714_000_000],
    ['7,030 millones', 7_030_000_000],
    ['11,455 millones', 11_455_000_000],
    ['53.2 millones', 53_200_000],
    ['4.8 millones', 4_800_000],
    ['9.1 millones', 9_100_000],
    ['1,203', 1203],
    ['1,234,567', 1_234_567],
    ['37 mil 140', 37_140],
    ['13 mil 968', 13_968],
    ['1.5 mil millones', 1_500_000_000],
    ['250 millones', 250_000_000],
    ['mil', 1000],
    ['mil millones', 1_000_000_000],
    ['un millón', 1_000_000],
    ['dos millones', 2_000_000],
    ['medio millón', 500_000],
    ['3 billones', 3_000_000_000_000],
    ['82', 82],
    ['0.5', 0.5],
  ])('%s = %d', (s, value) => {
    expect(parseSpanishNumber(s)).toBe(value);
  });

  it.each([
    ['uno', 1],
    ['dos', 2],
    ['diez', 10],
    ['quince', 15],
    ['dieciséis', 16],
    ['dieciseis', 16],
    ['veinte', 20],
    ['veintidós', 22],
    ['treinta y dos', 32],
    ['cien', 100],
    ['ciento veinte', 120],
    ['doscientos', 200],
    ['doscientas cincuenta', 250],
    ['quinientos treinta y siete', 537],
    ['dos mil', 2000],
    ['tres mil quinientos', 3500],
    ['cuarenta mil', 40_000],
    ['Diez Mil', 10_000],
  ])('number words: %s = %d', (s, value) => {
    expect(parseSpanishNumber(s)).toBe(value);
  });

  it('reads comma as the thousands separator and dot as the decimal point (Mexican usage)', () => {
    expect(parseSpanishNumber('7,030')).toBe(7030);
    expect(parseSpanishNumber('7.030')).toBe(7.03);
    expect(parseSpanishNumber('1,250.75')).toBe(1250.75);
  });

  it('refuses anything that is not a numeral alone', () => {
    expect(parseSpanishNumber('')).toBeNull();
    expect(parseSpanishNumber('médicos')).toBeNull();
    expect(parseSpanishNumber('59%')).toBeNull();
    expect(parseSpanishNumber('250 millones de pesos')).toBeNull();
    expect(parseSpanishNumber('$250')).toBeNull();
    expect(parseSpanishNumber('2022 2023')).toBeNull();
    expect(parseSpanishNumber('cien dos')).toBeNull();
    expect(parseSpanishNumber('mil y')).toBeNull();
  });
});

describe('findQuantities: numerals in running text', () => {
  it('reads a count with comma thousands and what it counts', () => {
    const text = 'La alcaldesa de San Jerónimo, Rosa Iturbide, informó que 1,150 médicos llegarán este mes.';
    const q = only(text);
    expect(q).toMatchObject({ text: '1,150 médicos', value: 1150, unit: 'physicians', counted: 'médicos', qualifier: null, changePercent: null });
    expect(q.start).toBe(text.indexOf('1,150'));
  });

  it('reads "mil 280" and "mil 203" as single numbers', () => {
    const found = quantities('El gobierno de Valle Alto recibirá mil 280 unidades médicas, de las cuales mil 203 son centros de salud.');
    expect(found.map((q) => [q.text, q.value, q.unit, q.counted])).toEqual([
      ['mil 280 unidades médicas', 1280, 'medical units', 'unidades médicas'],
      ['mil 203', 1203, 'count', null],
    ]);
  });

  it('reads "9 millones 161 mil 742" with its people', () => {
    const q = only('El esquema protegerá a 9 millones 161 mil 742 habitantes sin afiliación.');
    expect(q).toMatchObject({ text: '9 millones 161 mil 742 habitantes', value: 9_161_742, unit: 'people', counted: 'habitantes' });
  });

  it('reads "103 mil 714 millones de pesos" as pesos', () => {
    const q = only('El secretario Tomás Arreola anunció una bolsa de 103 mil 714 millones de pesos.');
    expect(q).toMatchObject({ text: '103 mil 714 millones de pesos', value: 103_714_000_000, unit: 'MXN', counted: null });
  });

  it('reads decimals with a multiplier', () => {
    expect(only('Cubrirá a 53.2 millones de personas.')).toMatchObject({ value: 53_200_000, unit: 'people', counted: 'personas', text: '53.2 millones de personas' });
    expect(only('Se destinaron 4.8 millones de pesos.')).toMatchObject({ value: 4_800_000, unit: 'MXN', text: '4.8 millones de pesos' });
    expect(only('Una obra de 1.5 mil millones de pesos.')).toMatchObject({ value: 1_500_000_000, unit: 'MXN' });
  });

  it('reads a decimal point typed with a space after it ("53. 2 millones"), and nothing else across ". "', () => {
    expect(only('Atenderá en la región a 41. 6 millones de personas sin seguridad social.')).toMatchObject({ value: 41_600_000, unit: 'people', text: '41. 6 millones de personas' });
    expect(findQuantities('Se entregaron 12 ambulancias. 3 hospitales más abrirán.').map((q) => q.value)).toEqual([12, 3]);
  });

  it('reads comma-grouped millions of pesos', () => {
    expect(only('Con una inversión de 7,030 millones de pesos se rehabilitan clínicas.')).toMatchObject({ value: 7_030_000_000, unit: 'MXN', text: '7,030 millones de pesos' });
  });

  it('reads number words', () => {
    expect(only('Llegaron dos ambulancias.')).toMatchObject({ value: 2, unit: 'ambulances', counted: 'ambulancias', text: 'dos ambulancias' });
    expect(only('Se abrirán diez clínicas.')).toMatchObject({ value: 10, unit: 'clinics' });
    expect(only('Veinte municipios firmaron.')).toMatchObject({ value: 20, unit: 'municipalities', counted: 'municipios', text: 'Veinte municipios' });
    expect(only('Hay cien camas nuevas.')).toMatchObject({ value: 100, unit: 'hospital beds', counted: 'camas nuevas' });
    expect(only('Se contrataron doscientos enfermeros.')).toMatchObject({ value: 200, unit: 'nurses' });
    expect(only('Se vacunó a un millón de niños.')).toMatchObject({ value: 1_000_000, unit: 'children', text: 'un millón de niños' });
    expect(only('Asistieron mil personas.')).toMatchObject({ value: 1000, unit: 'people' });
    expect(only('Faltan treinta y cinco plazas.')).toMatchObject({ value: 35, unit: 'positions', text: 'treinta y cinco plazas' });
  });

  it('does not count articles and pronouns ("un", "una", "uno")', () => {
    expect(quantities('Fue un logro y una meta; uno de los directores lo dijo.')).toEqual([]);
    expect(quantities('Se trata de millones de personas.')).toEqual([]);
    expect(quantities('Miles de personas asistieron.')).toEqual([]);
  });

  it('returns quantities in text order with exact offsets', () => {
    const text = 'En Río Claro hay 12 hospitales, 340 camas y 25 quirófanos.';
    const found = quantities(text);
    expect(found.map((q) => [q.start, q.end, q.text])).toEqual([
      [17, 30, '12 hospitales'],
      [32, 41, '340 camas'],
      [44, 57, '25 quirófanos'],
    ]);
  });

  it('keeps offsets right after accented and non-BMP characters', () => {
    const text = 'Según Ángel Muñoz 😀, la región tendrá 48 consultorios.';
    const q = only(text);
    expect(q.text).toBe('48 consultorios');
    expect(q.start).toBe(text.indexOf('48'));
  });
});

describe('findQuantities: money', () => {
  it('reads "$" as Mexican pesos', () => {
    expect(only('La presa costará $250 millones.')).toMatchObject({ text: '$250 millones', value: 250_000_000, unit: 'MXN', counted: null });
    expect(only('Un apoyo de $ 1,500 por familia.')).toMatchObject({ text: '$ 1,500', value: 1500, unit: 'MXN' });
  });

  it('reads pesos written out', () => {
    expect(only('Se asignaron 250 millones de pesos.')).toMatchObject({ text: '250 millones de pesos', value: 250_000_000, unit: 'MXN' });
    expect(only('Cada beca es de 3 mil pesos mensuales.')).toMatchObject({ text: '3 mil pesos', value: 3000, unit: 'MXN', counted: null });
    expect(only('El dinero, 900 mil pesos, llegó.')).toMatchObject({ value: 900_000, unit: 'MXN' });
  });

  it('reads "mdp" as millions of pesos and "mdd" as millions of dollars', () => {
    expect(only('Un presupuesto de 35 mdp para caminos.')).toMatchObject({ text: '35 mdp', value: 35_000_000, unit: 'MXN' });
    expect(only('Una planta de 2.5 mdd.')).toMatchObject({ value: 2_500_000, unit: 'USD' });
    expect(only('Una deuda de 4 mmdp.')).toMatchObject({ value: 4_000_000_000, unit: 'MXN' });
  });

  it('reads dollars', () => {
    expect(only('Un crédito de 40 millones de dólares.')).toMatchObject({ text: '40 millones de dólares', value: 40_000_000, unit: 'USD' });
    expect(only('Un crédito de USD 12 millones.')).toMatchObject({ text: 'USD 12 millones', value: 12_000_000, unit: 'USD' });
    expect(only('Costó 300 dólares.')).toMatchObject({ value: 300, unit: 'USD' });
    expect(only('Se pagaron $8 millones de dólares.')).toMatchObject({ value: 8_000_000, unit: 'USD' });
  });

  it('does not read "de pesos" after a bare number', () => {
    expect(only('Hubo 12 de pesos altos.')).toMatchObject({ value: 12, unit: 'count', counted: null });
  });
});

describe('findQuantities: percentages', () => {
  it('reads "por ciento" and "%"', () => {
    expect(only('La cobertura llegó a 59 por ciento.')).toMatchObject({ text: '59 por ciento', value: 59, unit: 'percent', counted: null });
    expect(only('La cobertura llegó a 59%.')).toMatchObject({ text: '59%', value: 59, unit: 'percent' });
    expect(only('Un avance del 96 %.')).toMatchObject({ text: '96 %', value: 96, unit: 'percent' });
    expect(only('Un avance de 12.5 por ciento.')).toMatchObject({ value: 12.5, unit: 'percent' });
    expect(only('Subió 3 puntos porcentuales.')).toMatchObject({ value: 3, unit: 'percentage points' });
  });

  it('emits a percentage that is not the change of a quantity', () => {
    expect(only('La productividad aumentó 26% en la región.')).toMatchObject({ value: 26, unit: 'percent', changePercent: null });
  });
});

describe('findQuantities: changes attached to the quantity before them', () => {
  it('attaches "un incremento de N por ciento"', () => {
    const q = only('Se dieron 442 mil 420 consultas de especialidad, un incremento de 59 por ciento.');
    expect(q).toMatchObject({ value: 442_420, unit: 'specialty consultations', counted: 'consultas de especialidad', changePercent: 59 });
  });

  it('attaches after "lo que representó" and across markdown emphasis', () => {
    const q = only('Se otorgaron 5 mil 210 **consultas de especialidad**, lo que representó un aumento de 14 por ciento en Villa Nueva.');
    expect(q).toMatchObject({ value: 5210, counted: 'consultas de especialidad', changePercent: 14 });
  });

  it('attaches "con un aumento del", "que representan un aumento de la productividad del"', () => {
    const found = quantities('Se hicieron 8 mil 15 cirugías, que representan un aumento de la productividad del 21 por ciento; y 3 mil 2 partos, con un aumento del 7 por ciento.');
    expect(found.map((q) => [q.value, q.unit, q.changePercent])).toEqual([
      [8015, 'surgeries', 21],
      [3002, 'births', 7],
    ]);
  });

  it('attaches verbs: "aumentó", "creció", "se redujo" (negative)', () => {
    expect(only('Atendieron 900 partos y aumentó 26%.')).toMatchObject({ value: 900, changePercent: 26 });
    expect(only('Hay 300 plazas, que crecieron 38 por ciento.')).toMatchObject({ value: 300, changePercent: 38 });
    expect(only('Quedan 40 vacantes, una reducción de 12 por ciento.')).toMatchObject({ value: 40, changePercent: -12 });
    // a new clause in between: the percentage stands alone
    expect(quantities('Se registraron 15 mil consultas; la cifra se redujo en un 5%.').map((q) => [q.value, q.unit, q.changePercent])).toEqual([
      [15_000, 'consultations', null],
      [5, 'percent', null],
    ]);
  });

  it('does not attach across a sentence', () => {
    const found = quantities('Hay 300 plazas. Un incremento de 10 por ciento se espera.');
    expect(found.map((q) => [q.value, q.unit, q.changePercent])).toEqual([
      [300, 'positions', null],
      [10, 'percent', null],
    ]);
  });
});

describe('findQuantities: qualifiers', () => {
  it.each([
    ['Invirtió más de 500 millones de pesos.', 'more than'],
    ['Invirtió poco más de 500 millones de pesos.', 'more than'],
    ['La inversión supera los 500 millones de pesos.', 'more than'],
    ['Atendió alrededor de 500 personas.', 'about'],
    ['Atendió cerca de 500 personas.', 'about'],
    ['Atendió aproximadamente 500 personas.', 'about'],
    ['Atendió a unos 500 pacientes.', 'about'],
    ['Atendió casi 500 personas.', 'almost'],
    ['Atenderá hasta 500 personas.', 'up to'],
    ['Atenderá al menos 500 personas.', 'at least'],
    ['Atenderá por lo menos 500 personas.', 'at least'],
    ['Atenderá menos de 500 personas.', 'less than'],
    ['Atenderá a 500 personas.', null],
  ])('%s → %s', (text, qualifier) => {
    expect(only(text).qualifier).toBe(qualifier);
  });

  it('keeps the qualifier out of the span', () => {
    const q = only('Llegaron más de $90 millones.');
    expect(q.text).toBe('$90 millones');
    expect(q.qualifier).toBe('more than');
  });

  it('reads "casi un millón"', () => {
    expect(only('Se vacunó a casi un millón de personas.')).toMatchObject({ value: 1_000_000, qualifier: 'almost', unit: 'people' });
  });
});

describe('findQuantities: what is counted', () => {
  it.each([
    ['Llegaron 82 médicos generales a la sierra.', 'médicos generales', 'general physicians'],
    ['Llegaron 325 médicos especialistas en total.', 'médicos especialistas', 'specialist physicians'],
    ['Llegaron 325 especialistas.', 'especialistas', 'specialist physicians'],
    ['Llegaron 90 enfermeras.', 'enfermeras', 'nurses'],
    ['Hay 4 mil 297 camas hospitalarias.', 'camas hospitalarias', 'hospital beds'],
    ['Hay 4 mil 226 consultorios.', 'consultorios', 'consulting rooms'],
    ['Se suman 61 Centros de Salud.', 'centros de salud', 'health centers'],
    ['Se suman 77 hospitales de segundo y tercer nivel, según el informe.', 'hospitales de segundo y tercer nivel', 'hospitals'],
    ['Se suman 26 hospitales básicos y comunitarios.', 'hospitales básicos y comunitarios', 'hospitals'],
    ['Firmaron 23 estados.', 'estados', 'states'],
    ['Firmaron 32 entidades federativas.', 'entidades federativas', 'states'],
    ['Participan 125 municipios.', 'municipios', 'municipalities'],
    ['Se dieron 337 mil 627 consultas de medicina familiar.', 'consultas de medicina familiar', 'family medicine consultations'],
    ['Se hicieron 67 mil 882 cirugías.', 'cirugías', 'surgeries'],
    ['Se atendieron 29 mil 594 partos.', 'partos', 'births'],
    ['Se basificaron 37,140 trabajadores.', 'trabajadores', 'workers'],
    ['Se abrieron 500 plazas.', 'plazas', 'positions'],
    ['Benefició a 9 mil derechohabientes.', 'derechohabientes', 'people'],
    ['Benefició a 9 mil mexiquenses.', 'mexiquenses', 'people'],
    ['Benefició a 12 mil beneficiarios.', 'beneficiarios', 'people'],
    ['Se instalaron 82 nuevos consultorios.', 'nuevos consultorios', 'consulting rooms'],
    ['Se pintaron 14 bardas perimetrales.', 'bardas perimetrales', 'count'],
  ])('%s', (text, counted, unit) => {
    expect(only(text)).toMatchObject({ counted, unit });
  });

  it('stops at a preposition, a relative pronoun, a verb, punctuation or a second number', () => {
    const found = quantities('Llegan 82 médicos generales a 61 centros de salud, además de 325 especialistas en 26 hospitales que operan hoy; 10 hospitales quedaron inconclusos.');
    expect(found.map((q) => q.counted)).toEqual(['médicos generales', 'centros de salud', 'especialistas', 'hospitales', 'hospitales']);
  });

  it('splits "médicos y 300 enfermeras" into two quantities', () => {
    const found = quantities('Contrató 1,150 médicos y 300 enfermeras.');
    expect(found.map((q) => [q.value, q.counted, q.unit])).toEqual([
      [1150, 'médicos', 'physicians'],
      [300, 'enfermeras', 'nurses'],
    ]);
  });

  it('does not join a new subject with "y"', () => {
    expect(only('Apoya a menores de 65 años y rehabilitación.')).toMatchObject({ counted: 'años', unit: 'years' });
  });

  it('skips "de" after millón/millones', () => {
    expect(only('Protege a 9.1 millones de personas sin seguridad social.')).toMatchObject({ text: '9.1 millones de personas', counted: 'personas', unit: 'people' });
  });

  it('gives counted null and unit "count" for a bare number', () => {
    expect(only('Los 15, según el informe.')).toMatchObject({ value: 15, unit: 'count', counted: null });
    expect(only('Son 80 de cada grupo.')).toMatchObject({ value: 80, counted: null });
  });
});

describe('findQuantities: ranges', () => {
  it('gives the first number of a range the unit of the second', () => {
    const found = quantities('Entre 20 y 30 por ciento de las clínicas.');
    expect(found.map((q) => [q.text, q.value, q.unit])).toEqual([
      ['20', 20, 'percent'],
      ['30 por ciento', 30, 'percent'],
    ]);
  });

  it('and its multiplier: "de 3 a 5 millones de personas"', () => {
    const found = quantities('Atenderá de 3 a 5 millones de personas.');
    expect(found.map((q) => [q.value, q.unit, q.counted])).toEqual([
      [3_000_000, 'people', 'personas'],
      [5_000_000, 'people', 'personas'],
    ]);
  });
});

describe('findQuantities: what is not a quantity', () => {
  it('leaves out years', () => {
    expect(quantities('En 2024 y desde 2019; de 2022 a 2023 se trabajó.')).toEqual([]);
    expect(quantities('El plan 2019-2024 concluye.')).toEqual([]);
  });

  it('keeps a four-digit number that counts a known noun', () => {
    expect(only('Se instalaron 2024 camas.')).toMatchObject({ value: 2024, unit: 'hospital beds' });
  });

  it('leaves out days of the month', () => {
    expect(quantities('A partir del 16 de mayo cambia el horario.')).toEqual([]);
    expect(quantities('El 1 de marzo, el 2 de abril y el 31 de diciembre.')).toEqual([]);
    expect(quantities('Del 13 al 17 de mayo habrá jornada.')).toEqual([]);
    expect(quantities('Los días 13, 14 y 15 de junio.')).toEqual([]);
    expect(quantities('Publicado (2024, mayo 15).')).toEqual([]);
    expect(quantities('El viernes 12 se reunieron.')).toEqual([]);
    expect(quantities('Toluca, 17\nMay')).toEqual([]);
    expect(quantities('El dos de febrero.')).toEqual([]);
  });

  it('still counts a number followed by "de" and no month', () => {
    expect(only('Llegaron 16 de ellas.')).toMatchObject({ value: 16, counted: null });
  });

  it('leaves out dates written with digits', () => {
    expect(quantities('Fecha: 15/05/2024, o 2024-05-15, o 15-05-2024.')).toEqual([]);
  });

  it('leaves out bulletin, article and identifier numbers', () => {
    expect(quantities('Boletín No. 015/2024')).toEqual([]);
    expect(quantities('Comunicado 027/2023')).toEqual([]);
    expect(quantities('Según el artículo 57 y la fracción 3 de la ley.')).toEqual([]);
    expect(quantities('Oficio núm. 1234 de la dirección.')).toEqual([]);
    expect(quantities('Código postal: C.P. 50000')).toEqual([]);
    expect(quantities('El folio 00123 quedó registrado.')).toEqual([]);
  });

  it('leaves out times', () => {
    expect(quantities('La reunión fue a las 10:30 horas.')).toEqual([]);
    expect(quantities('Abre a las 9 y cierra a las 18 horas.')).toEqual([]);
    expect(quantities('Desde las 8 horas hubo fila.')).toEqual([]);
  });

  it('leaves out phone numbers', () => {
    expect(quantities('Informes al 55 1234 5678.')).toEqual([]);
    expect(quantities('Llame al (722) 276-1000 o al 800-123-4567.')).toEqual([]);
    expect(quantities('Tel. 7222761000')).toEqual([]);
    expect(quantities('Whatsapp: 55 5555 1234')).toEqual([]);
  });

  it('leaves out ordinals and codes', () => {
    expect(quantities('El 1o. de mayo y el 1º de julio.')).toEqual([]);
    expect(quantities('Quedó en 3er lugar, el 2o. informe y la 5a. sesión.')).toEqual([]);
    expect(quantities('COVID-19, el G20 y la línea 12.')).toEqual([]);
    expect(quantities('Hizo 25°C.')).toEqual([]);
  });

  it('leaves out comma-decimal and other doubtful digit groups', () => {
    expect(quantities('Valor 12,5 registrado.')).toEqual([]);
  });

  it('still finds the real quantities around the excluded numbers', () => {
    const text = 'Boletín No. 031/2024. Villa Encino, 16 de mayo de 2024. A partir del 16 de mayo, 82 médicos atenderán; informes al 55 1234 5678 a las 10 horas.';
    expect(quantities(text).map((q) => q.text)).toEqual(['82 médicos']);
  });
});
