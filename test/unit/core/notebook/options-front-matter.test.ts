// Notebook options (YAML front matter): what is accepted, which keys of other tools are left alone, and that every
// refusal says what is expected at the line and column of the fault.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NotebookFormatError, parseNotebook, serializeNotebook } from '../../../../src/core/notebook/index.js';

/** Asserts that parsing fails with a NotebookFormatError at line:column whose message matches. */
function failsAt(parse: () => unknown, line: number, column: number, pattern: RegExp): void {
  assert.throws(parse, (error: unknown) => {
    assert.ok(error instanceof NotebookFormatError, `expected NotebookFormatError, got ${String(error)}`);
    assert.deepEqual([error.line, error.column], [line, column], error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('front matter', () => {
  test('target, netns and topology are read from the front matter', () => {
    const notebook = parseNotebook('---\ntarget: ssh://lab\nnetns: "lab one"\ntopology: two.netns.yaml\n---\n# Lab\n');
    assert.deepEqual(notebook.frontMatter?.options, { target: 'ssh://lab', netns: 'lab one', topology: 'two.netns.yaml' });
  });

  test('front matter may end with ... as YAML documents do', () => {
    assert.deepEqual(parseNotebook('---\ntarget: h\n...\n').frontMatter?.options, { target: 'h' });
  });

  test('empty front matter has no options', () => {
    assert.deepEqual(parseNotebook('---\n---\nText\n').frontMatter, { text: '---\n---\n', options: {} });
  });

  test('netns: / in the front matter is the root namespace, which is no netns at all', () => {
    assert.deepEqual(parseNotebook('---\nnetns: /\n---\n').frontMatter?.options, {});
  });

  test('a key that looks like a slip for netns is an error at its line and column that says which was meant', () => {
    failsAt(
      () => parseNotebook('---\ntarget: h\n  # note\nnets: red\n---\n', 'lab.netns.md'),
      4,
      1,
      /^lab\.netns\.md:4:1: front matter key "nets" is not one of target, netns, topology; did you mean "netns"\?$/,
    );
  });

  test('bad YAML is an error at the line and column YAML reports, counted in the file', () => {
    failsAt(() => parseNotebook('---\ntarget: h\nnetns: @x\n---\n'), 3, 8, /bad YAML in the front matter: Plain value cannot start with reserved character @/);
  });

  test('an empty key is refused at its line and column', () => {
    failsAt(() => parseNotebook('---\ntarget: h\n: x\n---\n'), 3, 1, /a key that is no name; the keys are target, netns, topology/);
  });

  test('a duplicate key is bad YAML at the second key', () => {
    failsAt(() => parseNotebook('---\nnetns: a\nnetns: b\n---\n'), 3, 1, /Map keys must be unique/);
  });

  test('a value that is not a string is refused with a hint to quote it', () => {
    failsAt(() => parseNotebook('---\nnetns: 10\n---\n'), 2, 8, /expected a string for "netns".*quote it/);
  });

  test('a bad namespace name in the front matter is refused at its value', () => {
    failsAt(() => parseNotebook('---\ntarget: h\nnetns: a/b\n---\n'), 3, 8, /bad value "a\/b" for netns: a namespace name must not contain "\/"/);
  });

  test('front matter that is not a mapping is refused', () => {
    failsAt(() => parseNotebook('---\n- target\n---\n'), 2, 1, /the front matter must be a YAML mapping with the keys target, netns, topology/);
  });

  test('front matter that is never closed is refused at line 1', () => {
    failsAt(() => parseNotebook('---\ntarget: h\n\n# Lab\n'), 1, 1, /front matter .* is not closed; end it with a line "---"/);
  });

  test('errors in CRLF front matter are at the same line and column', () => {
    failsAt(() => parseNotebook('---\r\ntarget: h\r\nnets: red\r\n---\r\n'), 3, 1, /front matter key "nets" .* did you mean "netns"/);
  });
});

describe('front matter keys of other tools', () => {
  // Keys that Jekyll, Hugo, MkDocs, Docusaurus and Pandoc pages carry; none of them may be taken for one of ours.
  const otherKeys = [
    'title',
    'layout',
    'tags',
    'tag',
    'description',
    'date',
    'permalink',
    'categories',
    'category',
    'author',
    'authors',
    'draft',
    'slug',
    'weight',
    'summary',
    'keywords',
    'aliases',
    'type',
    'toc',
    'hide',
    'template',
    'search',
    'status',
    'lastmod',
    'publishDate',
    'expiryDate',
    'url',
    'image',
    'images',
    'excerpt',
    'published',
    'comments',
    'sidebar',
    'sidebar_position',
    'sidebar_label',
    'nav_order',
    'parent',
    'grand_parent',
    'has_children',
    'nav_exclude',
    'lang',
    'language',
    'menu',
    'series',
    'id',
    'icon',
    'subtitle',
    'abstract',
    'output',
    'header-includes',
    'linkTitle',
    'robots',
    'canonical',
    'redirect_from',
    'sitemap',
    'thumbnail',
    'cover',
    'version',
    'license',
    'theme',
    'nav',
    'exclude',
    'class',
    'hide_title',
    'unlisted',
    'last_update',
    'news',
    'notes',
    'topic',
    'topics',
    'targetblank',
  ];

  for (const key of otherKeys) {
    test(`"${key}" is ignored, and the options beside it are read`, () => {
      const notebook = parseNotebook(`---\n${key}: something\nnetns: red\ntarget: lab1\n---\n`);
      assert.deepEqual(notebook.frontMatter?.options, { netns: 'red', target: 'lab1' });
    });
  }

  test('a Jekyll page keeps its front matter byte for byte, lists, dates and nested maps included', () => {
    const frontMatter =
      '---\nlayout: post\ntitle: "Routing: two subnets"\ndate: 2024-03-01 10:00:00 +0100\ntags: [netns, routing]\n' +
      'author:\n  name: Ana\n  twitter: ana\npermalink: /labs/routing/\nweight: 3\ndraft: false\nnetns: red\n---\n';
    const text = `${frontMatter}# Routing\n\n\`\`\`sh\nip route\n\`\`\`\n`;
    const notebook = parseNotebook(text);
    assert.equal(notebook.frontMatter?.text, frontMatter);
    assert.deepEqual(notebook.frontMatter?.options, { netns: 'red' });
    assert.equal(serializeNotebook(notebook), text);
  });

  test("keys that are numbers or booleans are another tool's business", () => {
    assert.deepEqual(parseNotebook('---\n2024: archive\ntrue: yes\nnetns: red\n---\n').frontMatter?.options, { netns: 'red' });
  });

  const slips: Array<[string, string]> = [
    ['nets', 'netns'],
    ['netn', 'netns'],
    ['netsn', 'netns'],
    ['nettns', 'netns'],
    ['Netns', 'netns'],
    ['NETNS', 'netns'],
    ['net-ns', 'netns'],
    ['net_ns', 'netns'],
    ['namespace', 'netns'],
    ['Namespace', 'netns'],
    ['ns', 'netns'],
    ['targte', 'target'],
    ['taget', 'target'],
    ['traget', 'target'],
    ['targets', 'target'],
    ['Target', 'target'],
    ['host', 'target'],
    ['ssh', 'target'],
    ['topolgy', 'topology'],
    ['toplogy', 'topology'],
    ['topolog', 'topology'],
    ['Topology', 'topology'],
  ];
  for (const [key, meant] of slips) {
    test(`"${key}" is refused at its line and column as a slip for "${meant}"`, () => {
      const pattern = new RegExp(`front matter key "${key}" is not one of target, netns, topology; did you mean "${meant}"\\?$`);
      failsAt(() => parseNotebook(`---\ntitle: Lab\n${key}: red\n---\n`), 3, 1, pattern);
    });
  }
});
