/**
 * Parsers for iproute2's JSON output (`ip -j …`). Each takes the parsed JSON as `unknown`, narrows it explicitly and
 * returns the typed model, or throws a ParseError naming what was wrong and where.
 */
export { ParseError } from './parse-error.js';
export { parseLinks } from './parse-links.js';
export { isLocalTableRoute, parseRoutes } from './parse-routes.js';
export { parseNeighbours } from './parse-neighbours.js';
export { parseNetnsList } from './parse-netns.js';
