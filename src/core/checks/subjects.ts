/** How checks and namespaces are named in results: short, as a person writes them. */
import type { NamespaceName } from '../model.js';
import type { Check } from './model.js';

/** A namespace in a message: its name, or "the root namespace". */
export function namespaceLabel(namespace: NamespaceName): string {
  return namespace === null ? 'the root namespace' : namespace;
}

/** What a check is about, in a few words: `lab1-red → 10.0.1.2`, `route 10.0.2.0/24 in lab1-red`. */
export function checkSubject(check: Check): string {
  switch (check.kind) {
    case 'reach': {
      const port = check.protocol === 'icmp' ? '' : ` ${check.protocol}/${check.port}`;
      return `${namespaceLabel(check.from)} → ${check.to.written}${port}${check.expect === 'failure' ? ' (must fail)' : ''}`;
    }
    case 'route':
      return `route ${check.destination} in ${namespaceLabel(check.namespace)}${check.present ? '' : ' (absent)'}`;
    case 'address':
      return `address ${check.address} in ${namespaceLabel(check.namespace)}${check.present ? '' : ' (absent)'}`;
    case 'link':
      return `link ${check.interface} in ${namespaceLabel(check.namespace)}${check.present ? '' : ' (absent)'}`;
    case 'forwarding':
      return `${check.family} forwarding in ${namespaceLabel(check.namespace)}`;
    case 'same':
      return `state of ${namespaceLabel(check.namespace)}`;
  }
}
