// A throwaway local user for running the editor tests as someone other than root: a name and password unique to
// the run, allowed sudo with that password through one file of /etc/sudoers.d (checked with visudo before it is put
// there). remove() ends the user's processes (by pid), and takes the rule, the user and its home away again.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why such a user cannot be made here, or undefined when it can. */
export function testUserMissingReason() {
  if (process.getuid?.() !== 0) {
    return 'making a local user needs root';
  }
  for (const program of ['sudo', 'visudo', 'useradd', 'userdel', 'chpasswd', 'setpriv']) {
    if (spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0) {
      return `${program} is not installed (scripts/setup.sh installs sudo)`;
    }
  }
  return undefined;
}

/** Makes the user `nl<tag>ed` (tag: a few letters unique to the run) whose sudo asks for its password. */
export function createTestUser(tag) {
  const name = `nl${tag}ed`;
  const password = randomBytes(12).toString('hex');
  const sudoersFile = `/etc/sudoers.d/netns-lab-editor-${tag}`;
  let made = false;
  const remove = () => {
    rmSync(sudoersFile, { force: true });
    if (made) {
      removeUser(name);
    }
  };
  try {
    run('useradd', ['-m', '-s', '/bin/bash', name]);
    made = true;
    run('chpasswd', [], `${name}:${password}\n`);
    installSudoers(sudoersFile, [`${name} ALL=(ALL:ALL) ALL`]);
    return { name, password, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

function installSudoers(file, rules) {
  const scratch = join(tmpdir(), `netns-lab-sudoers-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(scratch, `${rules.join('\n')}\n`, { mode: 0o440 });
    run('visudo', ['-c', '-q', '-f', scratch]);
    writeFileSync(file, `${rules.join('\n')}\n`, { mode: 0o440 });
  } finally {
    rmSync(scratch, { force: true });
  }
}

function removeUser(name) {
  // The user exists only for this run: whatever it still runs, this run started.
  const listed = spawnSync('ps', ['-o', 'pid=', '-U', name], { encoding: 'utf8' });
  for (const pid of listed.stdout.split('\n').map(Number).filter((value) => value > 0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deleted = spawnSync('userdel', ['-r', name], { encoding: 'utf8' });
  // userdel -r warns (exit 12) when the mail spool was never made; the user is gone all the same.
  if (deleted.status !== 0 && spawnSync('id', ['-u', name]).status === 0) {
    throw new Error(`userdel -r ${name} failed: ${deleted.stderr}`);
  }
}

function run(program, args, input) {
  const result = spawnSync(program, args, { encoding: 'utf8', input: input ?? '' });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  }
}
