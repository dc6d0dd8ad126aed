/**
 * Synthetic Spanish press articles for the ingestion benchmark: Markdown with YAML front matter,
 * a date line, a meeting of officials with their posts, who attended, what they reported (figures
 * in Mexican press numerals), a commitment with a start date or a deadline, a quote, and now and
 * then the genre's boilerplate tails.
 *
 * Deterministic: a seeded PRNG (mulberry32) and no clock. The officials come from one fixed pool
 * of invented people, each always with the same post, so the same people recur across articles
 * as they do in real coverage; states and municipalities come from the gazetteer, facilities are
 * invented ("Hospital General de <municipality>").
 */
import { GIVEN_NAMES } from '../ingest/extract/lexicon.js';
import { loadGazetteer, type Place, type StatePlace } from '../ingest/gazetteer.js';
import { foldName, slugify } from '../domain/names.js';

interface GeneratedFigure {
  value: number;
  /** the unit the extraction should read (numbers.ts vocabulary: "MXN", "people", "percent"...) */
  unit: string;
  /** as written in the article */
  text: string;
}

export interface GeneratedArticle {
  fileName: string;
  content: string;
  /** full names of the officials the article names */
  officials: string[];
  /** the figures the article reports */
  figures: GeneratedFigure[];
}

/** mulberry32: a tiny, fast 32-bit PRNG; same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Spanish press numerals and dates.

// prettier-ignore
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** 1280 -> "1,280" */
const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 9161742 -> "9 millones 161 mil 742"; 60000 -> "60 mil"; 1000000 -> "1 millón". */
function pressNumeral(n: number): string {
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions) parts.push(`${millions} ${millions === 1 ? 'millón' : 'millones'}`);
  if (thousands) parts.push(`${thousands} mil`);
  if (rest || parts.length === 0) parts.push(String(rest));
  return parts.join(' ');
}

interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}
const iso = (x: Day) => `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
const spanishDate = (x: Day, withYear = true) => `${x.d} de ${MONTHS[x.m - 1]}${withYear ? ` de ${x.y}` : ''}`;
function addDays(x: Day, days: number): Day {
  const t = new Date(Date.UTC(x.y, x.m - 1, x.d) + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const FIRST_DAY = Date.UTC(2023, 0, 1);
const DAYS_2023_2025 = (Date.UTC(2025, 11, 31) - FIRST_DAY) / 86_400_000;

// ---------------------------------------------------------------------------------------------
// The pool of invented officials.

// prettier-ignore
const MALE_NAMES = ['Tomás', 'Ulises', 'Leopoldo', 'Rubén', 'Arturo', 'Gerardo', 'Héctor', 'Ignacio', 'Jaime', 'Mauricio', 'Octavio', 'Ramiro', 'Salvador', 'Efraín', 'Gilberto', 'Rodrigo', 'Esteban', 'Joaquín', 'Luis Alberto', 'José Antonio', 'Juan Carlos'];
// prettier-ignore
const FEMALE_NAMES = ['Itzel', 'Marisol', 'Rosa Elvira', 'Graciela', 'Lorena', 'Mariana', 'Fabiola', 'Araceli', 'Leticia', 'Beatriz', 'Cecilia', 'Josefina', 'Liliana', 'Norma', 'Xóchitl', 'Citlalli', 'Yolanda', 'María Elena', 'Ana Laura', 'Gabriela'];
/** Surnames that are neither places in the gazetteer nor given names (checked when the pool is built). */
// prettier-ignore
const SURNAMES = [
  'Arreola', 'Benavides', 'Quintanilla', 'Montemayor', 'Cantú', 'Santibáñez', 'Matus', 'Vásquez', 'Garza', 'Leal', 'Mendoza',
  'Olvera', 'Zavala', 'Ochoa', 'Arellano', 'Cisneros', 'Camacho', 'Benítez', 'Galván', 'Pacheco', 'Trejo', 'Robles', 'Navarro',
  'Maldonado', 'Ibarra', 'Valdez', 'Rosas', 'Núñez', 'Solís', 'Mejía', 'Carrillo', 'Sandoval', 'Márquez', 'Delgado', 'Cervantes',
  'Ávila', 'Espinoza', 'Bautista', 'Estrada', 'Contreras', 'Salazar', 'Ortega', 'Rojas', 'Velázquez', 'Domínguez',
  'Herrera', 'Medina', 'Castro', 'Vargas', 'Guzmán', 'Méndez', 'Chávez', 'Castillo', 'Moreno', 'Gutiérrez', 'Morales',
  'Fuentes', 'Acosta', 'Cabrera', 'Miranda', 'Montes', 'Villarreal', 'Quiroz', 'Barrera', 'Tovar', 'Saldaña', 'Zúñiga',
  'Bañuelos', 'Covarrubias', 'Elizondo', 'Garduño', 'Hinojosa', 'Lozano', 'Mireles', 'Orozco', 'Palacios', 'Rentería',
  'Sepúlveda', 'Treviño', 'Urrutia', 'Valenzuela', 'Zamudio', 'Aguirre', 'Beltrán', 'Córdova', 'Escamilla', 'Figueroa',
  'Ledesma', 'Lugo', 'Vera', 'Portillo', 'Villegas', 'Arriaga', 'Buendía', 'Cuevas', 'Duarte', 'Esquivel', 'Gallegos', 'Granados',
  'Lucero', 'Meléndez', 'Ponce', 'Quezada', 'Rangel', 'Serrano', 'Tapia', 'Ugalde', 'Yáñez', 'Zepeda',
];

type Post = 'governor' | 'health-secretary' | 'mayor' | 'imss' | 'issste' | 'imss-bienestar' | 'ssa-undersecretary';

interface Official {
  name: string;
  /** "Tomás Arreola": given name(s) and first surname */
  short: string;
  /** "Arreola Benavides" */
  surnames: string;
  female: boolean;
  post: Post;
  state: StatePlace | null;
  municipality: Place | null;
}

interface StateDesk {
  state: StatePlace;
  /** the capital first */
  municipalities: Place[];
  governor: Official;
  secretary: Official;
  mayors: Official[];
}

interface Pool {
  states: StateDesk[];
  federal: Official[];
}

const NOT_A_TOWN_START = new Set(['el', 'la', 'los', 'las']);

/** A municipality whose name reads plainly in a sentence and names one place only. */
function usableMunicipality(p: Place): boolean {
  const first = p.name.split(' ')[0]!.toLowerCase();
  const g = loadGazetteer();
  return !p.name.includes('.') && !NOT_A_TOWN_START.has(first) && !GIVEN_NAMES.has(first) && g.lookup(p.name).length === 1;
}

let pool: Pool | null = null;

/** The fixed pool: ten states, each with a governor, a health secretary and two mayors; four federal officials. */
function officials(): Pool {
  if (pool) return pool;
  const rng = mulberry32(0x5eed);
  const g = loadGazetteer();
  const surnames = shuffle(
    rng,
    SURNAMES.filter((s) => g.lookup(s).length === 0 && !GIVEN_NAMES.has(s.toLowerCase())),
  );
  const taken = new Set<string>();
  const person = (post: Post, state: StatePlace | null, municipality: Place | null, female = chance(rng, 0.45)): Official => {
    const given = pick(rng, female ? FEMALE_NAMES : MALE_NAMES);
    // every surname once in the pool: no two officials can be confused by a surname
    const a = surnames.pop();
    const b = surnames.pop();
    if (!a || !b) throw new Error('articles: not enough surnames for the pool of officials');
    const name = `${given} ${a} ${b}`;
    if (taken.has(foldName(name))) throw new Error(`articles: ${name} twice in the pool`);
    taken.add(foldName(name));
    return { name, short: `${given} ${a}`, surnames: `${a} ${b}`, female, post, state, municipality };
  };
  const candidates = g.states.filter((s) => s.name !== 'Ciudad de México' && g.municipalitiesOf(s.name).filter(usableMunicipality).length >= 3);
  const chosen = [
    g.state('Estado de México')!,
    ...shuffle(
      rng,
      candidates.filter((s) => s.name !== 'Estado de México'),
    ).slice(0, 9),
  ];
  const states = chosen.map((state): StateDesk => {
    const capital = g.capitalOf(state.name)!;
    const others = shuffle(
      rng,
      g.municipalitiesOf(state.name).filter((m) => m !== capital && usableMunicipality(m)),
    );
    const municipalities = [capital, ...others.slice(0, 3)];
    return {
      state,
      municipalities,
      governor: person('governor', state, null),
      secretary: person('health-secretary', state, null),
      mayors: municipalities.slice(0, 2).map((m) => person('mayor', state, m)),
    };
  });
  const federal = (['imss', 'issste', 'imss-bienestar', 'ssa-undersecretary'] as const).map((p) => person(p, null, null));
  pool = { states, federal };
  return pool;
}

// ---------------------------------------------------------------------------------------------
// Templates.

const of = (state: StatePlace) => (state.name === 'Estado de México' ? 'del Estado de México' : `de ${state.name}`);

/** The post as the press writes it before the name ("la gobernadora de Nuevo León"). */
function postPhrase(o: Official, rng: Rng, firstMention: boolean): string {
  const a = o.female ? 'la' : 'el';
  switch (o.post) {
    case 'governor':
      return `${a} ${o.female ? 'gobernadora' : 'gobernador'} ${of(o.state!)}`;
    case 'health-secretary':
      return chance(rng, 0.5) ? `${a} ${o.female ? 'secretaria' : 'secretario'} de Salud estatal` : `${a} ${o.female ? 'secretaria' : 'secretario'} de Salud ${of(o.state!)}`;
    case 'mayor':
      return chance(rng, 0.6) ? `${a} ${o.female ? 'alcaldesa' : 'alcalde'} de ${o.municipality!.name}` : `${a} ${o.female ? 'presidenta' : 'presidente'} municipal de ${o.municipality!.name}`;
    case 'imss':
      return `${a} ${o.female ? 'directora' : 'director'} general del ${firstMention && chance(rng, 0.5) ? 'Instituto Mexicano del Seguro Social (IMSS)' : 'IMSS'}`;
    case 'issste':
      return `${a} ${o.female ? 'directora' : 'director'} general del ISSSTE`;
    case 'imss-bienestar':
      return `${a} ${o.female ? 'directora' : 'director'} general de IMSS-Bienestar`;
    case 'ssa-undersecretary':
      return `${a} ${o.female ? 'subsecretaria' : 'subsecretario'} de Integración Sectorial de la Secretaría de Salud`;
  }
}

/** "la gobernadora de Nuevo León, Rosa Elvira Quintanilla Ruiz" */
const introduce = (o: Official, rng: Rng, first: boolean) => `${postPhrase(o, rng, first)}, ${o.name}`;

/** "A, B y C"; with posts inside, items are separated by semicolons when there are three or more. */
function list(items: string[]): string {
  if (items.length === 1) return items[0]!;
  const sep = items.length > 2 ? '; ' : ', ';
  return `${items.slice(0, -1).join(sep)}, y ${items[items.length - 1]}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const TOPICS = [
  'el avance de la federalización de los servicios de salud',
  'el plan de ampliación de la red hospitalaria',
  'el abasto de medicamentos en las unidades médicas',
  'la contratación de personal médico para la entidad',
  'el programa de rehabilitación de centros de salud',
];

const TITLES: ((state: StatePlace, muni: Place) => string)[] = [
  (s) => `Acuerdan ampliar la red hospitalaria ${of(s)}`,
  (s, m) => `Revisan avances de IMSS-Bienestar en ${m.name}, ${s.name}`,
  (s) => `Anuncian inversión en salud para ${s.name}`,
  (_s, m) => `Reunión de trabajo en el Hospital General de ${m.name}`,
  (s) => `Llegarán médicos especialistas a ${s.name}`,
];

const QUOTES = [
  'Vamos a trabajar de la mano con los municipios para que nadie se quede sin atención',
  'La salud es un derecho y lo vamos a garantizar en cada rincón del estado',
  'No vamos a dejar ninguna obra a medias',
  'Cada peso invertido llegará a los hospitales y a las clínicas',
];

const PUBLISHERS = ['Boletín sintético de salud', 'Agencia de prueba', 'Comunicación Social (sintética)'];

// ---------------------------------------------------------------------------------------------

function article(rng: Rng, index: number): GeneratedArticle {
  const { states, federal } = officials();
  const desk = pick(rng, states);
  const { state } = desk;
  const muni = pick(rng, desk.municipalities);
  const published = addDays({ y: 2023, m: 1, d: 1 }, int(rng, 0, DAYS_2023_2025));
  const figures: GeneratedFigure[] = [];

  // Who was there: the governor or a federal official leads; 2 to 5 people in all.
  const fed = shuffle(rng, federal);
  const others = shuffle(rng, [desk.secretary, ...desk.mayors, ...fed.slice(1)]);
  const leaders = chance(rng, 0.7) ? [desk.governor, fed[0]!] : [fed[0]!, desk.secretary];
  const extra = others.filter((o) => !leaders.includes(o)).slice(0, int(rng, 0, 3));
  const present = [...leaders, ...extra];

  const paragraphs: string[] = [];
  const tails: string[] = [];
  paragraphs.push(`${muni.name}, ${state.name}, ${spanishDate(published)}.`);

  const venue = `Hospital General de ${muni.name}`;
  const topic = pick(rng, TOPICS);
  const [lead, second] = leaders as [Official, Official];
  paragraphs.push(
    chance(rng, 0.5)
      ? `${capitalize(introduce(lead, rng, true))}, y ${introduce(second, rng, true)}, se reunieron en el ${venue} para revisar ${topic}.`
      : `${capitalize(introduce(lead, rng, true))}, encabezó una reunión de trabajo en el ${venue} junto con ${introduce(second, rng, true)}, para revisar ${topic}.`,
  );
  if (extra.length) {
    const intro = pick(rng, ['Asistieron', 'Estuvieron presentes', 'A la reunión asistieron', 'También participaron']);
    paragraphs.push(`${intro} ${list(extra.map((o) => introduce(o, rng, false)))}.`);
  }

  // What was said, with figures.
  const federalSpeaker = leaders.find((o) => federal.includes(o))!;
  const millions = chance(rng, 0.6) ? int(rng, 1, 9) * 1000 + int(rng, 1, 99) * 10 : int(rng, 120, 990);
  const money = millions >= 1000 ? `${Math.floor(millions / 1000)} mil ${millions % 1000} millones de pesos` : `${millions} millones de pesos`;
  const hospitals = int(rng, 2, 9);
  const centers = int(rng, 12, 180);
  figures.push(
    { value: millions * 1_000_000, unit: 'MXN', text: money },
    { value: hospitals, unit: 'hospitals', text: `${hospitals} hospitales` },
    { value: centers, unit: 'health centers', text: `${centers} centros de salud` },
  );
  const speech: string[] = [];
  speech.push(
    pick(rng, [
      `En su intervención, ${federalSpeaker.short} informó que se invertirán ${money} en ${hospitals} hospitales y ${centers} centros de salud.`,
      `${federalSpeaker.short} anunció que se invertirán ${money} en la construcción de ${hospitals} hospitales y ${centers} centros de salud.`,
    ]),
  );
  const units = int(rng, 1000, 4800);
  figures.push({ value: units, unit: 'medical units', text: `${withCommas(units)} unidades médicas` });
  speech.push(`Detalló que ${withCommas(units)} unidades médicas ${of(state)} ya operan con el nuevo modelo de atención.`);
  const people = int(rng, 800_000, 9_900_000);
  figures.push({ value: people, unit: 'people', text: `${pressNumeral(people)} personas` });
  // the state's voice: the governor when present, else the health secretary
  const local = present.includes(desk.governor) ? desk.governor : desk.secretary;
  const mandatario = local === desk.governor && chance(rng, 0.5) ? (local.female ? 'La mandataria' : 'El mandatario') : null;
  speech.push(`${mandatario ?? local.short} destacó que la cobertura alcanza a ${pressNumeral(people)} personas sin seguridad social.`);
  if (present.includes(desk.secretary) && local !== desk.secretary) {
    const pct = int(rng, 41, 98);
    figures.push({ value: pct, unit: 'percent', text: `${pct} por ciento` });
    speech.push(`Por su parte, ${desk.secretary.short} señaló que el abasto de medicamentos en la entidad alcanzó el ${pct} por ciento.`);
  }
  paragraphs.push(...(chance(rng, 0.5) ? [speech.join(' ')] : speech));

  // A commitment with a start date or a deadline, after the publication date.
  const due = addDays(published, int(rng, 20, 200));
  const firstOfNext: Day = due.m === 12 ? { y: due.y + 1, m: 1, d: 1 } : { y: due.y, m: due.m + 1, d: 1 };
  // the year is written when it differs, or when the date is months away (as the press does, and a
  // reader would otherwise take "1 de diciembre" in May for the nearest one)
  const needsYear = (x: Day) => x.y !== published.y || Date.UTC(x.y, x.m - 1, x.d) - Date.UTC(published.y, published.m - 1, published.d) > 120 * 86_400_000;
  if (chance(rng, 0.5)) {
    const doctors = int(rng, 40, 600);
    figures.push({ value: doctors, unit: 'specialist physicians', text: `${doctors} médicos especialistas` });
    paragraphs.push(`Añadió que a partir del ${spanishDate(firstOfNext, needsYear(firstOfNext))} llegarán ${doctors} médicos especialistas a los hospitales ${of(state)}.`);
  } else {
    const rehab = int(rng, 5, 40);
    figures.push({ value: rehab, unit: 'health centers', text: `${rehab} centros de salud` });
    paragraphs.push(`${local.short} se comprometió a que antes del ${spanishDate(due, needsYear(due))} concluirá la rehabilitación de ${rehab} centros de salud en ${muni.name}.`);
  }

  // A quote.
  const quoted = pick(rng, present);
  paragraphs.push(`"${pick(rng, QUOTES)}", ${pick(rng, ['afirmó', 'sostuvo', 'aseguró', 'expresó'])} ${quoted.surnames}.`);

  // Boilerplate tails.
  if (chance(rng, 0.4))
    tails.push(
      `Te puede interesar: Inauguran clínica en ${
        pick(
          rng,
          desk.municipalities.filter((m) => m !== muni),
        ).name
      }`,
    );
  if (chance(rng, 0.3)) tails.push(`Foto: ${pick(rng, ['Especial', 'Cortesía', 'Archivo'])}`);

  const title = pick(rng, TITLES)(state, muni);
  const front = ['---', `title: "${title}"`, `publisher: ${pick(rng, PUBLISHERS)}`, `published: ${iso(published)}`, '---'];
  const content = `${front.join('\n')}\n${[...paragraphs, ...tails].join('\n\n')}\n`;
  const fileName = `bench-${String(index + 1).padStart(4, '0')}-${slugify(muni.name)}.md`;
  return { fileName, content, officials: present.map((o) => o.name), figures };
}

/** `count` articles, the same ones for the same seed. */
export function generateArticles(count: number, seed = 1): GeneratedArticle[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => article(rng, i));
}
