/** A Unicode word boundary: JavaScript's \b treats accented letters as non-word characters. */
const B = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';

/** The same pattern with \b meaning a Unicode word boundary (and the u flag). */
export function uword(re: RegExp, extraFlags = ''): RegExp {
  const flags = [...new Set((re.flags + 'u' + extraFlags).split(''))].join('');
  return new RegExp(re.source.replace(/\\b/g, B), flags);
}

/**
 * Spanish words the extraction rules key on, for Mexican government press releases and news.
 * Data, not logic: extend these lists to widen coverage. Every entry is lower case; matching
 * folds accents where noted.
 */

/** Verbs that introduce what someone said (third person; singular and plural). */
// prettier-ignore
export const SPEECH_VERBS = [
  'anunció', 'anunciaron', 'informó', 'informaron', 'detalló', 'detallaron', 'destacó', 'destacaron', 'señaló', 'señalaron',
  'afirmó', 'afirmaron', 'subrayó', 'subrayaron', 'refirió', 'refirieron', 'dijo', 'dijeron', 'explicó', 'explicaron', 'indicó',
  'indicaron', 'aseguró', 'aseguraron', 'expresó', 'expresaron', 'comentó', 'comentaron', 'mencionó', 'mencionaron', 'precisó',
  'precisaron', 'puntualizó', 'puntualizaron', 'resaltó', 'resaltaron', 'enfatizó', 'enfatizaron', 'reconoció', 'reconocieron',
  'agregó', 'agregaron', 'añadió', 'añadieron', 'manifestó', 'manifestaron', 'sostuvo', 'sostuvieron', 'declaró', 'declararon',
  'advirtió', 'advirtieron', 'reiteró', 'reiteraron', 'garantizó', 'garantizaron', 'prometió', 'prometieron', 'reportó',
  'reportaron', 'expuso', 'expusieron', 'aclaró', 'aclararon', 'confirmó', 'confirmaron', 'recordó', 'recordaron', 'adelantó',
  'adelantaron', 'planteó', 'plantearon', 'propuso', 'propusieron', 'celebró', 'celebraron', 'agradeció', 'agradecieron',
  'presentó', 'presentaron', 'dio a conocer', 'dieron a conocer', 'hizo un llamado', 'se comprometió', 'se comprometieron',
  'apuntó', 'apuntaron', 'sentenció', 'concluyó', 'insistió', 'externó', 'refrendó', 'compartió', 'compartieron', 'fundamenta', 'fundamentó', 'anuncia', 'informa', 'destaca', 'señala', 'afirma', 'asegura', 'explica', 'detalla', 'reporta', 'presume',
];

/** Verbs and phrases that say who was present at an event. */
// prettier-ignore
export const PARTICIPATION_CUES = [
  'asistieron', 'asistió', 'participaron', 'participó', 'acudieron', 'acudió', 'estuvieron presentes', 'estuvo presente',
  'se reunieron', 'se reunió', 'sostuvieron', 'encabezó', 'encabezaron', 'presidió', 'presidieron', 'acompañado de',
  'acompañada de', 'acompañados de', 'junto con', 'junto a', 'en compañía de', 'se dieron cita', 'analizan', 'analizaron',
  'revisaron', 'evaluaron', 'inauguró', 'inauguraron', 'firmaron', 'firmó', 'se congregaron', 'recorrieron', 'recorrió',
  'recibió la visita de', 'recibieron la visita de', 'visitó', 'visitaron',
];

/** Words that name an event, with its kind. */
export const EVENT_CUES: [RegExp, string][] = [
  // acts first: a sentence that names an act and its setting ("durante la conferencia mañanera firmaron el
  // acuerdo") is about the act
  [
    uword(/\binaugur(ó|aron|ación|a|an)\b|\bdio (inicio|arranque)\b|\bdieron (inicio|arranque)\b|\bpuso en marcha\b|\bpusieron en marcha\b|\barranc(ó|aron)\b|\bbander(a|azo) de (salida|arranque)\b/i),
    'inauguration',
  ],
  [
    uword(
      /\bdesign(ó|aron|a)\b|\bnombr(ó|aron)\b|\bnombramiento\b|\bdesignaci[oó]n\b|\b(tom(ó|aron)|rindi(ó|eron)) protesta\b|\bpresent(ó|a) a (los |las |sus |cinco |seis |\d+ )?(nuev[oa]s |nuev[oa]s )?(integrantes|miembros|secretari[oa]s|titulares) de su gabinete\b|\b(?:es|será) (?:el|la) nuev[oa] (?:titular|director|directora|secretari[oa]|subsecretari[oa]|coordinador|coordinadora|comisionad[oa])\b/i,
    ),
    'appointment',
  ],
  [uword(/\bfirm(a|ó|aron|ar|an|ado)\b[^.;:]{0,60}?\b(?:convenios?|acuerdos?)\b|\b(?:firma|signado|signa|suscripción) del? (?:convenio|acuerdo)\b|\bsign(ó|aron|ar)\b|\bconvenio\b/i), 'agreement'],
  [uword(/\bpublic(ó|ación) en el diario oficial\b|\bdiario oficial de la federaci[oó]n\b/i), 'publication'],
  [uword(/\bconferencia (de prensa|matutina|mañanera)\b|\bla mañanera\b|\bconferencia\b/i), 'press-conference'],
  [uword(/\bsesi[oó]n\b/i), 'session'],
  [uword(/\bcomparecencia\b|\bcompareci(ó|eron)\b/i), 'session'],
  [uword(/\b(?:primer|segundo|tercer|cuarto|quinto|sexto) informe\b|\binforme (?:de gobierno|de labores|de actividades|mensual|anual|trimestral)\b/i), 'report'],
  [uword(/\breuni(ó|eron|ón)\b|\bencuentro\b|\bmesa de trabajo\b|\bgira\b|\brecorrido\b|\basamblea\b|\bforo\b|\bceremonia\b|\bvisit(a|ó|aron)\b/i), 'meeting'],
];

/** Kinds of event that are an act done at a gathering, not the gathering: one event with its setting. */
export const ACT_EVENTS = new Set(['inauguration', 'appointment', 'agreement', 'publication']);
/** Kinds of event that are the setting of what is said or done there. */
export const SETTING_EVENTS = new Set(['press-conference', 'meeting']);

/** An official's lead report ("Ana Ruiz informó que..."): the occasion of a bulletin that names no other. */
export const REPORTING_VERBS = uword(
  /\b(informó|informa|presentó|presenta|detalló|detalla|anunció|anuncia|dio a conocer|da a conocer|señaló|señala|aseveró|destacó|destaca|explicó|explica|afirmó|reportó|reporta)\b/iu,
);

/** Posts, masculine and feminine; longest first so "director general" wins over "director". */
// prettier-ignore
export const ROLE_WORDS = [
  'presidente de la república', 'presidenta de la república', 'presidente electo', 'presidenta electa', 'presidente municipal', 'presidenta municipal',
  'jefe de gobierno', 'jefa de gobierno', 'secretario general de gobierno', 'secretaria general de gobierno',
  'comisionado presidencial', 'comisionada presidencial', 'director general', 'directora general', 'subdirector general',
  'subdirectora general', 'coordinador general', 'coordinadora general', 'secretario general', 'secretaria general',
  'subsecretario', 'subsecretaria', 'secretario', 'secretaria', 'gobernador', 'gobernadora', 'presidente', 'presidenta',
  'director', 'directora', 'titular', 'alcalde', 'alcaldesa', 'comisionado', 'comisionada', 'coordinador', 'coordinadora',
  'delegado', 'delegada', 'senador', 'senadora', 'diputado', 'diputada', 'embajador', 'embajadora', 'fiscal', 'rector',
  'rectora', 'ministro', 'ministra', 'consejero', 'consejera', 'vocero', 'vocera', 'representante', 'tesorero', 'tesorera',
  'regidor', 'regidora', 'síndico', 'síndica', 'oficial mayor', 'administrador', 'administradora', 'jefe', 'jefa',
].sort((a, b) => b.length - a.length);

/** Feminine forms (to resolve "la funcionaria" to a woman). */
export const FEMININE_ROLE = /(a|esa|ora|era|ica|ista)$/;

/** Words that, at the start of a name, make it an organization. */
// prettier-ignore
export const ORGANIZATION_HEADS = [
  'instituto', 'secretaría', 'secretaria de', 'gobierno', 'comisión', 'servicios', 'sistema nacional', 'coordinación', 'dirección',
  'consejo', 'órgano', 'organismo', 'universidad', 'junta', 'cámara', 'senado', 'congreso', 'suprema corte', 'tribunal', 'fiscalía',
  'banco', 'fondo', 'diario oficial', 'ayuntamiento', 'presidencia', 'oficina', 'subsecretaría', 'agencia', 'procuraduría',
  'partido', 'asociación', 'colegio', 'sindicato', 'federación', 'confederación', 'comité', 'administración', 'unidad de',
  'centro nacional', 'laboratorios', 'petróleos', 'comisión federal', 'guardia nacional', 'ejército', 'marina',
];

/** Legal forms and generic phrases in capitals that name no particular body (folded). */
export const GENERIC_BODIES = new Set([
  'organo publico descentralizado',
  'organismo publico descentralizado',
  'administracion publica federal',
  'administracion publica estatal',
  'sector salud',
  'sistema de salud',
]);

/** Words that, at the start of a name, make it a facility. */
// prettier-ignore
export const FACILITY_HEADS: [string, string][] = [
  ['hospital', 'hospital'], ['centro de salud', 'health-centre'], ['clínica', 'clinic'], ['unidad de medicina familiar', 'clinic'],
  ['unidad médica', 'clinic'], ['centro médico', 'hospital'], ['centro de investigación', 'training-centre'],
  ['centro de capacitación', 'training-centre'], ['centro de oncología', 'hospital'], ['centro oncológico', 'hospital'],
  ['sanatorio', 'hospital'], ['escuela', 'school'], ['planta', 'plant'], ['aeropuerto', 'airport'], ['estadio', 'venue'],
  ['auditorio', 'venue'], ['salón', 'venue'], ['palacio', 'venue'], ['recinto', 'venue'], ['centro de convenciones', 'venue'],
];

/** Words that, at the start of a name, make it a program. */
// prettier-ignore
export const PROGRAM_HEADS = ['programa', 'plan', 'modelo', 'estrategia', 'pensión', 'becas', 'beca', 'jornada', 'campaña', 'proyecto', 'iniciativa', 'política'];

/** Capitalised words that begin sentences or titles but are not names. */
// prettier-ignore
export const NOT_NAMES = new Set([
  'el', 'la', 'los', 'las', 'un', 'una', 'en', 'de', 'del', 'con', 'por', 'para', 'que', 'y', 'a', 'al', 'se', 'su', 'sus', 'este',
  'esta', 'estos', 'estas', 'ese', 'esa', 'como', 'asimismo', 'además', 'también', 'durante', 'tras', 'ante', 'sin', 'sobre',
  'entre', 'desde', 'hasta', 'hoy', 'ayer', 'mañana', 'lo', 'le', 'les', 'no', 'sí', 'mientras', 'cuando', 'donde', 'aunque',
  'por', 'finalmente', 'posteriormente', 'previamente', 'luego', 'después', 'antes', 'ahí', 'allí', 'aquí', 'así', 'dicha',
  'dicho', 'dichas', 'dichos', 'cabe', 'es', 'son', 'fue', 'será', 'foto', 'fotografía', 'boletín', 'comunicado', 'nota',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'enero', 'febrero', 'marzo', 'abril', 'mayo',
  'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre', 'otro', 'otra', 'cada', 'todo', 'toda',
  'todos', 'todas', 'según', 'ello', 'él', 'ella', 'ellos', 'nosotros', 'usted', 'quien', 'quienes', 'cual', 'cuales',
  'primer', 'primera', 'segundo', 'segunda', 'tercer', 'tercera', 'nivel', 'más', 'muy', 'prensa', 'estado',
]);

/** Lower-case words allowed inside a multi-word name. */
export const NAME_CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'para', 'el']);

/** Descriptions that point back to a person already named ("la mandataria", "el funcionario"). */
export const BACK_REFERENCES: [RegExp, 'm' | 'f' | null][] = [
  [uword(/\b(el|del|al|la|de la|a la) (edil|munícipe)\b/i), null],
  [uword(/\b(el|del|al) (funcionario|mandatario|titular|servidor público|político|legislador|ejecutivo (federal|estatal)|jefe del ejecutivo)\b/i), 'm'],
  [uword(/\b(la|de la|a la) (funcionaria|mandatar[ií]a|titular|servidora pública|política|legisladora|jefa del ejecutivo)\b/i), 'f'],
];

/** Forms that announce something to happen: future tense, periphrasis, obligation. */
export const COMMITMENT_CUES = uword(
  new RegExp(
    [
      /\b(\p{L}+(?:rá|rán|remos|ré)|va a|van a|vamos a|habrá|se comprometi(ó|eron)|compromiso|se prevé|se tiene previsto|está previsto|a partir del?|a más tardar|meta|tendrá que|deberá|deberán|buscará|buscarán|llegarán|iniciará|concluirá|continuará|continuarán)\b/u
        .source,
      // works announced: "anunció la construcción de una unidad", "anunció en Mazatlán la inauguración del hospital"
      /\banunci(?:ó|aron|a|an)\s+(?:[\p{L}]+\s+){0,3}?(?:la|el)\s+(?:construcción|inauguración|apertura|rehabilitación|ampliación|creación|entrega|instalación|contratación|edificación|conclusión)\b/u
        .source,
      // intentions and goals: "en próximos días", "planea", "necesitamos llegar al 95 %", "la disposición de continuar"
      /\b(?:en (?:los )?próximos días|planea|planean|necesitamos|(?:la|su) (?:disposición|intención|decisión)\b[^.;]{0,50}?\bde \p{L}+(?:ar|er|ir))\b/u.source,
      // a promise in reported speech: "aseguró a los manifestantes que atendería las solicitudes"
      /\b(?:aseguró|dijo|prometió|afirmó|garantizó|indicó|señaló|anunció)\s+(?:a\s+[^,.;]{1,40}?\s+)?que\s+\p{L}+(?:ría|rían)\b/u.source,
    ].join('|'),
    'iu',
  ),
);

/** Given names common in Mexico: a capitalised run starting with one of these reads as a person. */
export const GIVEN_NAMES = new Set(
  `andrés manuel josé juan luis carlos jorge miguel ángel francisco javier antonio alejandro fernando ricardo roberto eduardo sergio
  raúl rafael pedro pablo héctor hugo arturo alberto enrique mario martín gerardo guillermo gustavo daniel david diego emilio ernesto
  esteban felipe gabriel gonzalo ignacio jaime jesús joaquín julio leonardo lorenzo marcelo marco mauricio octavio omar óscar
  oscar patricio ramón ramiro rodrigo rubén salvador santiago saúl samuel tomás ulises víctor victor zoé horacio adán agustín
  alfonso alfredo álvaro armando benito césar clemente cuauhtémoc efraín elías fausto federico genaro gilberto heriberto humberto
  ismael israel iván jacobo jerónimo josué leopoldo lucas marcos mariano matías moisés nicolás noé porfirio rolando rosendo
  teodoro valentín vicente claudia delfina macarena miralda maría guadalupe ana laura patricia rosa alejandra gabriela verónica
  adriana leticia silvia margarita martha marta elena carmen lucía luisa beatriz sofía mariana daniela fernanda andrea paola
  mónica sandra susana teresa yolanda araceli norma irma gloria alicia angélica blanca cecilia cristina diana dolores elizabeth
  esther eva fabiola gisela graciela irene isabel josefina julia karla liliana lorena lourdes luz marcela marisol mercedes
  minerva nancy natalia olga pilar raquel rebeca rocío ruth sara tania ximena xóchitl yesenia zulema citlalli itzel ivonne
  layda marath rocío ariadna tatiana libia evelyn indira clara marina lilia estela griselda ofelia rosario amalia aurora
  efrén leandro eleuterio fermín indalecio gregorio abel aarón isaac baltazar bernardo bruno camilo cristian edgar edgardo emiliano erick eugenio fabián fidel germán hernán hilario homero jacinto jonathan julián leonel lucio marcelino maximiliano nahum néstor osvaldo oswaldo pascual raymundo reynaldo rigoberto rufino sebastián silvestre teófilo ubaldo vladimir wilfrido adolfo apolinar aurelio benjamín ciro darío eliseo epifanio filiberto florentino higinio irineo isidro justino lauro macario nicanor plutarco próspero severiano tiburcio vidal`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics written before a name. */
export const HONORIFICS = /^(lic(enciad[oa])?|dr(a)?|doctor(a)?|mtr[oa]|maestr[oa]|ing(eniero|eniera)?|profr?a?|profesor(a)?|arq|sr(a)?|señor(a)?|don|doña)\.?$/i;

/**
 * Units of quantities that are not figures in the genre: durations and ages ("13 años", "tres
 * horas") say how long, not how much. (Normalized units of text/numbers.ts.)
 */
export const NOT_FIGURE_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes']);

/** Words just before a number that make it part of a name or an identifier ("Clínica No. 57", "número telefónico 079"). */
export const NUMBER_IN_NAME = /(?:\b(?:no|núm|num|nº|n°)\.?|#|\bnúmero(?:\s+telefónico)?|\btel(?:éfono)?\.?|\bextensión|\bext\.|\bsesión|\bsección|\bzona|\bclave)\s*$/iu;

/** Posts named in the plural over a roster of holders ("23 gobernadores: ..."), folded plural -> singular forms. */
export const ROSTER_ROLES: { plural: string; masculine: string; feminine: string }[] = [
  { plural: 'gobernadores', masculine: 'gobernador', feminine: 'gobernadora' },
  { plural: 'gobernadoras', masculine: 'gobernador', feminine: 'gobernadora' },
  { plural: 'alcaldes', masculine: 'alcalde', feminine: 'alcaldesa' },
  { plural: 'presidentes municipales', masculine: 'presidente municipal', feminine: 'presidenta municipal' },
  { plural: 'secretarios de salud', masculine: 'secretario de Salud', feminine: 'secretaria de Salud' },
  { plural: 'senadores', masculine: 'senador', feminine: 'senadora' },
  { plural: 'diputados', masculine: 'diputado', feminine: 'diputada' },
  { plural: 'delegados', masculine: 'delegado', feminine: 'delegada' },
];

/** Given names borne by women (first given name, folded): the gender of a post written in the plural. */
export const FEMININE_GIVEN_NAMES = new Set(
  `claudia delfina macarena miralda maria ana laura patricia rosa alejandra gabriela veronica adriana leticia silvia margarita
  martha marta elena carmen lucia luisa beatriz sofia mariana daniela fernanda andrea paola monica sandra susana teresa yolanda
  araceli norma irma gloria alicia angelica blanca cecilia cristina diana dolores elizabeth esther eva fabiola gisela graciela
  irene isabel josefina julia karla liliana lorena lourdes luz marcela marisol mercedes minerva nancy natalia olga pilar raquel
  rebeca rocio ruth sara tania ximena xochitl yesenia zulema citlalli itzel ivonne layda marath ariadna tatiana libia evelyn
  indira clara marina lilia estela griselda ofelia rosario amalia aurora edna margarita rosalinda maricela erika karina
  carolina lizbeth nayeli viridiana brenda wendy jessica remedios ines consuelo soledad montserrat abigail`
    .split(/\s+/)
    .filter(Boolean),
);

/** "acompañado por", "acompañada de": the people named after it accompany the subject (a governor's cabinet). */
export const ENTOURAGE_CUE = /\b(acompañad[oa]s? (por|de)|en compañía de|junto con (su|sus) (gabinete|equipo|colaboradores))\b/iu;

/** The name of the federal government, to which unqualified cabinet posts belong. */
export const FEDERAL_GOVERNMENT = 'Gobierno de México';

/** A state's government by name: "Gobierno de Durango", "Gobierno del Estado de México". */
export const STATE_GOVERNMENT = /^gobierno\s+(del\s+estado\s+de|de(l)?)\s+/iu;

/**
 * What comes just before the name of a person something is named after: a scholarship, a
 * hospital, a school or a street ("la beca Rita Cetina", "el antiguo hospital Doctor Gonzalo
 * Castañeda", "el HGZ No. 15 Dr. Ernesto Ramos Bours", "el inmueble del Gonzalo Castañeda").
 * A name there names the thing, not an actor.
 */
export const NAMED_AFTER =
  /(?:\b(?:beca|becas|pensión|premio|medalla|presea|hospital|clínica|sanatorio|universidad|escuela|colegio|instituto|preparatoria|secundaria|primaria|secundaria|calle|avenida|calzada|colonia|estadio|auditorio|teatro|unidad|centro|inmueble\s+del?|edificio|plantel|programa)(?:\s+(?:general|regional|universal|nacional|técnica|estatal|de\s+zona|de\s+alta\s+especialidad|para\s+el\s+bienestar))*|\b(?:HGZ|HGR|HG|UMF|HR|HRAE|IMSS|ISSSTE|No\.?|Núm\.?)\s*(?:No\.?\s*)?\d*)\s*["“«]?\s*(?:(?:dr|dra|doctor|doctora|lic|licenciado|licenciada|ing|profr|profra|profesor|profesora|gral|general)\.?\s+)?$/iu;

/** Words that open a capitalised run but belong to no person's name: posts and honorifics said before it. */
export const NOT_NAME_OPENERS =
  /^(gobernador|gobernadora|presidente|presidenta|secretario|secretaria|director|directora|doctor|doctora|dr|dra|licenciado|licenciada|lic|ingeniero|ingeniera|ing|maestro|maestra|mtro|mtra|senador|senadora|diputado|diputada|alcalde|alcaldesa|titular|jefe|jefa|beca|becas|hospital|programa|universidad)\.?$/iu;

/**
 * A gathering the sentence says did not happen: "no firmaron el convenio", "no se llevó a cabo la
 * reunión", "sin firmar", "la ceremonia fue cancelada", "pospuso la inauguración".
 */
export const NEGATED_EVENT =
  /\b(?:(?:no|nunca|jamás|tampoco)\s+(?:se\s+|lo\s+|la\s+|han\s+|ha\s+|hubo\s+)?(?:firm|reun|inaugur|celebr|realiz|llev|acud|asist|particip|present|sostuv|hubo)\p{L}*|sin\s+(?:firmar|la\s+firma|reunirse|inaugurar)|(?:fue|fueron|ha\s+sido|han\s+sido)\s+(?:cancelad|pospuest|suspendid|aplazad)\p{L}*|(?:cancel|pospus|suspendi|aplaz)(?:ó|aron|ieron|o)\b)/iu;

/** Men's given names that end in "a" (folded): the exceptions to reading such a name as a woman's. */
// prettier-ignore
export const MASCULINE_GIVEN_NAMES_IN_A = new Set(['bautista', 'garcilaso', 'josue', 'jeremias', 'isaias', 'matias', 'tobias', 'elias', 'nicolas', 'luca', 'joshua', 'zacarias', 'ezequiel']);

/** Bodies the genre names in lower case: "el gobierno federal" (the federal government, by its usual name). */
export const LOWER_CASE_BODIES = /\b(gobierno federal|gobierno de la república)\b/giu;

/**
 * What joins a name to the post it holds, held or will hold when the post comes after the name:
 * "X es el nuevo subsecretario", "X será la secretaria de Energía", "X fue designado por la
 * presidenta como secretario de Salud", "X, quien se desempeñaba como director".
 */
export const COPULAS =
  /es|era|fue|será|sería|ha sido|había sido|queda como|quedará como|seguirá como|continuará como|fue (?:designad[oa]|nombrad[oa]|ratificad[oa]|propuest[oa]|electo|electa)(?:\s+por\s+[^,.;]{1,60}?)?\s+como|(?:asume|asumirá|asumió) (?:como|el cargo de)|se desempeña(?:ba|rá)? como|funge como|fungía como|fungirá como|ocupa(?:rá|ba)? el cargo de/u;

/** Verbs by which a person heads a body named after them: "X encabezará la Secretaría de Energía". */
export const HEADS_BODY =
  /^\s*,?\s*(?:quien\s+)?(?:encabeza|encabezará|encabezaba|lidera|liderará|lideraba|dirige|dirigirá|dirigía|estará al frente de|quedará al frente de|está al frente de|estaba al frente de|asumirá la titularidad de|asume la titularidad de)\s+(?:a\s+)?(?:la|el|los)?\s*$/iu;
/** "Al frente de la Secretaría de X estará Y"; "la Secretaría de Salud, a cargo de Y". */
export const BODY_HEADED_BY = /^\s*(?:\([^)]{1,15}\)\s*)?(?:,\s*a cargo de|,\s*encabezada por|,\s*dirigida por|,\s*que encabeza|estará|quedará|está)\s+$/iu;
export const AT_THE_HEAD_OF = /\bal frente de\s+(?:la|el)?\s*$/iu;

/** Taking office: a date after these in the sentence starts the tenure ("designado el 3 de julio"). */
export const TAKES_OFFICE = /\b(designad[oa]|nombrad[oa]|tom(ó|aron) protesta|rindi(ó|eron) protesta|asumi(ó|rá)|ratificad[oa]|entr(ó|a) en funciones)\b/iu;
const HEAD_WORDS_RE =
  '(?:titular|director|directora|secretari[oa]|subsecretari[oa]|gobernador|gobernadora|presidente|presidenta|coordinador|coordinadora|delegad[oa]|rector|rectora|jefe|jefa|alcalde|alcaldesa|fiscal|comisionad[oa])';
/** The holder is new in the post ("el nuevo titular", "la recién nombrada directora"). */
export const NEW_IN_POST = new RegExp(`\\b(?:nuev[oa]|recién nombrad[oa]|recién designad[oa]|flamante)\\s+${HEAD_WORDS_RE}\\b`, 'iu');
/** The post was held before ("quien se desempeñaba como", "era director", "el exdirector", "la anterior titular"). */
export const PAST_POST = new RegExp(
  `\\b(?:se desempeñaba como|fungía como|hasta entonces|otrora)\\b|\\b(?:era|fue)\\s+(?:(?:el|la)\\s+)?${HEAD_WORDS_RE}\\b|\\b(?:ex-?|anterior\\s+)${HEAD_WORDS_RE}\\b`,
  'iu',
);
/** "en sustitución de Y", "sustituye a Y", "en lugar de Y", "releva a Y": Y held the post before. */
export const REPLACES = /\b(en sustitución de|sustituye a|sustituirá a|en lugar de|releva a|relevará a|en relevo de|en reemplazo de|reemplaza a|reemplazará a)\s+(?:(?:el|la)\s+)?/iu;
/** "(designó a) Ana Ruiz como la nueva titular", "Luis Vega, como secretario de Hacienda": a post the name is given as. */
export const AS_POST = /,?\s+como\s+(?:(?:el|la)\s+)?(?:(?:nuev[oa]|próxim[oa]|futur[oa])\s+)?/giu;
/** A profile's past post, its subject left unwritten: "Fue director del ...", "En 2022 fue designada secretaria ...". */
export const PROFILE_POST =
  /(?:^|[.;,]\s+)(?:[Ee]n\s+(\d{4})\s*,?\s+)?(?:también\s+)?(?:fue|fungió\s+como|se\s+desempeñó\s+como|ocupó\s+el\s+cargo\s+de)\s+(?:designad[oa]\s+|nombrad[oa]\s+)?(?:como\s+)?/iu;
/** A work reported done: "quedó concluido el hospital", "entró en operación", "ya opera". */
export const WORK_DONE =
  /\b(?:quedó|quedaron|fue|fueron|ha\s+sido|han\s+sido)\s+(?:concluid[oa]s?|terminad[oa]s?|inaugurad[oa]s?|entregad[oa]s?)\b|\b(?:se\s+)?(?:concluyó|concluyeron|terminó|terminaron)\s+(?:la\s+)?(?:construcción|obra|rehabilitación)\b|\b(?:entró|entraron)\s+en\s+operación\b|\bya\s+(?:opera|operan|funciona|funcionan|está\s+en\s+operación)\b/iu;
/** A work reported under way: "lleva un avance de 40 %", "con un 73 % de progreso", "arrancaron los trabajos". */
export const WORK_PROGRESS =
  /\b(?:lleva|llevan|registra|registran|presenta|presentan|tiene|tienen)\s+un\s+avance\b|\bavance\s+(?:físico\s+)?(?:de|del)\s+\d|\bcon\s+(?:un\s+)?\d+(?:[.,]\d+)?\s*(?:%|por\s+ciento)\s+de\s+(?:avance|progreso)\b|\b(?:se\s+encuentra|está|están)\s+en\s+construcción\b|\b(?:inició|iniciaron|arrancó|arrancaron)\s+(?:la\s+construcción|los\s+trabajos|las\s+obras)\b/iu;
/** "acompañado por ...", "junto con ...": the people named after it go with the subject, who is named before it. */
export const ACCOMPANIED_BY = /\b(?:acompañad[oa]s?\s+(?:por|de)|junto\s+(?:con|a)|en\s+compañía\s+de)\s/giu;
/** "el nuevo hospital ..., que sustituirá al antiguo Hospital Y": a facility that takes over another's role (and often its name). */
export const FACILITY_REPLACES = /\b(?:sustituir[áa]|sustituye|reemplazar[áa]|reemplaza|suplir[áa]|en\s+sustituci[oó]n)\s+(?:a|al|a\s+la|del|de\s+la)\s+(?:(?:antigu[oa]|viej[oa]|actual)\s+)?/iu;
/** "será sustituido por Y", "lo relevará Y": Y holds the post next. */
export const REPLACED_BY = /\b((?:será|fue|es)\s+(?:sustituid[oa]|relevad[oa]|reemplazad[oa])\s+por|l[oa] sustituirá|l[oa] relevará)\s+(?:(?:el|la)\s+)?/iu;

/** Whether a word is a given name (accents and case aside): a name of GIVEN_NAMES or a woman's of FEMININE_GIVEN_NAMES. */
const GIVEN_FOLDED = new Set([...GIVEN_NAMES].map((n) => n.normalize('NFD').replace(/\p{M}+/gu, '')));
export function isGivenName(word: string): boolean {
  const f = word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return GIVEN_FOLDED.has(f) || FEMININE_GIVEN_NAMES.has(f);
}

/**
 * What follows a facility's name and belongs to it: its acronym in parentheses (left out of the
 * name), the institution ("del ISSSTE", "del IMSS Bienestar") and the town ("en Mazatlán").
 * Groups: 1 the acronym, 2 the institution, 3 the town (kept only when the gazetteer knows it).
 */
export const FACILITY_SITE = /^(\s*\([\p{Lu}][\p{L}\d-]{1,15}\))?(?:\s+del\s+(\p{Lu}{2,}(?:[-\s–]+Bienestar)?))?(?:\s+(?:en|de)\s+(\p{Lu}\p{Ll}+(?:\s+(?:de\s+|del\s+)?\p{Lu}\p{Ll}+){0,3}))?/u;

/** Heads written in lower case before a name they make a facility's or a program's ("el antiguo hospital Presidente Juárez", "la beca Jóvenes ..."). */
export const LOWER_CASE_HEADS: Record<string, { kind: 'Facility' | 'Program'; category: string | null }> = {
  hospital: { kind: 'Facility', category: 'hospital' },
  clínica: { kind: 'Facility', category: 'clinic' },
  sanatorio: { kind: 'Facility', category: 'hospital' },
  beca: { kind: 'Program', category: null },
  becas: { kind: 'Program', category: null },
  programa: { kind: 'Program', category: null },
};
