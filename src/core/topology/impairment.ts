/**
 * An endpoint's `impair:` map: rate, delay, jitter and loss in tc's own units, checked here so that tc is never
 * handed a value it would refuse halfway through a deploy.
 */
import { isScalar, type Node as YamlNode } from 'yaml';
import type { Impairment } from './model.js';
import { type ReadContext, readFixedMap, readString, spanOf } from './yaml-nodes.js';

const IMPAIRMENT_KEYS = ['rate', 'delay', 'jitter', 'loss'] as const;
type ImpairmentKey = (typeof IMPAIRMENT_KEYS)[number];

const FORMATS: Record<ImpairmentKey, { pattern: RegExp; expected: string }> = {
  rate: { pattern: /^\d+(\.\d+)?(bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps)$/i, expected: 'a number with a unit (bit, kbit, mbit, gbit, tbit, bps, kbps, mbps, gbps), e.g. 10mbit' },
  delay: { pattern: /^\d+(\.\d+)?(us|ms|s)$/, expected: 'a time with a unit (us, ms, s), e.g. 20ms' },
  jitter: { pattern: /^\d+(\.\d+)?(us|ms|s)$/, expected: 'a time with a unit (us, ms, s), e.g. 5ms' },
  loss: { pattern: /^\d+(\.\d+)?%$/, expected: 'a percentage from 0% to 100%, e.g. 0.5%' },
};

/** The impairment of one endpoint; undefined when it is empty or wrong (wrong ones are reported). */
export function readImpairment(context: ReadContext, node: YamlNode | null): Impairment | undefined {
  const entries = readFixedMap(context, node, 'impair', IMPAIRMENT_KEYS);
  if (!entries) return undefined;
  const impairment: Impairment = {};
  for (const key of IMPAIRMENT_KEYS) {
    const entry = entries.get(key);
    if (!entry) continue;
    const value = readImpairmentValue(context, key, entry.value);
    if (value !== undefined) impairment[key] = value;
  }
  const jitter = entries.get('jitter');
  if (jitter && !entries.has('delay')) {
    context.diagnostics.add(jitter.keySpan, 'jitter varies a delay, so it needs "delay" too, e.g. { delay: 20ms, jitter: 5ms }');
  }
  return Object.keys(impairment).length > 0 ? impairment : undefined;
}

function readImpairmentValue(context: ReadContext, key: ImpairmentKey, node: YamlNode | null): string | undefined {
  const { pattern, expected } = FORMATS[key];
  if (isScalar(node) && typeof node.value === 'number') {
    context.diagnostics.add(spanOf(node), `${key} ${String(node.source ?? node.value)} needs a unit: expected ${expected}`);
    return undefined;
  }
  const text = readString(context, node, key);
  if (text === undefined) return undefined;
  if (!pattern.test(text.value)) {
    context.diagnostics.add(text.span, `${key} ${JSON.stringify(text.value)} is not valid: expected ${expected}`);
    return undefined;
  }
  if (key === 'loss' && Number.parseFloat(text.value) > 100) {
    context.diagnostics.add(text.span, `loss ${text.value} is more than 100%: expected ${expected}`);
    return undefined;
  }
  return text.value;
}
