import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/domain/names.js';
import { GazetteerError, loadGazetteer, parseGazetteer, type Place } from '../../src/ingest/gazetteer.js';

const g = loadGazetteer();
const describePlaces = (places: Place[]) => places.map((p) => `${p.kind}:${p.name}${p.state ? ` (${p.state})` : ''}`);

describe('gazetteer data', () => {
  it('lists the 32 federal entities, each once', () => {
    expect(g.states).toHaveLength(32);
    expect(new Set(g.states.map((s) => foldName(s.name))).size).toBe(32);
    for (const name of [
      'Aguascalientes',
      'Baja California Sur',
      'Ciudad de México',
      'Estado de México',
      'Michoacán',
      'Nuevo León',
      'Quintana Roo',
      'San Luis Potosí',
      'Veracruz',
      'Yucatán',
      'Zacatecas',
    ]) {
      expect(g.state(name)?.name, name).toBe(name);
    }
  });

  it('gives every state a capital among its municipalities (Ciudad de México is its own)', () => {
    for (const s of g.states) {
      const capital = g.capitalOf(s.name);
      expect(capital, s.name).not.toBeNull();
      if (s.name === 'Ciudad de México') expect(capital!.kind).toBe('state');
      else expect(capital!.state).toBe(s.name);
    }
    expect(g.capitalOf('Edomex')?.name).toBe('Toluca');
    expect(g.capitalOf('Nuevo León')?.name).toBe('Monterrey');
    expect(g.capitalOf('Quintana Roo')?.aliases).toContain('Chetumal');
    expect(g.capitalOf('Narnia')).toBeNull();
  });

  it('lists the 125 municipalities of the Estado de México', () => {
    const edomex = g.municipalitiesOf('Estado de México');
    expect(edomex).toHaveLength(125);
    expect(new Set(edomex.map((m) => foldName(m.name))).size).toBe(125);
    // prettier-ignore
    for (const name of ['Toluca', 'Tecámac', 'Ecatepec de Morelos', 'Tlalnepantla de Baz', 'Zinacantepec', 'Zumpango', 'Atenco', 'San Simón de Guerrero', 'Texcoco', 'Tonanitla', 'Luvianos', 'San José del Rincón', 'Valle de Chalco Solidaridad']) {
      expect(edomex.map((m) => m.name), name).toContain(name);
    }
  });

  it('lists the 16 alcaldías of Ciudad de México and municipalities for every state', () => {
    expect(g.municipalitiesOf('CDMX')).toHaveLength(16);
    for (const s of g.states) expect(g.municipalitiesOf(s.name).length, s.name).toBeGreaterThanOrEqual(5);
    expect(g.municipalities.length).toBeGreaterThan(600);
  });

  it('attaches every municipality to a listed state, and states and the country to none', () => {
    const names = new Set(g.states.map((s) => s.name));
    for (const m of g.municipalities) {
      expect(m.kind).toBe('municipality');
      expect(names.has(m.state!), `${m.name} -> ${m.state}`).toBe(true);
    }
    for (const s of g.states) expect(s.state).toBeNull();
    expect(g.country).toMatchObject({ name: 'México', kind: 'country', state: null });
  });
});

describe('gazetteer lookup', () => {
  it('finds states by official name, short form and abbreviation', () => {
    const edomex = ['Estado de México', 'Edomex', 'EdoMéx', 'Edo. Méx.', 'Edo. de México', 'ESTADO DE MEXICO', 'estado de méxico'];
    for (const n of edomex) expect(describePlaces(g.lookup(n)), n).toEqual(['state:Estado de México']);
    for (const n of ['CDMX', 'Ciudad de México', 'ciudad de mexico', 'Distrito Federal', 'D.F.']) expect(describePlaces(g.lookup(n)), n).toEqual(['state:Ciudad de México']);
    for (const n of ['Nuevo León', 'Nuevo Leon', 'NL', 'N.L.', 'nl']) expect(describePlaces(g.lookup(n)), n).toEqual(['state:Nuevo León']);
    expect(describePlaces(g.lookup('Veracruz de Ignacio de la Llave'))).toEqual(['state:Veracruz']);
    expect(describePlaces(g.lookup('Coahuila de Zaragoza'))).toEqual(['state:Coahuila']);
  });

  it('finds municipalities with and without accents, by name or alias', () => {
    expect(describePlaces(g.lookup('Tecámac'))).toEqual(['municipality:Tecámac (Estado de México)']);
    expect(describePlaces(g.lookup('TECAMAC'))).toEqual(['municipality:Tecámac (Estado de México)']);
    expect(describePlaces(g.lookup('Ecatepec'))).toEqual(['municipality:Ecatepec de Morelos (Estado de México)']);
    expect(describePlaces(g.lookup('Toluca de Lerdo'))).toEqual(['municipality:Toluca (Estado de México)']);
    expect(describePlaces(g.lookup('Cancún'))).toEqual(['municipality:Benito Juárez (Quintana Roo)']);
    expect(describePlaces(g.lookup('Ciudad Juárez'))).toEqual(['municipality:Juárez (Chihuahua)']);
  });

  it('finds the country by its names, before any state of the same name', () => {
    for (const n of ['República Mexicana', 'país', 'Estados Unidos Mexicanos']) expect(describePlaces(g.lookup(n)), n).toEqual(['country:México']);
    expect(describePlaces(g.lookup('México'))).toEqual(['country:México', 'state:Estado de México']);
  });

  it('returns every place an ambiguous name can be: country, then states, then municipalities', () => {
    expect(describePlaces(g.lookup('Morelos'))).toEqual(['state:Morelos', 'municipality:Morelos (Estado de México)']);
    expect(describePlaces(g.lookup('La Paz'))).toEqual(['municipality:La Paz (Baja California Sur)', 'municipality:La Paz (Estado de México)']);
    expect(g.lookup('Benito Juárez').map((p) => p.state)).toEqual(['Ciudad de México', 'Quintana Roo']);
    expect(describePlaces(g.lookup('Guanajuato'))).toEqual(['state:Guanajuato', 'municipality:Guanajuato (Guanajuato)']);
  });

  it('finds nothing for unknown names and for abbreviations that are ordinary words', () => {
    for (const n of ['Narnia', '', '   ', 'son', 'sin', 'ver', 'col']) expect(g.lookup(n), n).toEqual([]);
  });

  it('is loaded once', () => {
    expect(loadGazetteer()).toBe(g);
  });
});

describe('gazetteer checks', () => {
  it('rejects data whose capital is not a listed municipality, duplicates, or nameless entries', () => {
    const bad = `
country: { name: México }
states:
  - name: Estado Uno
    capital: Ciudad Perdida
    municipalities: [Villa Serena, Villa Serena, { aliases: [x] }]
  - name: Estado Uno
    capital: Otra
    municipalities: [Otra]
`;
    expect(() => parseGazetteer(bad)).toThrow(GazetteerError);
    try {
      parseGazetteer(bad);
    } catch (e) {
      expect((e as GazetteerError).problems).toEqual([
        'municipality "Villa Serena" is listed twice in Estado Uno',
        'state "Estado Uno": a municipality has no name',
        'state "Estado Uno": capital "Ciudad Perdida" is not among its municipalities',
        'state "Estado Uno" is listed twice',
      ]);
    }
  });

  it("names the head of an entity's executive where it is not a governor, and refuses a half-given title", () => {
    expect(g.state('CDMX')?.executive).toEqual({ masculine: 'jefe de Gobierno', feminine: 'jefa de Gobierno' });
    expect(g.state('Sonora')?.executive).toBeNull();
    const bad = 'country: {name: Pais}\nstates:\n  - name: Estado Uno\n    capital: Estado Uno\n    executive: {masculine: jefe}\n';
    expect(() => parseGazetteer(bad)).toThrow('state "Estado Uno": executive needs a masculine and a feminine title');
  });
});
