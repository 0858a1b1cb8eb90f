// Request validation with two Ajv instances, one per kind of input:
//  - JSON bodies carry types of their own and are never coerced: `"version":"2"` is refused, not
//    read as 2 (a client sending strings has a bug the server should not paper over);
//  - params, query strings and headers are text by nature and are coerced to the schema's types,
//    but a number must be written as plain decimal digits. Ajv alone reads "0x10", "1e1", " 16" and
//    "16.0" as 16, so `/reports/0x10` answered as `/reports/16`: one resource under many spellings.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { FastifyInstance, FastifySchema } from 'fastify';

// Fastify's own defaults, minus coercion for bodies. allErrors stays off: with it, a hostile body
// makes Ajv collect every error (a known denial of service).
const COMMON = { removeAdditional: false, useDefaults: true, allErrors: false, addUsedSchema: false } as const;

const INTEGER_TEXT = /^-?[0-9]+$/;
const NUMBER_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema };

const typesOf = (s: Schema | undefined): string[] => (s?.type == null ? [] : Array.isArray(s.type) ? s.type : [s.type]);

/** The text pattern a numeric schema requires of a raw string, or null for non-numeric schemas. */
function numericText(s: Schema | undefined): RegExp | null {
  const types = typesOf(s);
  if (types.includes('integer')) return INTEGER_TEXT;
  if (types.includes('number')) return NUMBER_TEXT;
  return null;
}

/**
 * A check run before Ajv's coercion on an object of text values (params, query string): the name of
 * the first numeric field (or array of them) not written in decimal digits, or null when all are.
 */
export function nonDecimalField(schema: Schema, data: unknown): string | null {
  if (data == null || typeof data !== 'object' || !schema.properties) return null;
  for (const [name, prop] of Object.entries(schema.properties)) {
    const value = (data as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const direct = numericText(prop);
    const inArray = typesOf(prop).includes('array') ? numericText(prop.items) : null;
    const values = Array.isArray(value) ? value : [value];
    const pattern = Array.isArray(value) ? (inArray ?? direct) : (direct ?? inArray);
    if (pattern && values.some((v) => typeof v === 'string' && !pattern.test(v))) return name;
  }
  return null;
}

function withDecimalCheck(schema: Schema, validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown) => {
    const field = nonDecimalField(schema, data);
    if (field) {
      const error: ErrorObject = {
        instancePath: `/${field}`,
        schemaPath: `#/properties/${field}`,
        keyword: 'pattern',
        params: { pattern: INTEGER_TEXT.source },
        message: 'must be written in plain decimal digits',
      };
      wrapped.errors = [error];
      return false;
    }
    const ok = validate(data);
    wrapped.errors = validate.errors;
    return ok;
  }) as ValidateFunction;
  return wrapped;
}

/** Installs the validator compiler on an app, before its routes are added. */
export function installValidation(app: FastifyInstance): void {
  const bodies = new Ajv({ ...COMMON, coerceTypes: false });
  const text = new Ajv({ ...COMMON, coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) => {
    if (httpPart === 'body') return bodies.compile(schema as object);
    return withDecimalCheck(schema as Schema, text.compile(schema as object));
  });
}
