/**
 * Reading one namespace in one `ip` process: a batch of four commands whose JSON outputs follow each other.
 * The same batch serves a single namespace (tree expansion) and every namespace of a snapshot.
 */
import { ParseError } from '../iproute2/parse-error.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { isLocalTableRoute, parseLinks, parseNeighbours, parseRoutes } from '../iproute2/parse.js';
import type { NamespaceName, NamespaceState } from '../model.js';

/**
 * The batch lines. `address show` lists links with their addresses (so no separate `link show`); dumping links
 * also makes the kernel assign the nsids that `nsids.ts` then resolves. `route show table all` is the one way to
 * get IPv4 and IPv6 routes in one batch line (batch lines take no -6).
 */
export const NAMESPACE_BATCH = ['address show', 'route show table all', 'neigh show'].join('\n') + '\n';

/** Options for `ip` before `-batch`: details (link kinds) and JSON. */
export const NAMESPACE_BATCH_OPTIONS = ['-d', '-j'];

/** Turns the batch's output into a NamespaceState (its nsids are resolved afterwards). */
export function parseNamespaceOutput(name: NamespaceName, output: string): NamespaceState {
  const context = name === null ? 'the root namespace' : `namespace ${JSON.stringify(name)}`;
  const values = parseJsonValues(output, context);
  if (values.length !== 3) {
    throw new ParseError(`${context}: expected 3 JSON outputs from ip, got ${values.length}`, context);
  }
  const [addresses, routes, neighbours] = values;
  return {
    name,
    links: parseLinks(addresses),
    routes: parseRoutes(routes).filter((route) => !isLocalTableRoute(route)),
    neighbours: parseNeighbours(neighbours),
    nsids: [],
  };
}

/** A namespace that could not be read, with the reason. */
export function unreadableNamespace(name: NamespaceName, error: string): NamespaceState {
  return { name, links: [], routes: [], neighbours: [], nsids: [], error };
}
