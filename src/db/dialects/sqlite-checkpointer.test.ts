import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { CHECKPOINT_INTERVAL_MS, FALLBACK_AUTOCHECKPOINT_PAGES, SqliteCheckpointer } from './sqlite-checkpointer.js';

describe('the SQLite log checkpointed on a thread of its own', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-checkpointer-'));
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('copies the log back while commits on the main connection never do', async () => {
    const file = path.join(directory, 'log.sqlite');
    const database = new BetterSqlite3(file);
    database.pragma('journal_mode = WAL');
    database.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    database.exec('create table filler (body text)');
    const checkpointer = SqliteCheckpointer.start(file, 100);
    assert.ok(checkpointer);
    const insert = database.prepare('insert into filler (body) values (?)');
    /** About 2,000 pages (8 MB) of log: twice the size at which SQLite would checkpoint in a commit. */
    const writeLog = () => {
      for (let n = 0; n < 40; n += 1) insert.run('x'.repeat(200_000));
    };
    const logSize = () => fs.statSync(`${file}-wal`).size;
    try {
      writeLog();
      await sleep(500);
      writeLog();
      // Checkpointed in between, the log starts again from its beginning: about 8 MB, where the
      // main connection alone (checkpointing only past 40 MB) would have let it reach 16 MB.
      assert.ok(logSize() < 12_000_000, `the log grew to ${logSize()} bytes`);
    } finally {
      const stopped = checkpointer.stop();
      database.close();
      await stopped;
    }
    assert.ok(CHECKPOINT_INTERVAL_MS <= 1_000, 'the log is checkpointed every second at least');
  });
});
