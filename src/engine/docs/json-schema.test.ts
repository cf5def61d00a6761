import { readFileSync } from 'node:fs';
import { buildJsonSchema, jsonSchemaText, SCHEMA_ID } from './json-schema';

describe('buildJsonSchema', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading a JSON document by path
  const schema = buildJsonSchema() as Record<string, any>;

  it('describes cases, clinics and shifts, chosen by kind', () => {
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(Object.keys(schema.$defs)).toEqual(['case', 'clinic', 'shift']);
    expect(schema.then).toEqual({ $ref: '#/$defs/clinic' });
    expect(schema.else.then).toEqual({ $ref: '#/$defs/shift' });
    expect(schema.else.else).toEqual({ $ref: '#/$defs/case' });
  });

  it('rejects unknown keys and documents fields', () => {
    expect(schema.$defs.case.additionalProperties).toBe(false);
    expect(schema.$defs.case.properties.people.additionalProperties.additionalProperties).toBe(false);
    expect(schema.$defs.case.properties.clinic.description).toContain('clinic id');
    expect(schema.$defs.case.required).toEqual(expect.arrayContaining(['format', 'id', 'title', 'steps', 'start']));
    expect(schema.$defs.case.required).not.toContain('kind');
  });

  it('matches the committed scenarios/schema.json', () => {
    const committed = readFileSync(new URL('../../../scenarios/schema.json', import.meta.url), 'utf8');
    // If this fails the schema changed: regenerate with `npm run scenarios -- schema` and commit.
    expect(committed, 'scenarios/schema.json is stale: run `npm run scenarios -- schema`').toBe(jsonSchemaText());
  });
});
