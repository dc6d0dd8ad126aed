import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLString,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/api/schema.js';

const blank = (description: string | null | undefined) => !description?.trim();

/**
 * Every schema member a client sees without a description (or with a blank one): named types
 * (objects, interfaces, unions, inputs, enums, custom scalars), fields and their arguments, input
 * fields and enum values, as `Type`, `Type.field`, `Type.field(arg)` and `Enum.VALUE`.
 * Introspection types (`__*`) and the built-in scalars are left out.
 */
function missingDescriptions(types: readonly GraphQLNamedType[]): string[] {
  const missing: string[] = [];
  for (const type of types) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('describe every type, field, argument, input field and enum value', async () => {
    const missing = missingDescriptions(Object.values((await schema()).getTypeMap()));
    expect(missing, `${missing.length} schema members have no description:\n  ${missing.join('\n  ')}\n`).toEqual([]);
  });

  it('are checked on every kind of member (the check finds what is missing)', () => {
    const bare = new GraphQLObjectType({ name: 'Bare', fields: { x: { type: GraphQLString, description: ' ', args: { y: { type: GraphQLString } } } } });
    const kinds = new GraphQLEnumType({ name: 'Kinds', description: 'Kinds.', values: { A: { value: 'a' }, B: { value: 'b', description: 'B.' } } });
    const input = new GraphQLInputObjectType({ name: 'In', description: 'In.', fields: { z: { type: GraphQLString } } });
    const scalar = new GraphQLScalarType({ name: 'When' });
    expect(missingDescriptions([bare, kinds, input, scalar, GraphQLString])).toEqual(['Bare', 'Bare.x', 'Bare.x(y)', 'In.z', 'Kinds.A', 'When']);
  });
});
