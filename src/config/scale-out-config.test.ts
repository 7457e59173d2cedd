import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const MULTI_NODE = { DATABASE_URL: 'postgres://db.internal/news', REDIS_URL: 'redis://cache.internal:6379' };

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((problem) => problem.split(':')[0] ?? '');
  }
  return [];
};

describe('config: CDN purge hook and cluster mode', () => {
  it('purges nothing and runs one process by default', () => {
    const config = loadConfig({});
    assert.equal(config.cdnPurge, undefined);
    assert.equal(config.clusterWorkers, 0);
  });

  it('reads CDN_PURGE_URL with its secret, and refuses one without the other or a weak secret', () => {
    const config = loadConfig({ CDN_PURGE_URL: 'https://purge.example/hook', CDN_PURGE_SECRET: 'a-long-enough-secret' });
    assert.deepEqual(config.cdnPurge, { url: 'https://purge.example/hook', secret: 'a-long-enough-secret' });
    assert.deepEqual(problemsOf({ CDN_PURGE_URL: 'https://purge.example/hook' }), ['CDN_PURGE_SECRET']);
    assert.deepEqual(problemsOf({ CDN_PURGE_URL: 'https://purge.example/hook', CDN_PURGE_SECRET: 'short' }), ['CDN_PURGE_SECRET']);
    assert.deepEqual(problemsOf({ CDN_PURGE_URL: 'ftp://purge.example', CDN_PURGE_SECRET: 'a-long-enough-secret' }), ['CDN_PURGE_URL']);
  });

  it('takes a number of workers or `auto`, with Redis and PostgreSQL', () => {
    assert.equal(loadConfig({ ...MULTI_NODE, CLUSTER_WORKERS: '4' }).clusterWorkers, 4);
    assert.equal(loadConfig({ ...MULTI_NODE, CLUSTER_WORKERS: 'auto' }).clusterWorkers, Math.min(64, os.availableParallelism()));
    assert.equal(loadConfig({ CLUSTER_WORKERS: '0' }).clusterWorkers, 0);
  });

  it('refuses cluster mode without REDIS_URL, and out-of-range worker counts', () => {
    assert.deepEqual(problemsOf({ CLUSTER_WORKERS: '2' }), ['CLUSTER_WORKERS']);
    assert.deepEqual(problemsOf({ CLUSTER_WORKERS: 'auto', DATABASE_URL: 'postgres://db.internal/news' }), ['CLUSTER_WORKERS']);
    // Redis without PostgreSQL is refused first, as in multi-node mode.
    assert.deepEqual(problemsOf({ CLUSTER_WORKERS: '2', REDIS_URL: 'redis://cache.internal:6379' }), ['REDIS_URL']);
    for (const bad of ['65', '-1', '1.5', 'many']) assert.deepEqual(problemsOf({ ...MULTI_NODE, CLUSTER_WORKERS: bad }), ['CLUSTER_WORKERS'], bad);
  });
});
