// `netns-lab run` with cells that have the picture option, as a real child process against a real lab the
// notebook deploys: the picture is printed as Mermaid after its cell, and --pictures writes it as SVG files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });

function writeFile(name: string, text: string): string {
  mkdirSync(dirname(join(runner.workDirectory, name)), { recursive: true });
  writeFileSync(join(runner.workDirectory, name), text);
  return name;
}

describe('netns-lab run with picture cells', () => {
  const name = `${lab.prefix}runpic`;
  writeFile('book/lab.netns.yaml', `lab: ${JSON.stringify(name)}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n`);
  const notebook = writeFile(
    'book/intro.netns.md',
    `---\ntopology: ./lab.netns.yaml\n---\n# Lab\n\n\`\`\`sh {netns=${name}-red picture=true}\nip link set eth0 down\n\`\`\`\n\n\`\`\`sh {picture=${name}}\ntrue\n\`\`\`\n`,
  );

  test('prints each picture as Mermaid after its cell and, with --pictures, writes it as SVG', async () => {
    const result = await runner.runOk('run', notebook, '--pictures', 'pictures');
    const heading = `── cell 1/2 picture of lab ${name} (Mermaid):\nflowchart LR\n`;
    const at = result.stdout.indexOf(heading);
    assert.ok(at > 0 && at < result.stdout.indexOf('── cell 1/2 passed'), result.stdout);
    // The cell set it down behind the file's back: the Mermaid text says so in the box, as the SVG marks it.
    assert.match(result.stdout, /\["eth0<br\/>down<br\/>10\.0\.0\.1\/24<br\/>differs from the file:<br\/>down in the kernel: a deploy brings it up"\]/u);
    assert.match(result.stdout, /---\|"10\.0\.0\.0\/24"\|/u);
    assert.ok(result.stdout.includes(`── cell 2/2 picture of lab ${name} (Mermaid):`), result.stdout);
    const files = readdirSync(join(runner.workDirectory, 'pictures')).sort();
    assert.deepEqual(files, ['intro-cell-1.svg', 'intro-cell-2.svg']);
    assert.ok(result.stdout.includes(`── picture of lab ${name} written to ${join('pictures', 'intro-cell-1.svg')}\n`), result.stdout);
    const svg = readFileSync(join(runner.workDirectory, 'pictures', 'intro-cell-1.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u);
    const red = svg.slice(svg.indexOf(`data-id="if:${name}-red/eth0"`));
    // Down behind the file's back: drawn down, and marked as differing from the file, with the reason in its tooltip.
    assert.match(red.slice(0, red.indexOf('</g>')), /down in the kernel: a deploy brings it up<\/title>[\s\S]*class="interface state-down drift-differs"/u);
    assert.match(result.stdout, /: 2 passed, 0 failed\n/u);
  });

  test('a picture of a lab that is not deployed fails its cell with the reason', async () => {
    const broken = writeFile('book/broken.netns.md', `# Lab\n\n\`\`\`sh {picture=${name}-nothere}\ntrue\n\`\`\`\n`);
    const result = await runner.run('run', broken);
    assert.equal(result.status, 1);
    assert.match(result.stdout, new RegExp(`── cell 1/1 FAILED \\(its picture could not be read: There is no deployed lab "${name}-nothere"`, 'u'));
  });

  test('a --pictures folder that cannot be made is said before any cell runs', async () => {
    writeFile('not-a-folder', 'text');
    for (const [folder, reason] of [
      ['/proc/netns-lab-pictures', 'no such file or folder'],
      ['not-a-folder', 'a file of that name is there already'],
      ['not-a-folder/pictures', 'a part of the path is not a folder'],
    ]) {
      const result = await runner.run('run', notebook, '--pictures', folder!);
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stderr, `netns-lab: cannot make the folder ${folder}: ${reason}\n`);
      assert.doesNotMatch(result.stdout, /── cell/u, 'a cell ran');
    }
  });

  test('--pictures without a folder is refused before anything runs', async () => {
    const result = await runner.run('run', notebook, '--pictures', '');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--pictures needs a folder/u);
  });
});
