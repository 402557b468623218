/** Adding and removing routes. */
import { addRoute, deleteRoute, describeNamespace } from '../../core/changes/operations.js';
import type { RouteSpec } from '../../core/iproute2/commands.js';
import type { NamespaceState } from '../../core/model.js';
import { readNamespace } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { routeRequest, routeSpecOf } from '../view-model/arguments.js';
import { gatewayProblem, pickLabel, routeDestinationProblem } from '../view-model/input-rules.js';
import { givenOrPickedNamespace, pickRoute } from '../ui/pickers.js';
import { inputText, pickOne, stepTitles, type Choice } from '../ui/prompts.js';
import { applyChange } from './run.js';

/** netnsLab.route.add: asks for the destination, the gateway (optional) and the device (optional with a gateway). */
export async function addRouteCommand(services: Services, argument: unknown): Promise<void> {
  const request = routeRequest('netnsLab.route.add', argument);
  const host = services.host(request.targetId);
  const title = stepTitles(`Add Route${services.where(request.targetId).suffix}`, (request.namespace === undefined ? 1 : 0) + (request.route === undefined ? 3 : 0));
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace to add the route to' });
  const route = request.route ?? (await askRoute(await readNamespace(host, namespace), title));
  const description = `add route to ${route.destination} in ${describeNamespace(namespace)}`;
  await applyChange(services, { targetId: request.targetId, description, namespaces: [namespace] }, (target) => addRoute(target, namespace, route));
}

/** netnsLab.route.remove: asks which route of the namespace's main table, when not given. */
export async function removeRouteCommand(services: Services, argument: unknown): Promise<void> {
  const request = routeRequest('netnsLab.route.remove', argument);
  const host = services.host(request.targetId);
  const title = stepTitles(`Remove Route${services.where(request.targetId).suffix}`, (request.namespace === undefined ? 1 : 0) + (request.route === undefined ? 1 : 0));
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the route' });
  const route = request.route ?? routeSpecOf(await pickRoute(await readNamespace(host, namespace), { title: title(), placeholder: 'The route to remove' }));
  const description = `remove route to ${route.destination} in ${describeNamespace(namespace)}`;
  await applyChange(services, { targetId: request.targetId, description, namespaces: [namespace] }, (target) => deleteRoute(target, namespace, route));
}

async function askRoute(state: NamespaceState, title: () => string): Promise<RouteSpec> {
  const destination = (await inputText({ title: title(), prompt: 'Destination: default, a prefix or an address', placeholder: 'e.g. default, 10.1.0.0/24', problem: routeDestinationProblem })).trim();
  const via = (await inputText({ title: title(), prompt: 'Gateway (empty: none, the device decides)', placeholder: 'e.g. 10.0.0.254', problem: gatewayProblem })).trim();
  const route: RouteSpec = { destination };
  if (via !== '') route.via = via;
  const device = await pickDevice(state, via !== '', title());
  if (device !== undefined) route.device = device;
  return route;
}

/** With a gateway, a device is optional (the kernel finds it from the gateway); without one, it is needed. */
function pickDevice(state: NamespaceState, hasGateway: boolean, title: string): Promise<string | undefined> {
  const choices: Choice<string | undefined>[] = state.links.map((link) => ({ label: pickLabel(link.name), description: link.kind, value: link.name }));
  if (hasGateway) choices.unshift({ label: 'No device', description: 'the kernel finds it from the gateway', value: undefined });
  return pickOne(choices, { title, placeholder: 'The device the route goes out of', emptyMessage: `There are no interfaces in ${describeNamespace(state.name)}.` });
}
