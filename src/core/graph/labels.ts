/** What each drawn item says, the same in every format: an interface's name and addresses, a link's subnets. */
import type { GraphInterface, GraphLink } from './model.js';

/** Lines of an interface's box: its name (with its kind when that is not plain), then its addresses. */
export function interfaceLines(shown: GraphInterface): string[] {
  const plain = shown.kind === 'veth' || shown.kind === 'device';
  const title = plain ? shown.name : `${shown.name} (${shown.kind})`;
  const state = shown.state === 'down' ? ' · down' : shown.state === 'no-carrier' ? ' · no carrier' : '';
  return [`${title}${state}`, ...shown.addresses];
}

/** A link's label: its subnets. */
export function linkLabel(link: GraphLink): string {
  return link.subnets.join(', ');
}
