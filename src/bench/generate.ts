/**
 * Synthetic graphs at scale, for the benchmarks: `npm run generate -- --scale N [--seed S]`.
 *
 * API (small on purpose):
 *
 *   generateGraph(options): Iterable<GraphBatch>
 *     Streams a graph of about `scale` nodes as chunks of about `chunkNodes` nodes (default 5,000),
 *     each a batch that `writeBatch` accepts on its own once the chunks before it are written
 *     (every relationship's ends and every cited document are in that chunk or an earlier one).
 *     Deterministic: same options, same chunks. Only the entity pools (people, bodies, places,
 *     facilities, programs: about 15% of the nodes, as compact records) and the commitment
 *     summaries stay in memory; facts and documents are made chunk by chunk.
 *   planGraph(scale): the node counts aimed at, by kind (the generated counts come close).
 *   writeGenerated(db, options, onChunk?): writes the chunks, one write transaction each, and
 *     returns counts and timings (GenerateStats). Each chunk goes through writeChunk: CREATE
 *     queries (cypher/write/generate-*.cypher) giving the same labels, properties and
 *     SOURCED_FROM links as the ingestion's writeBatch, several times faster than its MERGEs on
 *     a fresh graph; `via: 'writeBatch'` uses writeBatch instead, for comparison.
 *   sampleArguments(db, count): realistic arguments for benchmark queries read back from a
 *     database (generated or not): heavy and light participants, events, facilities, places,
 *     date ranges, accent-less partial names, pairs of people connected within 4 hops, figure
 *     metrics. Queries: cypher/bench/*.cypher.
 *
 * What a graph holds, in the real graph's labels, properties, relationships and citations:
 *   - places nested country > states > municipalities > localities (the 32 states and the
 *     gazetteer's municipalities first, then invented localities);
 *   - bodies nested in each other (federal and state governments, secretariats, directorates,
 *     departments; town councils governing their municipality);
 *   - facilities located in places and operated by bodies; programs run by bodies;
 *   - people with Spanish names (given names and two surnames, accents included) and aliases
 *     (short forms, accent-less spellings), each holding 1 to 6 posts over the years, one after
 *     the other (from/to dates at day, month or year precision; the last one often still open);
 *   - events in places and facilities, whose participants follow a Zipf-like law (a few people
 *     attend a large share of them), involving bodies and programs;
 *   - statements by participants at those events (or press releases), about entities, reporting
 *     figures and making or repeating commitments (COMMITS makes/repeats);
 *   - figures: several reports of one measure (metric + subject) across documents, most
 *     agreeing, some rounded ("9.1 millones"), a few disagreeing;
 *   - documents whose `text` holds a Spanish sentence for every fact and entity they support:
 *     every node (and relationship) cites `document:<file>@start:end` spans of those texts, so
 *     excerpts read real sentences; some documents cite earlier ones (CITES).
 */
import { createHash } from 'node:crypto';
import { citationKey } from '../domain/citation.js';
import type { DatePrecision, FuzzyDate } from '../domain/dates.js';
import { foldName, slugify } from '../domain/names.js';
import { ENTITY_KINDS, nodeId, type GraphBatch, type NodeKind, type NodeRecord, type PropValue, type RelRecord, type RelType } from '../domain/model.js';
import type { Db, WriteTx } from '../graph/db.js';
import { committingCandidates, writeBatch } from '../graph/writer.js';
import { loadGazetteer } from '../ingest/gazetteer.js';
import { dateProps } from '../graph/date-storage.js';
import { mulberry32 } from './articles.js';

export interface GenerateOptions {
  /** about how many nodes to make */
  scale: number;
  /** PRNG seed (default 1) */
  seed?: number;
  /** about how many nodes per chunk, i.e. per write transaction (default 5,000) */
  chunkNodes?: number;
}

// ---------------------------------------------------------------------------------------------
// Proportions.

/** Share of the nodes of each kind. Posts, commitments, figures and documents follow from the rest. */
const SHARES: Record<NodeKind, number> = {
  Person: 0.09,
  Organization: 0.02,
  Place: 0.015,
  Facility: 0.02,
  Program: 0.005,
  Post: 0.2, // 1 to 6 per person, about 2.2 on average
  Event: 0.09,
  Statement: 0.24, // about 2.7 per event, a fifth of them outside events
  Commitment: 0.06, // a quarter of the statements make one, a fifth repeat one
  Figure: 0.18, // about 0.75 per statement
  Document: 0.08, // about 9 sentences each
};

/** The node counts aimed at for a scale (the generator lands within a few percent). */
export function planGraph(scale: number): Record<NodeKind, number> {
  const out = {} as Record<NodeKind, number>;
  for (const [k, share] of Object.entries(SHARES) as [NodeKind, number][]) out[k] = Math.max(1, Math.round(scale * share));
  out.Place = Math.max(out.Place, 34); // the country, the 32 states, one municipality
  out.Organization = Math.max(out.Organization, 8);
  out.Person = Math.max(out.Person, 10);
  out.Event = Math.max(out.Event, 5);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Randomness: one seeded stream, consumed in a fixed order.

type Rng = () => number;

class Random {
  readonly next: Rng;
  constructor(seed: number) {
    this.next = mulberry32((seed * 2654435761) ^ 0x9e3779b9);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** index drawn with the given (unnormalized) weights */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
    return weights.length - 1;
  }
}

/** Zipf-Mandelbrot over ranks 0..n-1: weight 1/(rank+q)^s. A few ranks take a large share. */
class Zipf {
  private readonly cdf: Float64Array;
  constructor(n: number, s = 1.05, q = 2) {
    this.cdf = new Float64Array(n);
    let acc = 0;
    for (let r = 0; r < n; r++) this.cdf[r] = acc += 1 / Math.pow(r + 1 + q, s);
    for (let r = 0; r < n; r++) this.cdf[r]! /= acc;
  }
  sample(rng: Random): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates: day numbers (days since 1970-01-01, UTC).

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const FIRST_EVENT_DAY = dayOf('2000-01-01');
const LAST_DAY = dayOf('2025-06-30');
// prettier-ignore
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

function fuzzy(day: number, precision: DatePrecision, inferred = false, note?: string): FuzzyDate {
  const iso = isoOf(day);
  const value = precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
  return { iso: value, precision, inferred, ...(note ? { note } : {}) };
}

/** "12 de enero de 2024", "enero de 2024", "2024" */
function spanishDate(d: FuzzyDate): string {
  const [y, m, dd] = d.iso.split('-');
  if (d.precision === 'year') return y!;
  if (d.precision === 'month') return `${MONTHS[Number(m) - 1]} de ${y}`;
  return `${Number(dd)} de ${MONTHS[Number(m) - 1]} de ${y}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

// prettier-ignore
const GIVEN_M = ['José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel Ángel', 'Francisco', 'Javier', 'Antonio', 'Alejandro', 'Fernando', 'Ricardo', 'Roberto', 'Eduardo', 'Sergio', 'Raúl', 'Rafael', 'Pedro', 'Héctor', 'Hugo', 'Arturo', 'Alberto', 'Enrique', 'Martín', 'Gerardo', 'Gustavo', 'Daniel', 'Emilio', 'Ernesto', 'Esteban', 'Gabriel', 'Ignacio', 'Jesús', 'Joaquín', 'Julio', 'Marcelo', 'Mauricio', 'Octavio', 'Óscar', 'Ramón', 'Rodrigo', 'Rubén', 'Salvador', 'Saúl', 'Tomás', 'Víctor', 'Samuel', 'Horacio', 'Adán', 'Agustín', 'Álvaro', 'César', 'Cuauhtémoc', 'Efraín', 'Elías', 'Andrés', 'Germán', 'Iván', 'Matías', 'Nicolás'];
// prettier-ignore
const GIVEN_F = ['María', 'Guadalupe', 'Ana', 'Rosa', 'Laura', 'Patricia', 'Claudia', 'Verónica', 'Leticia', 'Martha', 'Elena', 'Adriana', 'Alejandra', 'Gabriela', 'Silvia', 'Margarita', 'Mónica', 'Sofía', 'Lucía', 'Inés', 'Beatriz', 'Carmen', 'Dolores', 'Esther', 'Irene', 'Josefina', 'Julia', 'Lorena', 'Marisol', 'Norma', 'Paulina', 'Raquel', 'Rocío', 'Susana', 'Teresa', 'Yolanda', 'Andrea', 'Valeria', 'Karina', 'Citlali', 'Xóchitl', 'Araceli', 'Belén', 'Noemí', 'Ximena', 'Dalia', 'Fabiola', 'Itzel', 'Maricela', 'Pilar'];
// prettier-ignore
const SURNAMES = ['González', 'Hernández', 'García', 'Martínez', 'López', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Flores', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Chávez', 'Ruiz', 'Jiménez', 'Álvarez', 'Mendoza', 'Vázquez', 'Castillo', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Moreno', 'Núñez', 'Domínguez', 'Muñoz', 'Ramos', 'Vargas', 'Castro', 'Guzmán', 'Juárez', 'Salazar', 'Ibáñez', 'Olvera', 'Campos', 'Vega', 'Calderón', 'Rojas', 'Soto', 'Pacheco', 'Duarte', 'Olivares', 'Montoya', 'Sosa', 'Lara', 'Peña', 'Téllez', 'Velázquez', 'Córdova', 'Benítez', 'Cervantes', 'Solís', 'Ávila', 'Ríos', 'Contreras', 'Luna', 'Estrada', 'Cortés', 'Rosales', 'Figueroa', 'Fuentes', 'Márquez', 'Sandoval', 'Bautista', 'Espinoza', 'Mejía', 'Valdés', 'Carrillo', 'Trejo', 'Barrón', 'Ocampo', 'Galván', 'Zúñiga', 'Beltrán', 'Quiñones', 'Ordóñez', 'Villaseñor', 'Maldonado', 'Ibarra', 'Cisneros', 'Lozano', 'Acosta', 'Ángeles', 'Arellano'];
/** syllables for surnames and place names of Nahuatl, Purépecha or Castilian sound */
// prettier-ignore
const SYL_START = ['Tla', 'Xo', 'Cua', 'Te', 'A', 'Zi', 'Ix', 'Cha', 'Co', 'Na', 'Tul', 'Ma', 'O', 'Tex', 'Zum', 'Ji', 'To', 'Hui', 'Ame', 'Pá', 'Chi', 'Ahu', 'Ta', 'Mi', 'Cu', 'Ya', 'Que'];
// prettier-ignore
const SYL_MID = ['te', 'ca', 'pa', 'qui', 'hua', 'co', 'ma', 'lo', 'xi', 'to', 'na', 'tzin', 'cal', 'mo', 'la', 'ya', 'ran', 'tla'];
// prettier-ignore
const SYL_END = ['tepec', 'pan', 'tlán', 'co', 'huacán', 'tzingo', 'titlán', 'zingo', 'chilco', 'apan', 'mac', 'ltepec', 'huac', 'cuaro', 'ro', 'tán', 'cío', 'lpa', 'yá'];
// prettier-ignore
const LOCALITY_PREFIX = ['San Juan', 'Santa María', 'San Pedro', 'San Andrés', 'Santiago', 'San Miguel', 'San Francisco', 'Santa Ana', 'San José', 'Villa de', 'Colonia', 'Barrio de', 'Ejido', 'San Bartolomé', 'Santa Cruz', 'San Martín', 'La Concepción', 'San Lucas'];
// prettier-ignore
const AREAS = ['Planeación', 'Administración y Finanzas', 'Recursos Humanos', 'Infraestructura en Salud', 'Atención Médica', 'Epidemiología', 'Vinculación Interinstitucional', 'Asuntos Jurídicos', 'Comunicación Social', 'Tecnologías de la Información', 'Programas Sociales', 'Abasto de Medicamentos', 'Evaluación del Desempeño', 'Salud Pública', 'Obras Públicas', 'Educación Básica', 'Protección Civil', 'Desarrollo Urbano', 'Seguridad Ciudadana', 'Participación Ciudadana', 'Calidad e Información Estratégica', 'Enseñanza e Investigación', 'Servicios de Salud', 'Igualdad de Género', 'Prestaciones Económicas', 'Atención Primaria'];
// prettier-ignore
const FEDERAL_BODIES: [string, string, string][] = [
  ['Secretaría de Salud', 'SSA', 'secretariat'],
  ['Instituto Mexicano del Seguro Social', 'IMSS', 'social security institute'],
  ['Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado', 'ISSSTE', 'social security institute'],
  ['Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar', 'IMSS-Bienestar', 'decentralized public body (OPD)'],
  ['Secretaría de Bienestar', 'Bienestar', 'secretariat'],
  ['Secretaría de Educación Pública', 'SEP', 'secretariat'],
  ['Secretaría de Hacienda y Crédito Público', 'SHCP', 'secretariat'],
  ['Secretaría de Gobernación', 'SEGOB', 'secretariat'],
  ['Secretaría de Infraestructura, Comunicaciones y Transportes', 'SICT', 'secretariat'],
  ['Comisión Nacional del Agua', 'Conagua', 'commission'],
  ['Sistema Nacional para el Desarrollo Integral de la Familia', 'DIF Nacional', 'decentralized public body (OPD)'],
  ['Secretaría de Economía', 'SE', 'secretariat'],
  ['Secretaría de Energía', 'SENER', 'secretariat'],
  ['Secretaría de Medio Ambiente y Recursos Naturales', 'Semarnat', 'secretariat'],
  ['Secretaría de Cultura', 'Cultura', 'secretariat'],
  ['Secretaría del Trabajo y Previsión Social', 'STPS', 'secretariat'],
  ['Secretaría de Agricultura y Desarrollo Rural', 'Sader', 'secretariat'],
  ['Comisión Federal para la Protección contra Riesgos Sanitarios', 'Cofepris', 'commission'],
  ['Diario Oficial de la Federación', 'DOF', 'official gazette'],
  ['Secretaría Anticorrupción y Buen Gobierno', 'SABG', 'secretariat'],
];
// prettier-ignore
const STATE_SECRETARIATS = ['Salud', 'Educación', 'Finanzas', 'Bienestar', 'Obra Pública', 'Desarrollo Económico', 'Seguridad', 'Movilidad', 'Medio Ambiente', 'Cultura y Turismo', 'Desarrollo Agropecuario', 'Trabajo'];
const UNIT_TYPES: [string, string][] = [
  ['Dirección General de', 'directorate'],
  ['Subsecretaría de', 'undersecretariat'],
  ['Coordinación de', 'internal unit'],
  ['Unidad de', 'internal unit'],
  ['Dirección de', 'directorate'],
  ['Departamento de', 'department'],
  ['Comisión de', 'commission'],
];
// prettier-ignore
const PROGRAM_NAMES = ['Salud Casa por Casa', 'Vacunación Universal', 'La Clínica es Nuestra', 'Sembrando Vida', 'Jóvenes Construyendo el Futuro', 'Pensión para el Bienestar de las Personas Adultas Mayores', 'Mejoramiento Urbano', 'Médicos del Bienestar', 'Abasto de Medicamentos Gratuitos', 'Atención a la Salud Materna', 'Escuelas de Tiempo Completo', 'Agua para Todos', 'Caminos Rurales', 'Detección Oportuna del Cáncer', 'Salud Mental Comunitaria', 'Becas Benito Juárez', 'Mujeres Emprendedoras', 'Nutrición Infantil', 'Rehabilitación de Hospitales', 'Cirugías Extramuros'];
const PROGRAM_PREFIX = ['Programa', 'Estrategia', 'Plan', 'Jornada Nacional de', 'Iniciativa'];
const FACILITY_TYPES: [string, string, number][] = [
  ['Hospital General de', 'hospital', 5],
  ['Hospital Municipal de', 'hospital', 3],
  ['Hospital Regional de Alta Especialidad de', 'hospital', 1],
  ['Centro de Salud', 'health-centre', 6],
  ['Unidad de Medicina Familiar No.', 'clinic', 4],
  ['Clínica Hospital de', 'clinic', 2],
  ['Hospital Oncológico de', 'hospital', 1],
  ['Centro de Capacitación de', 'training-centre', 1],
  ['Palacio Municipal de', 'office', 2],
  ['Escuela Primaria', 'school', 2],
];
const HEROES = [
  'Benito Juárez',
  'Miguel Hidalgo',
  'José María Morelos',
  'Leona Vicario',
  'Josefa Ortiz de Domínguez',
  'Lázaro Cárdenas',
  'Emiliano Zapata',
  'Sor Juana Inés de la Cruz',
  'Ignacio Zaragoza',
  'Vicente Guerrero',
];
const EVENT_KINDS: [string, string, number][] = [
  ['meeting', 'Reunión de trabajo', 6],
  ['press-conference', 'Conferencia de prensa', 3],
  ['visit', 'Visita de supervisión', 3],
  ['inauguration', 'Inauguración', 2],
  ['agreement', 'Firma de convenio', 1],
  ['session', 'Sesión ordinaria', 1],
  ['meeting', 'Foro regional', 1],
];
// prettier-ignore
const TOPICS = ['la federalización de los servicios de salud', 'el abasto de medicamentos', 'la contratación de médicos especialistas', 'la rehabilitación de hospitales', 'la ampliación de la cobertura médica', 'el programa de vacunación', 'la basificación del personal de salud', 'la infraestructura hospitalaria', 'la atención a personas sin seguridad social', 'el presupuesto de salud', 'la seguridad en los municipios', 'la calidad del agua', 'las obras carreteras', 'la educación básica'];
const MEASURES: { key: string; unit: string; label: string; min: number; max: number }[] = [
  { key: 'medical-units', unit: 'medical units', label: 'unidades médicas', min: 10, max: 2_000 },
  { key: 'hospital-beds', unit: 'beds', label: 'camas de hospital', min: 50, max: 6_000 },
  { key: 'physicians-hired', unit: 'physicians', label: 'médicos contratados', min: 10, max: 3_000 },
  { key: 'people-covered', unit: 'people', label: 'personas sin seguridad social con cobertura', min: 10_000, max: 10_000_000 },
  { key: 'budget', unit: 'MXN', label: 'pesos de presupuesto', min: 1_000_000, max: 50_000_000_000 },
  { key: 'vaccine-doses', unit: 'doses', label: 'dosis de vacuna aplicadas', min: 1_000, max: 5_000_000 },
  { key: 'consultations', unit: 'consultations', label: 'consultas otorgadas', min: 1_000, max: 2_000_000 },
  { key: 'works-progress', unit: 'percent', label: 'por ciento de avance de obra', min: 5, max: 100 },
  { key: 'staff-basified', unit: 'workers', label: 'trabajadores basificados', min: 50, max: 40_000 },
  { key: 'consulting-rooms', unit: 'consulting rooms', label: 'consultorios', min: 20, max: 5_000 },
];
// prettier-ignore
const PUBLISHERS = ['El Universal', 'La Jornada', 'Milenio', 'Excélsior', 'Reforma', 'El Sol de Toluca', 'Proceso', 'El Financiero', 'Gobierno de México', 'IMSS-Bienestar', 'Diario Oficial de la Federación', 'Cuartoscuro'];
const STATEMENT_VERBS: Record<string, string[]> = {
  declaration: ['afirmó', 'declaró', 'aseguró', 'sostuvo'],
  report: ['informó', 'reportó', 'detalló', 'precisó'],
  announcement: ['anunció', 'dio a conocer', 'adelantó'],
};
const COMMITMENT_TEMPLATES = [
  'concluir la construcción del {facility}',
  'equipar el {facility}',
  'rehabilitar el {facility}',
  'ampliar la cobertura de {program} en {place}',
  'basificar al personal de salud de {place}',
  'abastecer de medicamentos a las unidades de {place}',
  'contratar médicos especialistas para {place}',
  'poner en marcha {program} en {place}',
];

// ---------------------------------------------------------------------------------------------
// Documents and sentences: every citation is a span of a generated text.

/** Builds a sentence while remembering where its parts start and end. */
class Sentence {
  text = '';
  add(part: string): this {
    this.text += part;
    return this;
  }
  /** adds a part and returns its span inside the sentence */
  mark(part: string): [number, number] {
    const start = this.text.length;
    this.text += part;
    return [start, this.text.length];
  }
}

class OpenDoc {
  readonly id: string;
  readonly fileName: string;
  private readonly header: string;
  private readonly parts: string[] = [];
  length: number;
  sentences = 0;
  lastDay = 0;
  readonly cited: number[] = [];

  constructor(
    readonly index: number,
    readonly title: string,
    readonly category: string,
    readonly publisher: string,
    readonly target: number,
    seed: number,
  ) {
    this.fileName = `gen-${seed}-${String(index).padStart(7, '0')}.txt`;
    this.id = nodeId('Document', this.fileName);
    this.header = `${title}\n${publisher}\n\n`;
    this.length = this.header.length;
  }

  get full(): boolean {
    return this.sentences >= this.target;
  }

  /** appends a sentence; returns the citation key of the whole sentence and a function for its marked parts */
  append(s: Sentence, day: number): { key: string; part: (span: [number, number]) => string } {
    const sep = this.parts.length ? ' ' : '';
    const base = this.length + sep.length;
    this.parts.push(sep + s.text);
    this.length = base + s.text.length;
    this.sentences++;
    if (day > this.lastDay) this.lastDay = day;
    const part = (span: [number, number]) => citationKey({ documentId: this.id, start: base + span[0], end: base + span[1] });
    return { key: part([0, s.text.length]), part };
  }

  text(): string {
    return this.header + this.parts.join('');
  }
}

// ---------------------------------------------------------------------------------------------
// Pools.

interface PlaceRec {
  slug: string;
  name: string;
  category: string;
  parent: number;
  state: number;
}
interface OrgRec {
  slug: string;
  name: string;
  acronym: string | null;
  depth: number;
  state: number;
  governs: number;
  kind: string;
}
interface FacilityRec {
  slug: string;
  name: string;
  place: number;
}
interface PersonRec {
  slug: string;
  name: string;
  short: string;
  female: boolean;
}
interface NamedRec {
  slug: string;
  name: string;
}

const BASE = { reviewStatus: 'confirmed', confidence: 1 } as const;

/** "Hernández" -> "Hernandez"; keeps case. */
function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

function lowerFirst(s: string): string {
  return s[0]!.toLowerCase() + s.slice(1);
}

/** Spanish press numeral: exact ("9,161,742") or rounded ("9.1 millones", "45 mil"). */
function numeral(value: number, rounded: boolean, unit: string): string {
  if (unit === 'percent') return `${value}`;
  if (rounded && value >= 1_000_000) return `${(value / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} millones`;
  if (rounded && value >= 10_000) return `${Math.round(value / 1000).toLocaleString('en-US')} mil`;
  return value.toLocaleString('en-US');
}

function roundTo2Significant(v: number): number {
  if (v < 100) return v;
  const p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
  return Math.round(v / p) * p;
}

// ---------------------------------------------------------------------------------------------
// The generator.

class GraphGenerator {
  readonly rng: Random;
  readonly seed: number;
  readonly plan: Record<NodeKind, number>;
  readonly chunkNodes: number;

  readonly slugs = new Set<string>();
  readonly places: PlaceRec[] = [];
  readonly orgs: OrgRec[] = [];
  readonly facilities: FacilityRec[] = [];
  readonly facilitiesByPlace = new Map<number, number[]>();
  readonly programs: NamedRec[] = [];
  readonly people: PersonRec[] = [];
  readonly commitments: { id: string; summary: string }[] = [];
  /** places events happen in (municipalities and localities) */
  readonly eventPlaces: number[] = [];

  private docCount = 0;
  private nodes: NodeRecord[] = [];
  private rels: RelRecord[] = [];
  private docs: OpenDoc[] = [];
  /** the document each stream is writing into, in this chunk */
  private open = new Map<string, OpenDoc>();
  private statementCount = 0;
  private figureCount = 0;
  private eventCount = 0;

  constructor(opts: GenerateOptions) {
    this.seed = opts.seed ?? 1;
    this.rng = new Random(this.seed);
    this.plan = planGraph(opts.scale);
    this.chunkNodes = Math.max(200, opts.chunkNodes ?? 5000);
  }

  // -- plumbing ---------------------------------------------------------------------------------

  private uniqueSlug(base: string, ...fallbacks: string[]): string {
    let slug = base;
    for (const f of fallbacks) {
      if (!this.slugs.has(slug)) break;
      slug = `${base}-${f}`;
    }
    for (let n = 2; this.slugs.has(slug); n++) slug = `${base}-${n}`;
    this.slugs.add(slug);
    return slug;
  }

  private node(kind: NodeKind, key: string, props: Record<string, PropValue>, cites: string[]): string {
    const id = nodeId(kind, key);
    this.nodes.push({ id, kind, props: { ...BASE, ...props }, cites });
    return id;
  }

  private rel(type: RelType, from: string, to: string, cites: string[], props: Record<string, PropValue> = {}, key?: string): void {
    this.rels.push({ type, from, to, cites, props: { ...BASE, ...props }, ...(key ? { key } : {}) });
  }

  private entity(kind: NodeKind, slug: string, name: string, aliases: string[], description: string | null, extra: Record<string, PropValue>, cites: string[]): string {
    const unique = [...new Set(aliases.filter((a) => a !== name))];
    return this.node(kind, slug, { slug, name, aliases: unique, aliasText: [name, ...unique].join(' | '), description, ...extra }, cites);
  }

  /** An open document of the given stream in this chunk, a new one when the last is full. */
  private doc(stream: string, title: () => string, category: string): OpenDoc {
    let d = this.open.get(stream);
    if (!d || d.full) {
      d = new OpenDoc(this.docCount++, `${stream}${title()}`, category, this.rng.pick(PUBLISHERS), this.rng.int(5, 14), this.seed);
      this.docs.push(d);
      this.open.set(stream, d);
    }
    return d;
  }

  private get pending(): number {
    return this.nodes.length + this.docs.length;
  }

  /** Closes this chunk's documents and hands the chunk over. */
  private flush(): GraphBatch {
    for (const d of this.docs) {
      // now and then a document names an earlier one it draws on
      if (d.index > 0 && this.rng.chance(0.08)) {
        const earlier = this.rng.int(0, d.index - 1);
        const file = `gen-${this.seed}-${String(earlier).padStart(7, '0')}.txt`;
        const s = new Sentence();
        s.add('Con información de ');
        const span = s.mark(file);
        s.add('.');
        const { part } = d.append(s, d.lastDay);
        d.cited.push(earlier);
        this.rel('CITES', d.id, nodeId('Document', file), [part(span)]);
      }
      const text = d.text();
      const published = fuzzy(d.lastDay || LAST_DAY, 'day');
      this.nodes.push({
        id: d.id,
        kind: 'Document',
        cites: [],
        props: {
          ...BASE,
          fileName: d.fileName,
          contentHash: createHash('sha256').update(text).digest('hex'),
          title: d.title,
          publisher: d.publisher,
          category: d.category,
          url: `https://noticias.example.mx/${d.fileName.replace(/\.txt$/, '')}`,
          text,
          bodyEnd: text.length,
          author: null,
          ...dateProps('published', published),
        },
      });
    }
    const batch = { nodes: this.nodes, rels: this.rels };
    this.nodes = [];
    this.rels = [];
    this.docs = [];
    this.open.clear();
    return batch;
  }

  private *maybeFlush(): Generator<GraphBatch> {
    if (this.pending >= this.chunkNodes) yield this.flush();
  }

  // -- entities ---------------------------------------------------------------------------------

  /** A directory sentence for an entity: "<name> (<aliases>) <rest>." cited as a whole. */
  private directory(name: string, rest: string): string[] {
    const d = this.doc('Directorio de instituciones, lugares y funcionarios', () => ` (${this.docCount + 1})`, 'directory');
    const s = new Sentence();
    const span = s.mark(name);
    s.add(` ${rest}.`);
    const { key, part } = d.append(s, FIRST_EVENT_DAY);
    return [part(span), key];
  }

  private *makePlaces(): Generator<GraphBatch> {
    const gaz = loadGazetteer();
    const total = this.plan.Place;
    const add = (name: string, category: string, parent: number, state: number, aliases: string[], fallback: string[]): number => {
      const slug = this.uniqueSlug(slugify(name), ...fallback);
      const parentRec = parent >= 0 ? this.places[parent]! : null;
      const rest = parentRec ? `es ${category === 'state' ? 'una entidad federativa' : category === 'municipality' ? 'un municipio' : 'una localidad'} de ${parentRec.name}` : 'es el país';
      const cites = this.directory(name, rest);
      const id = this.entity('Place', slug, name, aliases, null, { category }, cites);
      if (parentRec) this.rel('PART_OF', id, nodeId('Place', parentRec.slug), cites);
      this.places.push({ slug, name, category, parent, state });
      return this.places.length - 1;
    };
    add(gaz.country.name, 'country', -1, -1, gaz.country.aliases.slice(0, 3), []);
    const stateIdx = new Map<string, number>();
    for (const s of gaz.states) {
      const i = add(s.name, 'state', 0, -1, [...s.aliases, stripAccents(s.name)], ['estado']);
      this.places[i]!.state = i;
      stateIdx.set(s.name, i);
    }
    yield* this.maybeFlush();
    const municipalities = gaz.municipalities
      .map((m) => ({ m, r: this.rng.next() }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.m);
    const muniBudget = Math.min(municipalities.length, Math.max(1, Math.round((total - this.places.length) * 0.6)), total - this.places.length);
    for (const m of municipalities.slice(0, muniBudget)) {
      const st = stateIdx.get(m.state!)!;
      const i = add(m.name, 'municipality', st, st, [...m.aliases, stripAccents(m.name)], [slugify(this.places[st]!.name)]);
      this.eventPlaces.push(i);
      yield* this.maybeFlush();
    }
    const munis = [...this.eventPlaces];
    while (this.places.length < total) {
      const parent = this.rng.pick(munis);
      const p = this.places[parent]!;
      const core = this.syllableName();
      const name = this.rng.chance(0.6) ? `${this.rng.pick(LOCALITY_PREFIX)} ${core}` : core;
      const i = add(name, 'locality', parent, p.state, [stripAccents(name)], [slugify(p.name)]);
      this.eventPlaces.push(i);
      yield* this.maybeFlush();
    }
  }

  private syllableName(): string {
    let s = this.rng.pick(SYL_START);
    for (let k = this.rng.int(0, 2); k > 0; k--) s += this.rng.pick(SYL_MID);
    return s + this.rng.pick(SYL_END);
  }

  private *makeOrganizations(): Generator<GraphBatch> {
    const total = this.plan.Organization;
    const add = (name: string, acronym: string | null, kind: string, depth: number, parent: number, state: number, governs: number): number => {
      const parentRec = parent >= 0 ? this.orgs[parent]! : null;
      const base = slugify(acronym && depth <= 1 && state < 0 ? acronym : name);
      const slug = this.uniqueSlug(base, ...(parentRec ? [slugify(parentRec.acronym ?? parentRec.name)] : []), ...(state >= 0 ? [this.places[state]!.slug] : []));
      const rest = parentRec ? `forma parte de ${parentRec.name}` : governs >= 0 ? `gobierna ${this.places[governs]!.name}` : 'es un organismo público';
      const cites = this.directory(name, rest);
      const aliases = [...(acronym ? [acronym] : []), ...(name !== stripAccents(name) ? [stripAccents(name)] : [])];
      const id = this.entity('Organization', slug, name, aliases, null, { acronym, category: kind }, cites);
      if (parentRec) this.rel('PART_OF', id, nodeId('Organization', parentRec.slug), cites);
      if (governs >= 0) this.rel('GOVERNS', id, nodeId('Place', this.places[governs]!.slug), cites);
      this.orgs.push({ slug, name, acronym, depth, state, governs, kind });
      return this.orgs.length - 1;
    };
    add('Gobierno de México', null, 'government', 0, -1, -1, 0);
    for (const [name, acr, kind] of FEDERAL_BODIES.slice(0, Math.max(2, Math.min(FEDERAL_BODIES.length, Math.round(total * 0.1))))) add(name, acr, kind, 1, 0, -1, -1);
    const states = this.places.filter((p) => p.category === 'state').map((p) => this.places.indexOf(p));
    const stateGov = new Map<number, number>();
    for (const s of states.slice(0, Math.max(1, Math.min(states.length, Math.round(total * 0.15))))) {
      const name = this.places[s]!.name === 'Ciudad de México' ? 'Gobierno de la Ciudad de México' : `Gobierno del Estado de ${this.places[s]!.name.replace(/^Estado de /, '')}`;
      stateGov.set(s, add(name, null, 'state government', 0, -1, s, s));
    }
    yield* this.maybeFlush();
    const govStates = [...stateGov.keys()];
    const munis = this.places.map((p, i) => (p.category === 'municipality' ? i : -1)).filter((i) => i >= 0);
    let nextMuni = 0;
    while (this.orgs.length < total) {
      const r = this.rng.next();
      if (r < 0.25 && nextMuni < munis.length) {
        const m = munis[nextMuni++]!;
        add(`Ayuntamiento de ${this.places[m]!.name}`, null, 'municipal government', 0, -1, this.places[m]!.state, m);
      } else if (r < 0.45 && govStates.length) {
        const s = this.rng.pick(govStates);
        const area = this.rng.pick(STATE_SECRETARIATS);
        add(`Secretaría de ${area} del Estado de ${this.places[s]!.name.replace(/^Estado de /, '')}`, null, 'state secretariat', 1, stateGov.get(s)!, s, -1);
      } else {
        const candidates = this.orgs.length;
        let parent = this.rng.int(1, candidates - 1);
        for (let tries = 0; tries < 8 && (this.orgs[parent]!.depth === 0 || this.orgs[parent]!.depth > 3); tries++) parent = this.rng.int(1, candidates - 1);
        const p = this.orgs[parent]!;
        const [prefix, kind] = UNIT_TYPES[this.rng.weighted([3, 1, 2, 2, 3, p.depth >= 2 ? 4 : 1, 1])]!;
        const name = `${prefix} ${this.rng.pick(AREAS)}`;
        add(name, null, kind, p.depth + 1, parent, p.state, -1);
      }
      yield* this.maybeFlush();
    }
  }

  private *makeFacilities(): Generator<GraphBatch> {
    const healthOperators = this.orgs.map((o, i) => (/salud|seguro|bienestar|issste/i.test(o.name) && o.depth <= 1 ? i : -1)).filter((i) => i >= 0);
    const govOf = new Map<number, number>(); // place -> body governing it
    this.orgs.forEach((o, i) => o.governs >= 0 && govOf.set(o.governs, i));
    let umf = 1;
    for (let n = 0; n < this.plan.Facility; n++) {
      const placeIdx = this.rng.pick(this.eventPlaces.length ? this.eventPlaces : [0]);
      const place = this.places[placeIdx]!;
      const [prefix, category] = FACILITY_TYPES[this.rng.weighted(FACILITY_TYPES.map((t) => t[2]))]!;
      const name = prefix.endsWith('No.')
        ? `${prefix} ${umf++}`
        : prefix === 'Escuela Primaria'
          ? `${prefix} ${this.rng.pick(HEROES)}`
          : prefix === 'Centro de Salud'
            ? `${prefix} ${place.name}`
            : `${prefix} ${place.name}`;
      const slug = this.uniqueSlug(slugify(name), slugify(place.name), place.state >= 0 ? this.places[place.state]!.slug : 'mx');
      const operator =
        category === 'office' || category === 'school' ? (govOf.get(placeIdx) ?? govOf.get(place.parent) ?? govOf.get(place.state) ?? 0) : healthOperators.length ? this.rng.pick(healthOperators) : 0;
      const cites = this.directory(name, `se ubica en ${place.name} y depende de ${this.orgs[operator]!.name}`);
      const aliases = name !== stripAccents(name) ? [stripAccents(name)] : [];
      const id = this.entity('Facility', slug, name, aliases, null, { category }, cites);
      this.rel('LOCATED_IN', id, nodeId('Place', place.slug), cites);
      this.rel('OPERATED_BY', id, nodeId('Organization', this.orgs[operator]!.slug), cites);
      this.facilities.push({ slug, name, place: placeIdx });
      const list = this.facilitiesByPlace.get(placeIdx) ?? [];
      list.push(this.facilities.length - 1);
      this.facilitiesByPlace.set(placeIdx, list);
      yield* this.maybeFlush();
    }
  }

  private *makePrograms(): Generator<GraphBatch> {
    for (let n = 0; n < this.plan.Program; n++) {
      const core = PROGRAM_NAMES[n % PROGRAM_NAMES.length]!;
      const round = Math.floor(n / PROGRAM_NAMES.length);
      const base = `${this.rng.pick(PROGRAM_PREFIX)} ${core}`;
      const name = round === 0 ? base : `${base} ${this.places[this.rng.int(1, Math.min(32, this.places.length - 1))]!.name} ${2000 + ((n * 7) % 26)}`;
      const slug = this.uniqueSlug(slugify(name));
      const org = this.rng.int(0, this.orgs.length - 1);
      const cites = this.directory(name, `está a cargo de ${this.orgs[org]!.name}`);
      const id = this.entity('Program', slug, name, [core, stripAccents(core)], null, {}, cites);
      this.rel('RUN_BY', id, nodeId('Organization', this.orgs[org]!.slug), cites);
      this.programs.push({ slug, name });
      yield* this.maybeFlush();
    }
  }

  private *makePeople(): Generator<GraphBatch> {
    for (let n = 0; n < this.plan.Person; n++) {
      const female = this.rng.chance(0.45);
      const givenList = female ? GIVEN_F : GIVEN_M;
      const given = this.rng.pick(givenList);
      const second = this.rng.chance(0.3) ? this.rng.pick(givenList) : null;
      const surname = () => (this.rng.chance(0.12) ? this.syllableName() : this.rng.pick(SURNAMES));
      const s1 = surname();
      let s2 = surname();
      if (s2 === s1) s2 = this.rng.pick(SURNAMES);
      const givenFull = second && second !== given ? `${given} ${second}` : given;
      const name = `${givenFull} ${s1} ${s2}`;
      const short = `${given} ${s1}`;
      const aliases = [short];
      if (second) aliases.push(`${given} ${s1} ${s2}`);
      if (this.rng.chance(0.3)) aliases.push(`${s1} ${s2}`);
      if (name !== stripAccents(name) && this.rng.chance(0.5)) aliases.push(stripAccents(name));
      if (this.rng.chance(0.1)) aliases.push(`${given[0]}. ${s1}`);
      const slug = this.uniqueSlug(slugify(name));
      const origin = this.places[this.rng.int(1, Math.min(32, this.places.length - 1))]!;
      const description = `${female ? 'Funcionaria pública' : 'Funcionario público'} originari${female ? 'a' : 'o'} de ${origin.name}.`;
      const cites = this.directory(name, `es ${lowerFirst(description.slice(0, -1))}`);
      this.entity('Person', slug, name, aliases, description, {}, cites);
      this.people.push({ slug, name, short, female });
      yield* this.maybeFlush();
    }
  }

  // -- posts ------------------------------------------------------------------------------------

  private *makePosts(): Generator<GraphBatch> {
    const governments = this.orgs.map((o, i) => (o.governs >= 0 ? i : -1)).filter((i) => i >= 0);
    const bodies = this.orgs.map((o, i) => (o.depth >= 1 ? i : -1)).filter((i) => i >= 0);
    const precision = (): DatePrecision => (['day', 'month', 'year'] as const)[this.rng.weighted([60, 25, 15])]!;
    for (const person of this.people) {
      const count = 1 + this.rng.weighted([40, 25, 15, 10, 6, 4]);
      let day = dayOf('1990-01-01') + this.rng.int(0, 28 * 365);
      for (let k = 0; k < count && day < LAST_DAY; k++) {
        const length = this.rng.int(300, 6 * 365);
        const end = day + length;
        const open = end >= LAST_DAY;
        let role: string;
        let org: OrgRec;
        let governs: PlaceRec | null = null;
        const r = this.rng.next();
        if (r < 0.12 && governments.length) {
          org = this.orgs[this.rng.pick(governments)]!;
          governs = this.places[org.governs]!;
          role =
            governs.category === 'country'
              ? person.female
                ? 'Presidenta de la República'
                : 'Presidente de la República'
              : governs.category === 'state'
                ? person.female
                  ? 'Gobernadora'
                  : 'Gobernador'
                : person.female
                  ? 'Presidenta Municipal'
                  : 'Presidente Municipal';
        } else {
          org = this.orgs[bodies.length ? this.rng.pick(bodies) : 0]!;
          const f = person.female;
          role =
            org.depth === 1
              ? this.rng.pick(
                  org.kind.includes('secretariat')
                    ? [f ? 'Secretaria' : 'Secretario', f ? 'Subsecretaria' : 'Subsecretario', 'Titular de la Unidad de Administración']
                    : [f ? 'Directora General' : 'Director General', 'Titular de la Representación Estatal', f ? 'Coordinadora Nacional' : 'Coordinador Nacional'],
                )
              : this.rng.pick([f ? 'Directora' : 'Director', f ? 'Subdirectora' : 'Subdirector', f ? 'Coordinadora' : 'Coordinador', f ? 'Jefa de Departamento' : 'Jefe de Departamento', 'Titular']);
        }
        const from = fuzzy(day, precision());
        const to = open ? undefined : fuzzy(end, precision());
        const d = this.doc('Nombramientos y relevos en la administración pública', () => ` (${this.docCount + 1})`, 'gazette');
        const s = new Sentence();
        const who = s.mark(person.name);
        s.add(` ${k === 0 ? 'fue designad' : 'pasó a ser'}${k === 0 ? (person.female ? 'a' : 'o') : ''} ${role} de ${org.name} en ${spanishDate(from)}`);
        s.add(to ? `, cargo que dejó en ${spanishDate(to)}.` : ', cargo que ocupa a la fecha.');
        const { key, part } = d.append(s, Math.min(end, LAST_DAY));
        const postKey = `${person.slug}-${k + 1}-${slugify(role)}`;
        const id = this.node('Post', postKey, { role, ...dateProps('from', from), ...dateProps('to', to) }, [key]);
        this.rel('HOLDS', nodeId('Person', person.slug), id, [part(who), key]);
        this.rel('POST_IN', id, nodeId('Organization', org.slug), [key]);
        if (governs) this.rel('GOVERNS', id, nodeId('Place', governs.slug), [key]);
        day = end + this.rng.int(0, 400);
      }
      yield* this.maybeFlush();
    }
  }

  // -- events, statements, commitments, figures -------------------------------------------------

  private *makeFacts(): Generator<GraphBatch> {
    const E = this.plan.Event;
    const S = this.plan.Statement;
    const perEvent = Math.max(0, (0.8 * S) / E - 0.225); // the draw below adds 0.225 on average
    const standalonePerEvent = (0.2 * S) / E;
    const zipf = new Zipf(this.people.length);
    const pairPool = Math.max(1, Math.round(this.plan.Figure / 3));
    const kindWeights = EVENT_KINDS.map((k) => k[2]);
    for (let i = 0; i < E; i++) {
      // more events in later years
      const day = Math.min(LAST_DAY, FIRST_EVENT_DAY + Math.floor((LAST_DAY - FIRST_EVENT_DAY) * Math.sqrt((i + this.rng.next()) / E)));
      const [category, label] = EVENT_KINDS[this.rng.weighted(kindWeights)]!;
      const placeIdx = this.eventPlaces.length ? this.rng.pick(this.eventPlaces) : 0;
      const place = this.places[placeIdx]!;
      const venues = this.facilitiesByPlace.get(placeIdx);
      const venue = venues && this.rng.chance(0.6) ? this.facilities[this.rng.pick(venues)]! : null;
      const topic = this.rng.pick(TOPICS);
      const title = `${label} en ${place.name} sobre ${topic}`;
      const participants = new Set<number>();
      const want = Math.min(this.people.length, 2 + Math.floor(-Math.log(1 - this.rng.next()) * 3), 15);
      for (let tries = 0; participants.size < want && tries < want * 4; tries++) participants.add(zipf.sample(this.rng));
      const people = [...participants].map((p) => this.people[p]!);
      const inferred = this.rng.chance(0.15);
      const date = fuzzy(day, 'day', inferred, inferred ? 'The report does not date the event; its publication date is used.' : undefined);

      // one report, sometimes two from different outlets
      const reports = this.rng.chance(0.3) ? 2 : 1;
      const eventCites: string[] = [];
      const participantCites = people.map(() => [] as string[]);
      const docs: OpenDoc[] = [];
      for (let r = 0; r < reports; r++) {
        const d = this.doc(r === 0 ? '' : 'Crónica: ', () => title, r === 0 ? 'article' : 'bulletin');
        docs.push(d);
        const s = new Sentence();
        s.add(`El ${spanishDate(date)} se realizó la ${lowerFirst(label)} en ${venue ? `${venue.name}, ` : ''}${place.name}, sobre ${topic}, con la participación de `);
        const spans = people.map((p, k) => {
          if (k > 0) s.add(k === people.length - 1 ? ' y ' : ', ');
          return s.mark(p.name);
        });
        s.add('.');
        const { key, part } = d.append(s, day);
        eventCites.push(key);
        spans.forEach((span, k) => participantCites[k]!.push(part(span)));
      }
      const eventKey = `${isoOf(day)}-${place.slug}-${category}-${(this.eventCount++).toString(36)}`;
      const eventId = this.node('Event', eventKey, { category, title, ...dateProps('date', date) }, eventCites);
      this.rel('HELD_IN', eventId, nodeId('Place', place.slug), eventCites);
      if (venue) this.rel('HELD_AT', eventId, nodeId('Facility', venue.slug), eventCites);
      people.forEach((p, k) => this.rel('PARTICIPATED_IN', nodeId('Person', p.slug), eventId, participantCites[k]!));
      const involved = new Set<string>();
      for (let k = this.rng.int(1, 3); k > 0; k--) {
        const x = this.rng.chance(0.6) || !this.programs.length ? nodeId('Organization', this.orgs[this.rng.int(0, this.orgs.length - 1)]!.slug) : nodeId('Program', this.rng.pick(this.programs).slug);
        if (involved.has(x)) continue;
        involved.add(x);
        const role = this.rng.chance(0.5) ? 'participant' : this.rng.chance(0.8) ? 'subject' : 'organizer';
        this.rel('INVOLVES', eventId, x, eventCites.slice(0, 1), { role }, role);
      }

      // statements at the event, then some outside any event
      const atEvent = Math.floor(perEvent + this.rng.next()) + (this.rng.chance(0.15) ? this.rng.int(1, 4) : 0) - (this.rng.chance(0.15) ? 1 : 0);
      for (let k = 0; k < atEvent; k++) {
        const speaker = this.rng.chance(0.85) ? this.rng.pick(people) : null;
        this.statement(speaker, { id: eventId, place, venue, day, inferred }, this.rng.pick(docs), pairPool);
      }
      const standalone = Math.floor(standalonePerEvent + this.rng.next());
      for (let k = 0; k < standalone; k++) {
        const speaker = this.people[zipf.sample(this.rng)]!;
        const sday = Math.min(LAST_DAY, day + this.rng.int(0, 20));
        const splace = this.places[this.eventPlaces.length ? this.rng.pick(this.eventPlaces) : 0]!;
        const d = this.doc('Comunicado: ', () => `${speaker.name} habla sobre ${this.rng.pick(TOPICS)}`, 'bulletin');
        this.statement(speaker, { id: null, place: splace, venue: null, day: sday, inferred: false }, d, pairPool);
      }
      yield* this.maybeFlush();
    }
  }

  private statement(speaker: PersonRec | null, at: { id: string | null; place: PlaceRec; venue: FacilityRec | null; day: number; inferred: boolean }, d: OpenDoc, pairPool: number): void {
    const category = (['declaration', 'report', 'announcement'] as const)[this.rng.weighted([3, 4, 3])]!;
    const program = this.programs.length ? this.rng.pick(this.programs) : null;
    const date = fuzzy(at.day, 'day', at.inferred, at.inferred ? 'Dated by the event it was made at.' : undefined);
    const about: string[] = [nodeId('Place', at.place.slug)];
    if (program && this.rng.chance(0.6)) about.push(nodeId('Program', program.slug));
    if (at.venue && this.rng.chance(0.5)) about.push(nodeId('Facility', at.venue.slug));
    if (this.rng.chance(0.3)) about.push(nodeId('Organization', this.orgs[this.rng.int(0, this.orgs.length - 1)]!.slug));

    const topic = this.rng.pick(TOPICS);
    const summary = `${category === 'report' ? 'Avances en' : category === 'announcement' ? 'Acciones para' : 'Postura sobre'} ${topic} en ${at.place.name}${program && about.length > 1 ? `, en el marco de ${program.name}` : ''}.`;
    const quoteText = `Vamos a cumplir con ${topic} en ${at.place.name}`;
    const s = new Sentence();
    if (speaker) s.add(`${speaker.name} ${this.rng.pick(STATEMENT_VERBS[category]!)} que`);
    else s.add(`Durante el encuentro se ${category === 'report' ? 'informó' : 'anunció'} que`);
    s.add(` hay ${lowerFirst(summary.slice(0, -1))}`);
    let quoteSpan: [number, number] | null = null;
    if (speaker && this.rng.chance(0.35)) {
      s.add(': «');
      quoteSpan = s.mark(quoteText);
      s.add('»');
    }
    s.add('.');
    const { key, part } = d.append(s, at.day);
    const cites = [key];
    const stmtKey = `${speaker ? speaker.slug : 'comunicado'}-${isoOf(at.day)}-${(this.statementCount++).toString(36)}`;
    const id = this.node('Statement', stmtKey, { category, summary, quote: quoteSpan ? part(quoteSpan) : null, ...dateProps('date', date) }, cites);
    if (speaker) this.rel('STATED', nodeId('Person', speaker.slug), id, cites);
    if (at.id) this.rel('AT_EVENT', id, at.id, cites);
    for (const a of new Set(about)) this.rel('ABOUT', id, a, cites);

    // figures: reports of a measure of a subject, shared with other documents
    const figures: string[] = [];
    for (let k = this.rng.weighted([50, 30, 12, 8]); k > 0; k--) figures.push(this.figure(id, cites, at.day, d, pairPool, at.place));

    // commitments: a new one, or one made before repeated
    const r = this.rng.next();
    if (r < 0.25) {
      const tpl = this.rng.pick(COMMITMENT_TEMPLATES);
      const facility = at.venue ?? (this.facilities.length ? this.rng.pick(this.facilities) : null);
      const text = tpl
        .replace('{facility}', facility?.name ?? `hospital de ${at.place.name}`)
        .replace('{program}', program?.name ?? 'los programas de salud')
        .replace('{place}', at.place.name);
      const deadline = fuzzy(at.day + this.rng.int(180, 4 * 365), 'month');
      const summary = `${text[0]!.toUpperCase()}${text.slice(1)} antes de ${spanishDate(deadline)}`;
      const cs = new Sentence();
      cs.add(speaker ? `${speaker.short} se comprometió a ` : 'Las autoridades se comprometieron a ');
      cs.mark(lowerFirst(summary));
      cs.add('.');
      const { key: ckey } = d.append(cs, at.day);
      const status = (['announced', 'in-progress', 'fulfilled', 'overdue', 'abandoned'] as const)[this.rng.weighted([55, 25, 10, 7, 3])]!;
      const cid = this.node(
        'Commitment',
        `${slugify(text).slice(0, 60)}-${this.commitments.length.toString(36)}`,
        { summary, status, ...dateProps('start', fuzzy(at.day, 'day')), ...dateProps('deadline', deadline) },
        [ckey],
      );
      this.commitments.push({ id: cid, summary });
      this.rel('COMMITS', id, cid, [ckey], { role: 'makes' });
      this.rel('CONCERNS', cid, nodeId('Place', at.place.slug), [ckey]);
      if (facility && tpl.includes('{facility}')) this.rel('CONCERNS', cid, nodeId('Facility', facility.slug), [ckey]);
      if (program && tpl.includes('{program}')) this.rel('CONCERNS', cid, nodeId('Program', program.slug), [ckey]);
      if (figures.length && this.rng.chance(0.5)) this.rel('TARGETS', cid, figures[0]!, [ckey]);
    } else if (r < 0.45 && this.commitments.length) {
      // recent commitments are repeated more often
      const n = this.commitments.length;
      const c = this.commitments[n - 1 - Math.floor(n * Math.pow(this.rng.next(), 3))]!;
      const cs = new Sentence();
      cs.add(speaker ? `${speaker.short} reiteró el compromiso de ` : 'Se reiteró el compromiso de ');
      cs.mark(lowerFirst(c.summary));
      cs.add('.');
      const { key: ckey } = d.append(cs, at.day);
      this.rel('COMMITS', id, c.id, [ckey], { role: 'repeats' });
    }
  }

  private figure(statementId: string, statementCites: string[], day: number, d: OpenDoc, pairPool: number, near: PlaceRec): string {
    const pair = this.rng.int(0, pairPool - 1);
    // the measure, its subject and its true value follow from the pair alone, so every report agrees on them
    const pr = new Random(this.seed * 1_000_003 + pair);
    const measure = MEASURES[pair % MEASURES.length]!;
    const program = this.programs.length && pr.chance(0.5) ? this.programs[pr.int(0, this.programs.length - 1)]! : null;
    const metric = program ? `${measure.key}-${program.slug}` : measure.key;
    const subjectIsPlace = pr.chance(0.7) || !this.orgs.length;
    const subject = subjectIsPlace ? this.places[pr.int(0, this.places.length - 1)]! : this.orgs[pr.int(0, this.orgs.length - 1)]!;
    const subjectId = nodeId(subjectIsPlace ? 'Place' : 'Organization', subject.slug);
    const truth = Math.round(measure.min * Math.pow(measure.max / measure.min, pr.next()));
    const mode = this.rng.weighted([55, 30, 15]);
    const value = mode === 0 ? truth : mode === 1 ? roundTo2Significant(truth) : Math.max(1, Math.round(truth * (1 + (this.rng.chance(0.5) ? 1 : -1) * (0.05 + 0.15 * this.rng.next()))));
    const rounded = mode === 1 && value >= 10_000;
    const valueText = numeral(value, rounded, measure.unit);
    const s = new Sentence();
    s.add(`De acuerdo con el informe, en ${subject.name} `);
    const span = s.mark(`${measure.unit === 'MXN' ? '$' : ''}${valueText}${measure.unit === 'percent' ? ' ' : ' '}${measure.label}`);
    s.add(near !== subject ? ` (dato citado en ${near.name}).` : '.');
    const { part } = d.append(s, day);
    const key = part(span);
    const changePercent = this.rng.chance(0.1) ? Math.round((this.rng.next() * 60 - 20) * 10) / 10 : null;
    const id = this.node(
      'Figure',
      `${metric}-${subject.slug}-${(this.figureCount++).toString(36)}`.slice(-120),
      {
        value,
        unit: measure.unit,
        metric,
        label: rounded ? `${measure.label} (${valueText})` : measure.label,
        period: null,
        changePercent,
        qualifier: mode === 2 && this.rng.chance(0.3) ? 'preliminar' : null,
        ...dateProps('asOf', fuzzy(day, 'day')),
      },
      [key],
    );
    this.rel('MEASURES', id, subjectId, [key]);
    this.rel('REPORTS', statementId, id, statementCites);
    return id;
  }

  *run(): Generator<GraphBatch> {
    yield* this.makePlaces();
    yield* this.makeOrganizations();
    yield* this.makeFacilities();
    yield* this.makePrograms();
    yield* this.makePeople();
    yield* this.makePosts();
    yield* this.makeFacts();
    if (this.pending) yield this.flush();
  }
}

/** Streams the chunks of a generated graph (see the top of this file). */
export function generateGraph(options: GenerateOptions): Iterable<GraphBatch> {
  if (!Number.isInteger(options.scale) || options.scale < 100) throw new Error(`scale must be a whole number of at least 100, not ${options.scale}`);
  return { [Symbol.iterator]: () => new GraphGenerator(options).run() };
}

// ---------------------------------------------------------------------------------------------
// Writing.

export interface GenerateStats {
  nodes: number;
  /** relationships written, SOURCED_FROM links included */
  relationships: number;
  chunks: number;
  /** time spent making the chunks, and writing them (ms) */
  generateMs: number;
  writeMs: number;
  byKind: Partial<Record<NodeKind, number>>;
}

/** The documents a node's citations point to, once each. */
function citedDocuments(n: NodeRecord): string[] {
  return [...new Set(n.cites.map((c) => c.slice(0, c.lastIndexOf('@'))))];
}

/** Labels and the `fold` property as src/graph/writer.ts gives them. */
function nodeLabels(kind: NodeKind): string[] {
  return [kind, (ENTITY_KINDS as readonly string[]).includes(kind) ? 'Entity' : kind === 'Document' ? 'Source' : 'Fact'];
}
function folded(p: Record<string, PropValue>): string | null {
  const parts = [p.name, p.title, p.summary, p.role, p.label, p.aliasText].filter((v): v is string => typeof v === 'string');
  return parts.length ? foldName(parts.join(' ')) : null;
}

const ROWS_PER_QUERY = 2000;
function slices<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_QUERY) out.push(rows.slice(i, i + ROWS_PER_QUERY));
  return out;
}

/**
 * Writes one generated chunk inside the caller's transaction with CREATE (cypher/write/generate-*):
 * the same nodes, labels, properties and relationships (SOURCED_FROM included) as writeBatch,
 * without MERGE's look-ups, as a generated chunk holds only new nodes.
 */
async function writeChunk(tx: WriteTx, batch: GraphBatch): Promise<void> {
  for (const rows of slices(batch.nodes)) {
    await tx.run('write/generate-nodes', { rows: rows.map((n) => ({ id: n.id, labels: nodeLabels(n.kind), props: { ...n.props, fold: folded(n.props) }, cites: n.cites })) });
  }
  for (const rows of slices(batch.rels)) {
    await tx.run('write/generate-relationships', { rows: rows.map((r) => ({ type: r.type, from: r.from, to: r.to, props: r.props, key: r.key ?? '', cites: r.cites })) });
  }
  const sourced = batch.nodes.filter((n) => n.cites.length).map((n) => ({ id: n.id, documents: citedDocuments(n) }));
  for (const rows of slices(sourced)) await tx.run('write/generate-sourced-from', { rows });
  for (const rows of slices(committingCandidates(batch.rels))) await tx.run('write/index-person-commitments', { statements: rows });
}

/**
 * Writes a generated graph, one write transaction per chunk: with writeChunk (CREATE; the
 * default), or with the ingestion's writeBatch (MERGE) when `via` is 'writeBatch'.
 */
export async function writeGenerated(db: Db, options: GenerateOptions & { via?: 'create' | 'writeBatch' }, onChunk: (stats: GenerateStats) => void = () => {}): Promise<GenerateStats> {
  const stats: GenerateStats = { nodes: 0, relationships: 0, chunks: 0, generateMs: 0, writeMs: 0, byKind: {} };
  const write = options.via === 'writeBatch' ? writeBatch : writeChunk;
  const it = generateGraph(options)[Symbol.iterator]();
  for (;;) {
    const t0 = performance.now();
    const next = it.next();
    const t1 = performance.now();
    stats.generateMs += t1 - t0;
    if (next.done) break;
    const batch = next.value;
    await db.write((tx) => write(tx, batch));
    stats.writeMs += performance.now() - t1;
    stats.chunks++;
    stats.nodes += batch.nodes.length;
    stats.relationships += batch.rels.length;
    for (const n of batch.nodes) {
      stats.relationships += n.cites.length ? citedDocuments(n).length : 0;
      stats.byKind[n.kind] = (stats.byKind[n.kind] ?? 0) + 1;
    }
    onChunk(stats);
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Benchmark arguments.

export interface BenchArguments {
  /** slugs of the people with the most event participations, most first */
  heavyPeople: { slug: string; name: string; events: number }[];
  /** slugs of people with 1 to 3 participations */
  lightPeople: { slug: string; name: string; events: number }[];
  /** event ids spread over the table, with their day and participant count */
  events: { id: string; date: string; place: string | null; participants: number }[];
  /** facility slugs, with the place they are in */
  facilities: { slug: string; place: string | null }[];
  /** place slugs (states, municipalities, localities) */
  places: string[];
  /** date ranges (ISO days) around events: a week, a month, a year */
  dateRanges: { from: string; to: string }[];
  /**
   * for each heavy and light person, ranges around one of their own events and statements (a
   * week, a month or a year, in turn), so that a timeline or a speaker's statements over the
   * range return data
   */
  personRanges: { slug: string; events: { from: string; to: string } | null; statements: { from: string; to: string } | null }[];
  /** partial names without accents, lower case ("jose hernandez"), as a user types them */
  nameFragments: string[];
  /** people connected within 4 hops (through shared events), from light participants */
  connectedPairs: { from: string; to: string; hops: number }[];
  /** figure metrics with their subject slug, reported more than once */
  metrics: { metric: string; subject: string }[];
}

const addDays = (iso: string, n: number) => isoOf(dayOf(iso) + n);

/**
 * Realistic arguments for benchmark queries, read from the database: `count` of each (fewer when
 * the graph is smaller). Deterministic for a given graph. Heavy participants make slow
 * traversals, light ones fast; date ranges around real events; name fragments are accent-less.
 */
export async function sampleArguments(db: Db, count = 20): Promise<BenchArguments> {
  type P = { slug: string; name: string; events: number };
  const heavyPeople = await db.read<P>('bench/heavy-people', { limit: count });
  const lightPeople = await db.read<P>('bench/light-people', { limit: count });
  const events = await db.read<{ id: string; date: string; place: string | null; participants: number }>('bench/events', { limit: count });
  const facilities = await db.read<{ slug: string; place: string | null }>('bench/facilities', { limit: count });
  const places = (await db.read<{ slug: string }>('bench/places', { limit: count })).map((r) => r.slug);
  const dateRanges: { from: string; to: string }[] = [];
  events.forEach((e, i) => {
    if (!e.date) return;
    const half = [3, 15, 182][i % 3]!;
    dateRanges.push({ from: addDays(e.date, -half), to: addDays(e.date, half) });
  });
  const names = [...heavyPeople, ...lightPeople].map((p) => foldName(p.name).split(' '));
  const nameFragments = names.slice(0, count).map((w, i) => (i % 3 === 0 ? (w[w.length - 2] ?? w[0]!) : i % 3 === 1 ? `${w[0]} ${w[w.length - 2]}` : `${w[0]} ${w[w.length - 1]}`));
  const connectedPairs = await db.read<{ from: string; to: string; hops: number }>('bench/connected-pairs', { from: lightPeople.map((p) => p.slug), limit: count });
  const metrics = await db.read<{ metric: string; subject: string }>('bench/metrics', { limit: count });
  const personRanges = await personRangesOf(
    db,
    [...heavyPeople, ...lightPeople].map((p) => p.slug),
  );
  return { heavyPeople, lightPeople, events, facilities, places, dateRanges: dateRanges.slice(0, count), personRanges, nameFragments, connectedPairs, metrics };
}

/** Ranges around each person's own event and statement days (cypher/bench/person-dates). */
export async function personRangesOf(db: Db, slugs: string[]): Promise<BenchArguments['personRanges']> {
  const rows = await db.read<{ slug: string; eventDay: string | null; statementDay: string | null }>('bench/person-dates', { slugs });
  const around = (day: string | null, i: number) => {
    if (!day) return null;
    const half = [3, 15, 182][i % 3]!;
    return { from: addDays(day, -half), to: addDays(day, half) };
  };
  return rows.map((r, i) => ({ slug: r.slug, events: around(r.eventDay, i), statements: around(r.statementDay, i) }));
}
