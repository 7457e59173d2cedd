import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { openApiDocument } from '../web/api/openapi.js';

const DOCUMENT_ID = 'https://dateline.invalid/api/v1/openapi.json';
const WHOLE_DOCUMENT_ID = 'https://dateline.invalid/api/v1/openapi-whole-objects.json';
/** The OpenAPI keywords around the schemas: known to ajv so strict mode still catches typos inside schemas. */
const OPENAPI_KEYWORDS = [
  'openapi',
  'info',
  'servers',
  'security',
  'paths',
  'components',
  'securitySchemes',
  'parameters',
  'responses',
  'operationId',
  'summary',
  'in',
  'name',
  'required',
  'content',
  'headers',
  'get',
];

type Operation = { responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }> };

const ajv = new Ajv2020({ strict: true, allErrors: true });
// ajv-formats is CommonJS: its default export arrives as `.default` under ESM.
(ajvFormats as unknown as { default: (instance: Ajv2020) => void }).default(ajv);
ajv.addVocabulary(OPENAPI_KEYWORDS.filter((keyword) => keyword !== 'required'));
ajv.addSchema({ ...openApiDocument, $id: DOCUMENT_ID });
ajv.addSchema({ ...wholeObjects(), $id: WHOLE_DOCUMENT_ID });

/**
 * The document as it applies to an answer without `fields=`: objects that `fields` may narrow
 * (required: id only) must then carry every property, so a field the API forgets to send fails.
 */
function wholeObjects(): typeof openApiDocument {
  const copy = structuredClone(openApiDocument);
  for (const schema of Object.values(copy.components.schemas) as Array<{ properties?: object; required?: string[] }>) {
    if (schema.properties && schema.required?.length === 1 && schema.required[0] === 'id') schema.required = Object.keys(schema.properties);
  }
  return copy;
}

/** The compiled validator for a JSON pointer into the document (throws when a schema there does not compile). */
export function validatorAt(pointer: string) {
  return ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
}

const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/** The document's path template that a request path matches (`/articles/harbour` → `/articles/{slug}`). */
export function operationPathFor(path: string): string {
  const templates = Object.keys(openApiDocument.paths);
  const found = templates.find((template) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
  assert.ok(found, `no operation in the OpenAPI document matches ${path}`);
  return found;
}

/**
 * Asserts that an API response is one the document describes: the operation exists, lists the
 * status, and (with a body) the body validates against that response's schema, every field present
 * unless the request chose fields.
 */
export function assertMatchesOpenApi(url: string, response: LightMyRequestResponse): void {
  const path = new URL(url, 'https://x.invalid').pathname.replace(/^\/api\/v1/, '');
  const template = operationPathFor(path);
  const operation = (openApiDocument.paths as unknown as Record<string, { get: Operation }>)[template]?.get;
  assert.ok(operation, `no GET for ${template}`);
  const status = String(response.statusCode);
  const described = operation.responses[status];
  assert.ok(described, `${template} does not describe a ${status} response (body: ${response.body.slice(0, 200)})`);
  if (status === '304') return assert.equal(response.body, '');
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const pointer = described.$ref
    ? `${described.$ref.slice(1)}/content/application~1json/schema`
    : `/paths/${escape(template)}/get/responses/${status}/content/application~1json/schema`;
  const narrowed = new URL(url, 'https://x.invalid').searchParams.has('fields');
  const validate = ajv.getSchema(`${narrowed ? DOCUMENT_ID : WHOLE_DOCUMENT_ID}#${pointer}`);
  assert.ok(validate, `no schema at ${pointer}`);
  if (!validate(JSON.parse(response.body))) {
    assert.fail(`${template} ${status} does not match the document: ${ajv.errorsText(validate.errors)}\n${response.body.slice(0, 500)}`);
  }
}
