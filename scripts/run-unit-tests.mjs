// Runs the unit and core tests (compiled by tsc into out/) with Node's own test runner.
// They run as root against real namespaces; every test cleans up what it made.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const folder = 'out/test/unit';
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.test.js'))
  .map((name) => join(folder, name));
const filter = process.argv.slice(2);
const chosen = filter.length ? files.filter((file) => filter.some((part) => file.includes(part))) : files;
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...chosen], { stdio: 'inherit' });
process.exit(result.status ?? 1);
