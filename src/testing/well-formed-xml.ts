import assert from 'node:assert/strict';
import { xmllint } from './xml-schema.js';

/**
 * Fails unless `xml` is well-formed as libxml2 (xmllint) reads it: nesting, entities, a raw `<` in
 * an attribute, `]]>` outside CDATA, characters XML 1.0 forbids. xmllint only warns about an
 * undeclared namespace prefix, so that is checked here. Feed readers are strict XML parsers; the
 * feed parser the tests read feeds with is lenient, so it cannot be the judge of this.
 */
export function assertWellFormedXml(xml: string): void {
  const result = xmllint(xml);
  assert.ok(result.valid, result.output);
  assert.doesNotMatch(result.output, /namespace error/i, result.output);
}
