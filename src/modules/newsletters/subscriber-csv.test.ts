import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvFileText, parseCsv, parseCsvInTurns } from './subscriber-csv.js';

describe('subscriber CSV', () => {
  it('reads quoted cells, doubled quotes, CRLF and LF, skips empty lines and reports an unclosed quote', () => {
    const parsed = parseCsv('a,"b ""c""",d\r\n\r\n"e\nf",g\nh,"i');
    assert.deepEqual(parsed.rows, [
      { line: 1, cells: ['a', 'b "c"', 'd'] },
      { line: 3, cells: ['e\nf', 'g'] },
    ]);
    assert.equal(parsed.unclosedAt, 5);
  });

  it('reads a large text in turns to the same rows, and stops once it has more rows than allowed', async () => {
    const text = Array.from({ length: 25 }, (_, i) => `a${i}@example.com,briefing,`).join('\n');
    assert.deepEqual(await parseCsvInTurns(text, { maxRows: 25, rowsPerTurn: 10 }), parseCsv(text));
    assert.equal(await parseCsvInTurns(text, { maxRows: 24, rowsPerTurn: 10 }), undefined);
  });

  it('takes a file’s UTF-8 text without its byte order mark; refuses empty, binary, non-UTF-8 and other kinds of file', () => {
    assert.equal(csvFileText({ name: 'list.CSV', bytes: Buffer.from('\uFEFFa@example.com,briefing,') }), 'a@example.com,briefing,');
    assert.equal(csvFileText({ name: 'no-extension', bytes: Buffer.from('Zoë@example.com,briefing,') }), 'Zoë@example.com,briefing,');
    const refused = (name: string, bytes: Buffer, code: string) => assert.throws(() => csvFileText({ name, bytes }), { code });
    refused('list.csv', Buffer.from(' \r\n'), 'ERR_SUBSCRIBER_FILE_EMPTY');
    refused('list.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'ERR_SUBSCRIBER_FILE_NOT_CSV');
    refused('list.csv', Buffer.from('Zoë', 'latin1'), 'ERR_SUBSCRIBER_FILE_NOT_CSV');
    refused('list.json', Buffer.from('[]'), 'ERR_SUBSCRIBER_FILE_NOT_CSV');
  });
});
