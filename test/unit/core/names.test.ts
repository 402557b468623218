// Validation of namespace and interface names, addresses, route destinations and MTUs: what is accepted, what is
// refused, and that each refusal names the rule.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError, InvalidNameError, checkInterfaceName, checkMtu, checkNamespaceName, checkRouteDestination, parseCidr } from '../../../src/core/index.js';

function refusedWith(errorClass: new (...args: never[]) => Error, pattern: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof errorClass, `expected ${errorClass.name}, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('namespace names', () => {
  const oddButValid = [
    'with space',
    `quotes ' and "`,
    'semi;colon',
    '$(touch x)',
    '`touch x`',
    'ünïcødé-名前',
    '-leading-dash',
    '.x',
    '..x',
    'x'.repeat(255),
    'é'.repeat(127) + 'x', // 255 bytes in UTF-8
  ];
  for (const name of oddButValid) {
    test(`accepts ${JSON.stringify(name.length > 40 ? `${name.slice(0, 12)}… (${Buffer.byteLength(name)} bytes)` : name)}`, () => {
      assert.equal(checkNamespaceName(name), name);
    });
  }

  test('refuses an empty name, saying it must not be empty', () => {
    assert.throws(() => checkNamespaceName(''), refusedWith(InvalidNameError, /must not be empty/));
  });

  test('refuses a name containing "/", naming the slash rule', () => {
    assert.throws(() => checkNamespaceName('a/b'), refusedWith(InvalidNameError, /must not contain "\/"/));
  });

  test('refuses "." and "..", naming that rule', () => {
    assert.throws(() => checkNamespaceName('.'), refusedWith(InvalidNameError, /must not be "\." or "\.\."/));
    assert.throws(() => checkNamespaceName('..'), refusedWith(InvalidNameError, /must not be "\." or "\.\."/));
  });

  test('refuses a 256-byte name, giving the limit and the actual length', () => {
    assert.throws(() => checkNamespaceName('x'.repeat(256)), refusedWith(InvalidNameError, /at most 255 bytes.*256/));
  });

  test('counts bytes, not characters: 128 two-byte characters are refused', () => {
    assert.throws(() => checkNamespaceName('é'.repeat(128)), refusedWith(InvalidNameError, /at most 255 bytes.*256/));
  });

  test('the refusal quotes the name and says it is a namespace name', () => {
    assert.throws(() => checkNamespaceName('a/b'), refusedWith(InvalidNameError, /namespace name "a\/b"/));
  });
});

describe('interface names', () => {
  test('accepts a 15-byte name', () => {
    assert.equal(checkInterfaceName('abcdefghijklmno'), 'abcdefghijklmno');
  });

  test('refuses a 16-byte name, giving the limit and the actual length', () => {
    assert.throws(() => checkInterfaceName('abcdefghijklmnop'), refusedWith(InvalidNameError, /at most 15 bytes.*16/));
  });

  test('counts bytes: seven two-byte letters and one ASCII letter (15 bytes) are accepted', () => {
    assert.equal(checkInterfaceName('ééééééé' + 'x'), 'ééééééé' + 'x');
  });

  test('counts bytes: eight two-byte letters (16 bytes) are refused', () => {
    assert.throws(() => checkInterfaceName('éééééééé'), refusedWith(InvalidNameError, /at most 15 bytes.*16/));
  });

  test('refuses "/"', () => {
    assert.throws(() => checkInterfaceName('a/b'), refusedWith(InvalidNameError, /must not contain "\/"/));
  });

  for (const [label, name] of [
    ['a space', 'a b'],
    ['a tab', 'a\tb'],
    ['a newline', 'a\nb'],
  ] as const) {
    test(`refuses ${label}, naming the whitespace rule`, () => {
      assert.throws(() => checkInterfaceName(name), refusedWith(InvalidNameError, /whitespace/));
    });
  }

  test('refuses ":" (an alias label to ip)', () => {
    assert.throws(() => checkInterfaceName('eth0:1'), refusedWith(InvalidNameError, /must not contain ":"/));
  });

  test('refuses an empty name', () => {
    assert.throws(() => checkInterfaceName(''), refusedWith(InvalidNameError, /must not be empty/));
  });

  test('the refusal says it is an interface name', () => {
    assert.throws(() => checkInterfaceName('a b'), refusedWith(InvalidNameError, /^Invalid interface name "a b"/));
  });

  // The kernel's dev_valid_name() uses its own isspace(), whose table marks byte 0xA0 as a space. So any name whose
  // UTF-8 holds 0xA0 ("à" is C3 A0) is refused by `ip link add` with "RTNETLINK answers: Invalid argument".
  test('refuses a name whose UTF-8 contains byte 0xA0, which the kernel counts as whitespace', () => {
    assert.throws(() => checkInterfaceName('và'), InvalidNameError);
  });
});

describe('parseCidr', () => {
  test('reads an IPv4 prefix', () => {
    assert.deepEqual(parseCidr('10.0.0.1/24'), { family: 'inet', address: '10.0.0.1', prefixLength: 24 });
  });

  test('reads an IPv6 prefix', () => {
    assert.deepEqual(parseCidr('fd00::1/64'), { family: 'inet6', address: 'fd00::1', prefixLength: 64 });
  });

  test('accepts the extreme prefix lengths /0, /32 and /128', () => {
    assert.equal(parseCidr('0.0.0.0/0').prefixLength, 0);
    assert.equal(parseCidr('10.0.0.1/32').prefixLength, 32);
    assert.equal(parseCidr('::1/128').prefixLength, 128);
  });

  test('refuses an address without a prefix, showing the expected form', () => {
    assert.throws(() => parseCidr('10.0.0.1'), refusedWith(InvalidArgumentError, /expected ADDRESS\/PREFIX/));
  });

  test('refuses a malformed address, quoting it', () => {
    assert.throws(() => parseCidr('10.0.0.300/24'), refusedWith(InvalidArgumentError, /"10\.0\.0\.300" is not an IPv4 or IPv6 address/));
  });

  for (const text of ['10.0.0.1/33', 'fd00::1/129', '10.0.0.1/', '10.0.0.1/x', '10.0.0.1/-1', '10.0.0.1/24/1']) {
    test(`refuses the prefix length in ${text}, giving the allowed range`, () => {
      assert.throws(() => parseCidr(text), refusedWith(InvalidArgumentError, /prefix length must be a whole number from 0 to (32|128)/));
    });
  }

  test('names what was being parsed in the message', () => {
    assert.throws(() => parseCidr('nope', 'bridge address'), refusedWith(InvalidArgumentError, /^Invalid bridge address "nope"/));
  });

  // ip reads the prefix length with strtoul(…, 0): "/010" is octal (a /8), "/08" and "/09" are refused by ip.
  // (`ip addr add 10.9.0.1/010 dev lo` adds a /8), so such a prefix is refused rather than guessed.
  test('refuses a prefix length with a leading zero, which ip would read as octal', () => {
    assert.throws(() => parseCidr('10.0.0.1/010'), InvalidArgumentError);
  });
});

describe('checkRouteDestination', () => {
  test('takes "default" without a family', () => {
    assert.equal(checkRouteDestination('default'), undefined);
  });

  test('takes prefixes and single addresses of both families', () => {
    assert.equal(checkRouteDestination('10.1.0.0/16'), 'inet');
    assert.equal(checkRouteDestination('192.0.2.7'), 'inet');
    assert.equal(checkRouteDestination('fd00:1::/48'), 'inet6');
    assert.equal(checkRouteDestination('fd00::7'), 'inet6');
  });

  test('refuses a bad prefix, calling it a route destination', () => {
    assert.throws(() => checkRouteDestination('10.1.0.0/40'), refusedWith(InvalidArgumentError, /route destination "10\.1\.0\.0\/40".*0 to 32/));
  });

  test('refuses a word that is not an address, calling it a route destination', () => {
    assert.throws(() => checkRouteDestination('everywhere'), refusedWith(InvalidArgumentError, /route destination "everywhere".*IPv4 or IPv6 address/));
  });
});

describe('checkMtu', () => {
  test('accepts 68, 1500 and 65535', () => {
    assert.equal(checkMtu(68), 68);
    assert.equal(checkMtu(1500), 1500);
    assert.equal(checkMtu(65535), 65535);
  });

  for (const value of [67, 65536, 1500.5, Number.NaN, -1]) {
    test(`refuses ${value}, giving the range`, () => {
      assert.throws(() => checkMtu(value), refusedWith(InvalidArgumentError, /Invalid MTU .*from 68 to 65535/));
    });
  }
});
