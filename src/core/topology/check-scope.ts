/**
 * A topology's `checks:` name namespaces as the rest of the file does (`red`, which the kernel knows as
 * `lab1-red`), and a namespace or interface target (`reach: blue`, `reach: blue:eth0`) goes to the first address
 * the file declares there, IPv4 before IPv6.
 */
import { parseCidr } from '../addresses.js';
import type { CheckScope } from '../checks/resolve.js';
import type { Scopes } from './scopes.js';
import type { ReadContext } from './yaml-nodes.js';

export function topologyCheckScope(context: ReadContext, scopes: Scopes): CheckScope {
  return {
    defaultNamespace: null,
    namespace: (written) => scopes.lookup(written)?.netns,
    targetAddress(target, namespace) {
      const scope = namespace === null ? scopes.root : scopes.find(target.namespace);
      if (!scope) return false;
      const declarations = target.interface === undefined ? [...scope.interfaces.values()] : [scope.interfaces.get(target.interface)];
      if (declarations[0] === undefined && target.interface !== undefined) {
        context.diagnostics.add(target.written.span, `${scope.label} declares no interface ${target.interface}`);
        return false;
      }
      const addresses = declarations.flatMap((declaration) => declaration?.addresses ?? []).map((address) => parseCidr(address.value));
      const chosen = addresses.find((address) => address.family === 'inet') ?? addresses[0];
      if (chosen) return chosen.address;
      context.diagnostics.add(target.written.span, `${target.written.value} has no address in this file to reach; give it one, or reach an address`);
      return false;
    },
  };
}
