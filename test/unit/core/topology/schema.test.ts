// The JSON schema the YAML extension uses for *.netns.yaml agrees with the parser: every valid file passes it, and
// it refuses the broken files whose fault is one of structure (an unknown key, a wrong type, a missing key), which
// is what an editor can flag as the user types. Checks across the file (undeclared names) are the parser's alone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { parse } from 'yaml';
import { parseTopology } from '../../../../src/core/index.js';

const Ajv = AjvModule.default;
const root = process.cwd();
const fixtures = join(root, 'test/fixtures/topologies');
const schema = JSON.parse(readFileSync(join(root, 'media/netns-topology.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true }).compile(schema);

function schemaErrors(text: string): string[] {
  return validate(parse(text) ?? {}) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** The broken files whose fault the schema can see on its own. */
const STRUCTURAL = [
  'unknown-key.netns.yaml',
  'lab-missing.netns.yaml',
  'wrong-type.netns.yaml',
  'number-as-name.netns.yaml',
  'bad-mtu.netns.yaml',
  'bad-impairment.netns.yaml',
  'jitter-without-delay.netns.yaml',
  'interface-name-too-long.netns.yaml',
  'duplicate-namespace.netns.yaml',
  'link-three-ends.netns.yaml',
  'lab-name-bad.netns.yaml',
  'address-and-addresses.netns.yaml',
  'endpoint-with-spaces.netns.yaml',
  'empty.netns.yaml',
];

describe('the topology JSON schema', () => {
  test('is a draft-07 schema with a description on every property', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
      for (const [key, property] of Object.entries(properties)) {
        const described = typeof property.description === 'string' || (typeof property.$ref === 'string' && resolvesToDescribed(property.$ref));
        if (!described) missing.push(`${path}/${key}`);
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${path}/${key}`);
    };
    visit(schema, '');
    assert.deepEqual(missing, []);
  });

  for (const name of readdirSync(join(fixtures, 'valid'))) {
    test(`accepts the valid file ${name}`, () => {
      const text = readFileSync(join(fixtures, 'valid', name), 'utf8');
      assert.ok(parseTopology(text).topology, 'the parser accepts it');
      assert.deepEqual(schemaErrors(text), []);
    });
  }

  for (const name of STRUCTURAL) {
    test(`refuses the structurally broken file ${name}, as the parser does`, () => {
      const text = readFileSync(join(fixtures, 'invalid', name), 'utf8');
      assert.ok(parseTopology(text).diagnostics.length > 0, 'the parser refuses it');
      assert.notDeepEqual(schemaErrors(text), [], 'the schema refuses it');
    });
  }

  test('refuses a route with neither gateway nor device, and a sysctl key that is not dotted', () => {
    assert.notDeepEqual(schemaErrors('lab: x\nnamespaces:\n  a:\n    routes: [{ to: 10.0.0.0/8 }]\n'), []);
    assert.notDeepEqual(schemaErrors('lab: x\nnamespaces:\n  a:\n    routes: ["10.0.0.0/8"]\n'), []);
    assert.notDeepEqual(schemaErrors('lab: x\nnamespaces:\n  a:\n    sysctls: { ip_forward: 1 }\n'), []);
  });
});

/** A property given only as a `$ref` is described when the definition it points at has a description. */
function resolvesToDescribed(reference: string): boolean {
  const name = reference.replace('#/definitions/', '');
  const definitions = schema.definitions as Record<string, { description?: unknown }>;
  return typeof definitions[name]?.description === 'string';
}
