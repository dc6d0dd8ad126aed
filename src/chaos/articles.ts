/**
 * Invented state-government bulletins for the concurrent-ingest phase: eight reports on one
 * hospital programme in Tlaxcala that name the same three officials and the same bodies, each
 * time in another form (full name, without the second surname, without accents, by surname
 * after a first mention), so that resolution has to join them whatever order they arrive in.
 * Plus one bulletin about other people, for the same-document-sent-four-times check.
 *
 * Every person, body and quotation here is made up; the places are real municipalities.
 */

export interface Bulletin {
  fileName: string;
  content: string;
}

interface Official {
  /** the name forms the bulletins use, the full one first */
  forms: string[];
  /** "el director general del ..." */
  post: string;
}

const DIRECTOR: Official = {
  forms: [
    'Eduardo Valtierra Monroy',
    'Eduardo Valtierra',
    'Eduardo Valtierra Monroy',
    'Eduardo Valtierra',
    'Eduardo Valtierra Monroy',
    'Eduardo Valtierra',
    'Eduardo Valtierra Monroy',
    'Eduardo Valtierra',
  ],
  post: 'el director general del Instituto Tlaxcalteca de Especialidades Médicas',
};
const SECRETARY: Official = {
  forms: ['Rocío Anaya Betancourt', 'Rocío Anaya', 'Rocio Anaya Betancourt', 'Rocío Anaya Betancourt', 'Rocío Anaya', 'Rocio Anaya Betancourt', 'Rocío Anaya Betancourt', 'Rocío Anaya'],
  post: 'la secretaria de Salud de Tlaxcala',
};
const MAYOR: Official = {
  forms: [
    'Fermín Ochoterena Galindo',
    'Fermín Ochoterena',
    'Fermin Ochoterena Galindo',
    'Fermín Ochoterena',
    'Fermín Ochoterena Galindo',
    'Fermin Ochoterena Galindo',
    'Fermín Ochoterena',
    'Fermín Ochoterena Galindo',
  ],
  post: 'el presidente municipal de Apizaco',
};

const INSTITUTE = ['Instituto Tlaxcalteca de Especialidades Médicas', 'Instituto Tlaxcalteca de Especialidades Medicas'];
const HOSPITAL = 'Hospital General de Apizaco';
const MONTH = 'agosto';

const surname = (form: string) => form.split(' ').slice(1).join(' ');

/** The i-th of the eight bulletins (0..7). */
function bulletin(i: number): Bulletin {
  const day = 4 + i * 2;
  const d = DIRECTOR.forms[i]!;
  const s = SECRETARY.forms[i]!;
  const m = MAYOR.forms[i]!;
  const inst = INSTITUTE[i % INSTITUTE.length]!;
  const beds = 30 + i * 6;
  const pesos = 120 + i * 15;
  const doctors = 18 + i * 3;
  const leads = [
    `${cap(DIRECTOR.post.replace(INSTITUTE[0]!, inst))}, ${d}, y ${SECRETARY.post}, ${s}, recorrieron las obras de ampliación del ${HOSPITAL}, donde se construye el área de urgencias.`,
    `Con la presencia ${MAYOR.post.replace(/^el /, 'del ')}, ${m}, ${SECRETARY.post}, ${s}, supervisó los trabajos de la nueva torre de hospitalización del ${HOSPITAL}.`,
    `${cap(SECRETARY.post)}, ${s}, encabezó una reunión de trabajo en el ${HOSPITAL} con ${DIRECTOR.post.replace(INSTITUTE[0]!, inst)}, ${d}, para revisar el abasto de medicamentos.`,
    `${cap(MAYOR.post)}, ${m}, y ${DIRECTOR.post.replace(INSTITUTE[0]!, inst)}, ${d}, firmaron un convenio de colaboración para el traslado de pacientes al ${HOSPITAL}.`,
  ];
  const lead = leads[i % leads.length]!;
  const body = [
    `Apizaco, Tlaxcala, ${day} de ${MONTH} de 2025.`,
    lead,
    // after the first mention, by surname alone in every other bulletin
    `En su mensaje, ${i % 2 ? surname(DIRECTOR.forms[0]!) : d} informó que el ${inst} destinará ${pesos} millones de pesos a la obra, que sumará ${beds} camas censables.`,
    `Por su parte, ${s} detalló que a partir del 1 de octubre de 2025 llegarán ${doctors} médicos especialistas a la región.`,
    `"Queremos que las familias de Apizaco reciban atención sin salir de su municipio", expresó el alcalde ${m}.`,
    `El ${inst} se comprometió a concluir la ampliación antes del 15 de diciembre de 2025.`,
    `Boletín ${String(140 + i).padStart(3, '0')}/2025`,
  ];
  const front = [
    '---',
    `title: "Avanza la ampliación del ${HOSPITAL} (${i + 1})"`,
    'publisher: Coordinación de Comunicación Social de Tlaxcala (sintético)',
    `published: 2025-08-${String(day).padStart(2, '0')}`,
    '---',
  ];
  return { fileName: `chaos-bulletin-${i + 1}.md`, content: `${front.join('\n')}\n${body.join('\n\n')}\n` };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The eight bulletins naming the same people in different forms. */
export function sameOfficialsBulletins(): Bulletin[] {
  return Array.from({ length: 8 }, (_, i) => bulletin(i));
}

/** A bulletin about other people, for sending one document several times at once. */
export function repeatedBulletin(): Bulletin {
  const front = ['---', 'title: "Inauguran centro de salud en Huamantla"', 'publisher: Coordinación de Comunicación Social de Tlaxcala (sintético)', 'published: 2025-09-02', '---'];
  const body = [
    'Huamantla, Tlaxcala, 2 de septiembre de 2025.',
    'La presidenta municipal de Huamantla, Griselda Oropeza Landa, y el coordinador estatal de Salud Comunitaria, Baltasar Quiñones Ferrer, inauguraron el Centro de Salud Comunitario La Soledad, que atenderá a 12 mil habitantes.',
    'Quiñones Ferrer informó que la unidad contará con 6 consultorios y un laboratorio clínico, con una inversión de 48 millones de pesos.',
    '"Este centro acerca la consulta a las comunidades más alejadas", afirmó Oropeza Landa.',
    'La alcaldesa se comprometió a que antes del 30 de noviembre de 2025 quedará pavimentado el camino de acceso.',
  ];
  return { fileName: 'chaos-bulletin-repeated.md', content: `${front.join('\n')}\n${body.join('\n\n')}\n` };
}
