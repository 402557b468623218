// Harness self-test: a run() that always rejects, to prove a failing suite makes run-tests.mjs exit non-zero.
'use strict';

async function run() {
  console.log('host-smoke: failing on purpose');
  throw new Error('host-smoke: this suite fails on purpose');
}

module.exports = { run };
