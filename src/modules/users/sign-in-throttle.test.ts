import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { recordingSleep, TEST_NOW } from '../../testing/test-app.js';
import { PASSWORD_CHECK_LIMITS, SIGN_IN_LIMITS, SignInThrottle, clientAddressKey, memorySignInLimiters } from './sign-in-throttle.js';

describe('clientAddressKey', () => {
  it('keeps IPv4 addresses, and finds them inside IPv4-mapped IPv6', () => {
    assert.equal(clientAddressKey('192.0.2.7'), '192.0.2.7');
    assert.equal(clientAddressKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(clientAddressKey('::FFFF:192.0.2.7'), '192.0.2.7');
    assert.equal(clientAddressKey('::ffff:c000:207'), '192.0.2.7');
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    const key = '2001:db8:0:1::/64';
    for (const address of ['2001:db8::1:0:0:0:1', '2001:0db8:0000:0001:ffff:ffff:ffff:ffff', '2001:DB8:0:1::', '2001:db8:0:1:1:2:3:4%eth0']) {
      assert.equal(clientAddressKey(address), key, address);
    }
    assert.notEqual(clientAddressKey('2001:db8:0:2::1'), key);
    assert.equal(clientAddressKey('::1'), '0:0:0:0::/64');
    assert.equal(clientAddressKey('64:ff9b::192.0.2.7'), '64:ff9b:0:0::/64');
  });

  it('leaves anything else as it is', () => {
    assert.equal(clientAddressKey('not an address'), 'not an address');
    assert.equal(clientAddressKey(''), '');
  });
});

describe('SignInThrottle', () => {
  const make = () => {
    const clock = fixedClock(TEST_NOW);
    const { sleep, sleeps } = recordingSleep();
    return { clock, sleeps, throttle: new SignInThrottle(memorySignInLimiters(clock), sleep) };
  };

  it('waits longer as an account’s failures grow, up to the cap, and never refuses the account', async () => {
    const { throttle, sleeps, clock } = make();
    const waits: number[] = [];
    for (let failures = 0; failures < 60; failures++) {
      assert.equal(await throttle.isLimited('ana@news.example', `10.0.${failures}.1`), false, 'a fresh address is never refused');
      waits.push(await throttle.slowDown('ana@news.example'));
      await throttle.recordFailure('ana@news.example', `10.0.${failures}.1`);
    }
    const steps = SIGN_IN_LIMITS.slowDown;
    assert.deepEqual(
      [waits[0], waits[4], waits[5], waits[9], waits[10], waits[19], waits[20], waits[59]],
      [0, 0, steps[0].delayMs, steps[0].delayMs, steps[1].delayMs, steps[1].delayMs, steps[2].delayMs, steps[2].delayMs],
    );
    assert.deepEqual(
      sleeps,
      waits.filter((wait) => wait > 0),
      'only real waits are slept',
    );
    assert.equal(await throttle.slowDown('bo@news.example'), 0, 'other accounts do not wait');
    await throttle.recordSuccess('ana@news.example', '10.0.99.1');
    assert.equal(await throttle.slowDown('ana@news.example'), steps[2].delayMs, 'a success does not tell guessers by lifting the wait');
    clock.advance(SIGN_IN_LIMITS.windowMs);
    assert.equal(await throttle.slowDown('ana@news.example'), 0, 'the window passed');
  });

  it('refuses an address, and an address with one account; a success forgets the pair', async () => {
    const { throttle } = make();
    for (let i = 0; i < SIGN_IN_LIMITS.perIpAndAccount - 1; i++) await throttle.recordFailure('ana@news.example', '10.1.0.1');
    await throttle.recordSuccess('ana@news.example', '10.1.0.1');
    await throttle.recordFailure('ana@news.example', '10.1.0.1');
    assert.equal(await throttle.isLimited('ana@news.example', '10.1.0.1'), false, 'the owner’s typos before a success are forgotten');
    for (let i = 0; i < SIGN_IN_LIMITS.perIpAndAccount - 1; i++) await throttle.recordFailure('ana@news.example', '10.1.0.1');
    assert.equal(await throttle.isLimited('ana@news.example', '10.1.0.1'), true);
    assert.equal(await throttle.isLimited('ana@news.example', '10.1.0.2'), false);
    assert.equal(await throttle.isLimited('bo@news.example', '10.1.0.1'), false);
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) await throttle.recordFailure(`spray${i}@news.example`, '10.1.0.3');
    assert.equal(await throttle.isLimited('anyone@news.example', '10.1.0.3'), true);
  });

  it('counts only wrong passwords against a password check', async () => {
    const { throttle } = make();
    const wrong = () => Promise.reject(new AppError('ERR_PASSWORD_INCORRECT'));
    const tooShort = () => Promise.reject(new AppError('ERR_PASSWORD_TOO_SHORT'));
    for (let i = 0; i < 10; i++) await rejectsWithCode(throttle.guardPasswordCheck('user:1', '10.2.0.1', tooShort), 'ERR_PASSWORD_TOO_SHORT');
    for (let i = 0; i < PASSWORD_CHECK_LIMITS.perAccount; i++) {
      await rejectsWithCode(throttle.guardPasswordCheck('user:1', `10.2.1.${i}`, wrong), 'ERR_PASSWORD_INCORRECT');
    }
    let checked = false;
    const right = async () => {
      checked = true;
      return 'changed';
    };
    await rejectsWithCode(throttle.guardPasswordCheck('user:1', '10.2.2.1', right), 'ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    assert.equal(checked, false, 'refused before the password is looked at');
    assert.equal(await throttle.guardPasswordCheck('user:2', '10.2.2.1', right), 'changed');
  });
});
