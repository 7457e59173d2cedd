import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CATALOGUE } from '../../shared/errors.js';
import { validatorAt } from '../../testing/openapi-validator.js';
import { fieldsOf, openApiDocument } from './openapi.js';

/** Every `$ref` in the document, with where it was found. */
function refsIn(value: unknown, at = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => refsIn(item, `${at}/${index}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [{ ref: child, at }] : refsIn(child, `${at}/${key}`),
  );
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), openApiDocument);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a key scheme, and every operation has an id, parameters and responses', () => {
    assert.equal(openApiDocument.openapi, '3.1.0');
    assert.ok(openApiDocument.components.securitySchemes.bearerKey);
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(openApiDocument.paths)) {
      const operation = (item as { get?: { operationId?: string; responses?: Record<string, unknown>; parameters?: unknown[] } }).get;
      assert.ok(operation, `${path} has a GET`);
      assert.ok(operation.operationId && !ids.has(operation.operationId), `${path} has a unique operationId`);
      ids.add(operation.operationId);
      assert.ok(Array.isArray(operation.parameters), `${path} lists its parameters`);
      const statuses = Object.keys(operation.responses ?? {});
      assert.ok(statuses.includes('200') && statuses.includes('304'), `${path} has 200 and 304`);
      if (path !== '/openapi.json') for (const status of ['400', '401', '429']) assert.ok(statuses.includes(status), `${path} has ${status}`);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        assert.ok(JSON.stringify(operation.parameters).includes(`/parameters/${name.slice(1, -1)}"`), `${path} declares ${name}`);
      }
    }
  });

  it('has no $ref that does not resolve', () => {
    const refs = refsIn(openApiDocument);
    assert.ok(refs.length > 30);
    for (const { ref, at } of refs) assert.ok(resolve(ref) !== undefined, `${ref} (at ${at}) resolves`);
  });

  it('has schemas that compile under JSON Schema 2020-12 in strict mode', () => {
    for (const name of Object.keys(openApiDocument.components.schemas)) {
      assert.equal(typeof validatorAt(`/components/schemas/${name}`), 'function', name);
    }
  });

  it('offers fields for every selectable object, and every error code in it exists', () => {
    for (const name of ['Article', 'ArticleSummary', 'Section', 'Author', 'Tag', 'Series', 'SearchHit'])
      assert.ok(fieldsOf(name).includes('id'), name);
    const codes = JSON.stringify(openApiDocument).match(/ERR_[A-Z_]+[A-Z]/g) ?? [];
    for (const code of codes) assert.ok(code in ERROR_CATALOGUE, code);
  });
});
