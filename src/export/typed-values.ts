/**
 * Property values of a backup, with their Neo4j types kept. JSON alone cannot tell an integer from
 * a float, nor a date from a string, so a backup writes:
 *
 *   - strings, booleans, finite floats and lists of them as plain JSON (a JSON number is always a
 *     float);
 *   - everything else as a tagged object `{"$t": <type>, "v": <value>}`:
 *       int       "42" (decimal text: 64-bit integers do not fit a JSON number)
 *       float     "NaN", "Infinity", "-Infinity"
 *       date      [year, month, day]
 *       localtime [hour, minute, second, nanosecond]
 *       time      [hour, minute, second, nanosecond, offsetSeconds]
 *       localdatetime [year, month, day, hour, minute, second, nanosecond]
 *       datetime  [year, month, day, hour, minute, second, nanosecond, offsetSeconds | null, zoneId | null]
 *       duration  [months, days, seconds, nanoseconds]
 *       point     [srid, x, y] or [srid, x, y, z]
 *     and lists of these as `{"$t": "<type>[]", "v": [<value>, ...]}`.
 *
 * Neo4j property values are never maps, so any JSON object is a tag. Reading checks every value
 * and says what is wrong with a bad one.
 */
import neo4j from 'neo4j-driver';

export type Encoded = string | boolean | number | Encoded[] | { $t: string; v: unknown };

/** A value the backup cannot hold (no Neo4j property has it, or the type is not supported). */
export class ValueError extends Error {}

const SCALARS = ['int', 'float', 'date', 'localtime', 'time', 'localdatetime', 'datetime', 'duration', 'point'] as const;
type Scalar = (typeof SCALARS)[number];

/** The tag of a Neo4j type name as valueType() gives it ("INTEGER NOT NULL", "LIST<DATE NOT NULL> NOT NULL"). */
function scalarOf(typeName: string): Scalar | 'string' | 'boolean' | 'nothing' | null {
  const t = typeName.replace(/ NOT NULL/g, '').trim();
  switch (t) {
    case 'STRING':
      return 'string';
    case 'BOOLEAN':
      return 'boolean';
    case 'INTEGER':
      return 'int';
    case 'FLOAT':
      return 'float';
    case 'DATE':
      return 'date';
    case 'LOCAL TIME':
      return 'localtime';
    case 'ZONED TIME':
      return 'time';
    case 'LOCAL DATETIME':
      return 'localdatetime';
    case 'ZONED DATETIME':
      return 'datetime';
    case 'DURATION':
      return 'duration';
    case 'POINT':
      return 'point';
    case 'NOTHING':
      return 'nothing';
    default:
      return null;
  }
}

const num = (v: unknown): number => (typeof v === 'number' ? v : neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : Number(v));

type Fields = Record<string, unknown>;

function encodeScalar(tag: Scalar, v: unknown): unknown {
  const f = v as Fields;
  switch (tag) {
    case 'int':
      return String(v);
    case 'float':
      return typeof v === 'number' && Number.isFinite(v) ? v : String(v);
    case 'date':
      return [num(f.year), num(f.month), num(f.day)];
    case 'localtime':
      return [num(f.hour), num(f.minute), num(f.second), num(f.nanosecond)];
    case 'time':
      return [num(f.hour), num(f.minute), num(f.second), num(f.nanosecond), num(f.timeZoneOffsetSeconds)];
    case 'localdatetime':
      return [num(f.year), num(f.month), num(f.day), num(f.hour), num(f.minute), num(f.second), num(f.nanosecond)];
    case 'datetime':
      return [
        num(f.year),
        num(f.month),
        num(f.day),
        num(f.hour),
        num(f.minute),
        num(f.second),
        num(f.nanosecond),
        f.timeZoneOffsetSeconds === undefined || f.timeZoneOffsetSeconds === null ? null : num(f.timeZoneOffsetSeconds),
        (f.timeZoneId as string | undefined) ?? null,
      ];
    case 'duration':
      return [num(f.months), num(f.days), num(f.seconds), num(f.nanoseconds)];
    case 'point':
      return f.z === undefined ? [num(f.srid), num(f.x), num(f.y)] : [num(f.srid), num(f.x), num(f.y), num(f.z)];
  }
}

/**
 * Encodes one property as read by the backup queries: `typeName` from valueType(), `value` as the
 * driver gives it (integers already as decimal text).
 */
export function encodeValue(typeName: string, value: unknown): Encoded {
  const list = /^LIST<(.*)>( NOT NULL)?$/.exec(typeName.trim());
  if (list) {
    const tag = scalarOf(list[1]!);
    const items = value as unknown[];
    if (tag === null) throw new ValueError(`unsupported property type ${typeName}`);
    if (tag === 'nothing' || tag === 'string' || tag === 'boolean') return items as Encoded[];
    if (tag === 'float' && items.every((x) => typeof x === 'number' && Number.isFinite(x))) return items as number[];
    return { $t: `${tag}[]`, v: items.map((x) => encodeScalar(tag, x)) };
  }
  const tag = scalarOf(typeName);
  if (tag === null || tag === 'nothing') throw new ValueError(`unsupported property type ${typeName}`);
  if (tag === 'string' || tag === 'boolean') return value as string | boolean;
  if (tag === 'float' && typeof value === 'number' && Number.isFinite(value)) return value;
  return { $t: tag, v: encodeScalar(tag, value) };
}

// ---- reading ----

const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function wholes(v: unknown, n: number | number[], what: string): number[] {
  const lengths = Array.isArray(n) ? n : [n];
  if (!Array.isArray(v) || !lengths.includes(v.length) || !v.every(isWhole)) throw new ValueError(`${what}: expected ${lengths.join(' or ')} whole numbers`);
  return v as number[];
}

const INT = /^-?\d{1,19}$/;

function decodeScalar(tag: Scalar, v: unknown): unknown {
  switch (tag) {
    case 'int': {
      if (typeof v !== 'string' || !INT.test(v)) throw new ValueError(`int: expected decimal text, got ${JSON.stringify(v)}`);
      const i = neo4j.int(v);
      if (i.toString() !== v.replace(/^(-?)0+(?=\d)/, '$1')) throw new ValueError(`int: ${v} is outside the 64-bit range`);
      return i;
    }
    case 'float': {
      if (typeof v === 'number') return v;
      if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
      throw new ValueError(`float: expected a number, "NaN", "Infinity" or "-Infinity", got ${JSON.stringify(v)}`);
    }
    case 'date': {
      const [y, m, d] = wholes(v, 3, 'date');
      return new neo4j.types.Date(y!, m!, d!);
    }
    case 'localtime': {
      const [h, mi, s, ns] = wholes(v, 4, 'localtime');
      return new neo4j.types.LocalTime(h!, mi!, s!, ns!);
    }
    case 'time': {
      const [h, mi, s, ns, off] = wholes(v, 5, 'time');
      return new neo4j.types.Time(h!, mi!, s!, ns!, off!);
    }
    case 'localdatetime': {
      const [y, mo, d, h, mi, s, ns] = wholes(v, 7, 'localdatetime');
      return new neo4j.types.LocalDateTime(y!, mo!, d!, h!, mi!, s!, ns!);
    }
    case 'datetime': {
      if (!Array.isArray(v) || v.length !== 9) throw new ValueError('datetime: expected 9 fields');
      const [y, mo, d, h, mi, s, ns] = wholes(v.slice(0, 7), 7, 'datetime');
      const off = v[7] as unknown;
      const zone = v[8] as unknown;
      if (!(off === null || isWhole(off)) || !(zone === null || typeof zone === 'string') || (off === null && zone === null)) {
        throw new ValueError('datetime: expected an offset in seconds or a zone id');
      }
      return new neo4j.types.DateTime(y!, mo!, d!, h!, mi!, s!, ns!, (off as number | undefined) ?? undefined, (zone as string | undefined) ?? undefined);
    }
    case 'duration': {
      const [mo, d, s, ns] = wholes(v, 4, 'duration');
      return new neo4j.types.Duration(mo!, d!, s!, ns!);
    }
    case 'point': {
      if (!Array.isArray(v) || (v.length !== 3 && v.length !== 4) || !v.every((x) => typeof x === 'number') || !isWhole(v[0])) throw new ValueError('point: expected [srid, x, y] or [srid, x, y, z]');
      const [srid, x, y, z] = v as number[];
      return new neo4j.types.Point(neo4j.int(srid!), x!, y!, z);
    }
  }
}

/** A property value for the driver, from its backup form; throws ValueError when it is not one. */
export function decodeValue(e: unknown): unknown {
  if (typeof e === 'string' || typeof e === 'boolean') return e;
  if (typeof e === 'number') {
    if (!Number.isFinite(e)) throw new ValueError('a number must be finite');
    return e;
  }
  if (Array.isArray(e)) {
    const kinds = new Set(e.map((x) => typeof x));
    if (kinds.size > 1 || (kinds.size === 1 && !['string', 'boolean', 'number'].some((k) => kinds.has(k as 'string')))) {
      throw new ValueError('a plain list must hold only strings, only booleans or only numbers');
    }
    return e;
  }
  if (e && typeof e === 'object') {
    const { $t, v, ...rest } = e as { $t?: unknown; v?: unknown };
    if (typeof $t !== 'string' || Object.keys(rest).length || !('v' in (e as object))) throw new ValueError('a tagged value must be {"$t": <type>, "v": <value>}');
    const list = $t.endsWith('[]');
    const tag = (list ? $t.slice(0, -2) : $t) as Scalar;
    if (!SCALARS.includes(tag)) throw new ValueError(`unknown value type "${$t}"`);
    if (!list) return decodeScalar(tag, v);
    if (!Array.isArray(v)) throw new ValueError(`${$t}: expected a list`);
    return v.map((x) => decodeScalar(tag, x));
  }
  throw new ValueError(`not a property value: ${JSON.stringify(e)}`);
}
