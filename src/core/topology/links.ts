/**
 * The `links:` section: each item a veth pair, either a 2-item list of endpoints (the short form) or a map with
 * `endpoints` and an `mtu` for both ends (the long form).
 */
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { EndpointDraft, LinkDraft } from './drafts.js';
import { readEndpoint } from './endpoint.js';
import { readMtu } from './values.js';
import { type ReadContext, describeNode, readFixedMap, readList, spanOf } from './yaml-nodes.js';

const LINK_KEYS = ['endpoints', 'mtu'] as const;
const SHORT_FORM = '[red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]';

/** The links whose two ends could be read; the problems of the others are reported. */
export function readLinks(context: ReadContext, node: YamlNode | null): LinkDraft[] {
  const links: LinkDraft[] = [];
  for (const item of readList(context, node, 'links', `[${SHORT_FORM}]`) ?? []) {
    const link = isSeq(item) ? readEndpointPair(context, item, undefined) : isMap(item) ? readLongLink(context, item) : reportNotALink(context, item);
    if (link) links.push(link);
  }
  return links;
}

function reportNotALink(context: ReadContext, node: YamlNode | null): undefined {
  context.diagnostics.add(spanOf(node), `a link must be a list of its two endpoints, e.g. ${SHORT_FORM}, or a map with the keys ${LINK_KEYS.join(', ')}; found ${describeNode(node)}`);
  return undefined;
}

function readLongLink(context: ReadContext, node: YamlNode): LinkDraft | undefined {
  const entries = readFixedMap(context, node, 'a link', LINK_KEYS, ['endpoints']);
  const mtuEntry = entries?.get('mtu');
  const mtu = mtuEntry ? readMtu(context, mtuEntry.value) : undefined;
  const endpoints = entries?.get('endpoints');
  if (!endpoints) return undefined;
  if (!isSeq(endpoints.value)) {
    context.diagnostics.add(spanOf(endpoints.value, endpoints.keySpan), `endpoints must be a list of the link's two ends; found ${describeNode(endpoints.value)}`);
    return undefined;
  }
  const link = readEndpointPair(context, endpoints.value, mtu);
  return link && { ...link, span: spanOf(node) };
}

/** Two endpoints; a link-wide MTU goes to each end that does not give its own. */
function readEndpointPair(context: ReadContext, node: YamlNode, mtu: number | undefined): LinkDraft | undefined {
  const items = readList(context, node, 'a link', SHORT_FORM) ?? [];
  if (items.length !== 2) {
    context.diagnostics.add(spanOf(node), `a link is a veth pair and needs exactly two endpoints; found ${items.length}`);
    return undefined;
  }
  const ends = items.map((item) => readEndpoint(context, item));
  const [first, second] = ends;
  if (!first || !second) return undefined;
  const withMtu = (end: EndpointDraft): EndpointDraft => (end.mtu === undefined && mtu !== undefined ? { ...end, mtu } : end);
  return { span: spanOf(node), endpoints: [withMtu(first), withMtu(second)] };
}
