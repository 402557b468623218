// A notebook cell with the picture option, run through the core's runCell against a real deployed lab: the
// notebook's own lab (found through its front matter's topology), a lab by name, every namespace; laid out for the
// renderer; and a picture that cannot be read fails the cell with the reason.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deployLab } from '../../../../src/core/labs/deploy.js';
import { picturePayload } from '../../../../src/core/notebook/cell-picture.js';
import { runCell } from '../../../../src/core/notebook/execute.js';
import type { NotebookCell } from '../../../../src/core/notebook/model.js';
import { parseCellOptions } from '../../../../src/core/notebook/options.js';
import { loadTopologyFile } from '../../../../src/core/topology/load.js';
import { testSetup } from '../../support/setup.js';

function cell(source: string, info: string): NotebookCell {
  return { kind: 'code', language: 'sh', source, options: parseCellOptions(info) };
}

describe('a cell with a picture', () => {
  const { lab, host } = testSetup({ host: true });
  const name = `${lab.prefix}pic`;
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-picture-'));
  const notebook = { topology: './lab.netns.yaml' };
  after(() => rmSync(folder, { recursive: true, force: true }));
  before(async () => {
    const file = join(folder, 'lab.netns.yaml');
    writeFileSync(file, `lab: ${JSON.stringify(name)}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n`);
    await deployLab(host, await loadTopologyFile(file), { file });
  });

  test("picture=true reads the notebook's lab after the cell ran, with what the cell changed", async () => {
    const run = await runCell(host, cell('ip link set eth0 mtu 1400', `sh {netns=${name}-red picture=true}`), notebook, { notebookDirectory: folder });
    assert.equal(run.exitCode, 0, run.failure);
    assert.equal(run.picture!.title, `lab ${name}`);
    const graph = run.picture!.graph;
    assert.deepEqual(graph.namespaces.map((namespace) => namespace.label).sort(), [`${name}-blue`, `${name}-red`]);
    const red = graph.interfaces.find((shown) => shown.id === `if:${name}-red/eth0`)!;
    assert.deepEqual([red.addresses, red.mtu, red.state], [['10.0.0.1/24'], 1400, 'up']);
    assert.deepEqual(
      graph.links.map((link) => `${link.kind} ${link.subnets.join(',')}`),
      ['veth 10.0.0.0/24'],
    );
  });

  test("picture=true marks what a cell changed behind the file's back; a lab by name is drawn as the kernel has it", async () => {
    const run = await runCell(host, cell('ip link set eth0 down', `sh {netns=${name}-blue picture=true}`), notebook, { notebookDirectory: folder });
    const blue = run.picture!.graph.interfaces.find((shown) => shown.id === `if:${name}-blue/eth0`)!;
    assert.deepEqual(blue.drift, { kind: 'differs', details: ['down in the kernel: a deploy brings it up'] });
    const byName = await runCell(host, cell('ip link set eth0 up', `sh {netns=${name}-blue picture=${name}}`), {});
    assert.equal(byName.picture!.graph.interfaces.find((shown) => shown.id === `if:${name}-blue/eth0`)!.drift, undefined);
  });

  test('the payload for the renderer holds the picture laid out and drawn: every interface placed, its words in the drawing', async () => {
    const run = await runCell(host, cell('true', `sh {picture=${name}}`), {});
    const payload = await picturePayload(run.picture!);
    assert.deepEqual(payload.layout.nodes.map((node) => node.id).sort(), [`if:${name}-blue/eth0`, `if:${name}-red/eth0`]);
    const words = JSON.stringify(payload.drawing);
    for (const word of [`${name}-red`, `${name}-blue`, '10.0.0.2/24', '10.0.0.0/24', 'mtu 1400']) assert.ok(words.includes(word), word);
    assert.deepEqual(JSON.parse(JSON.stringify(payload)), payload, 'plain data that travels as JSON');
    // A key to the marks under the picture, and room for it.
    const key = payload.drawing.find((element) => element.attributes['data-id'] === 'legend');
    assert.ok(
      key?.children?.some((element) => element.text === 'up'),
      JSON.stringify(key),
    );
    assert.ok(payload.size.height > payload.layout.height, `${payload.size.height} leaves no room under ${payload.layout.height}`);
  });

  test('picture=host holds the lab among every namespace of the host', async () => {
    const run = await runCell(host, cell('true', 'sh {picture=host}'), {});
    assert.equal(run.exitCode, 0, run.failure);
    const labels = run.picture!.graph.namespaces.map((namespace) => namespace.label);
    assert.ok(labels.includes(`${name}-red`) && labels.includes(`${name}-blue`), labels.join(', '));
  });

  test('a failed cell still shows the picture; its own failure is kept', async () => {
    const run = await runCell(host, cell('exit 3', `sh {picture=${name}}`), {});
    assert.equal(run.exitCode, 3);
    assert.ok(run.picture);
  });

  test('a lab that is not deployed, or picture=true without a topology, fails the cell with the reason', async () => {
    const missing = await runCell(host, cell('true', `sh {picture=${name}-nothere}`), {});
    assert.equal(missing.exitCode, 255);
    assert.match(missing.failure!, new RegExp(`^its picture could not be read: There is no deployed lab "${name}-nothere"`, 'u'));
    const noTopology = await runCell(host, cell('true', 'sh {picture=true}'), {});
    assert.equal(noTopology.exitCode, 255);
    assert.match(noTopology.failure!, /this notebook names no topology: write picture=host .* or picture=LAB/u);
  });
});
