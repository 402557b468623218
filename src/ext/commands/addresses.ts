/** Adding and removing addresses. */
import { addAddress, deleteAddress, describeEnd } from '../../core/changes/operations.js';
import { readNamespace } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { addressAddRequest, addressRemoveRequest } from '../view-model/arguments.js';
import { cidrProblem } from '../view-model/input-rules.js';
import { givenOrPickedNamespace, pickAddress, pickInterface } from '../ui/pickers.js';
import { inputText, stepTitles } from '../ui/prompts.js';
import { applyChange } from './run.js';

/** netnsLab.address.add: asks for what is missing of the namespace, the interface and the address. */
export async function addAddressCommand(services: Services, argument: unknown): Promise<void> {
  const request = addressAddRequest(argument);
  const host = services.host(request.targetId);
  const title = stepTitles(`Add Address${services.where(request.targetId).suffix}`, [request.namespace, request.interface, request.address].filter((part) => part === undefined).length);
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the interface' });
  const device = request.interface ?? (await pickInterface(await readNamespace(host, namespace), { title: title(), placeholder: 'The interface to add an address to' })).name;
  const where = describeEnd({ name: device, namespace });
  const address =
    request.address ?? (await inputText({ title: title(), prompt: `Address for ${where}, as ADDRESS/PREFIX`, placeholder: 'e.g. 10.0.0.1/24 or fd00::1/64', problem: cidrProblem })).trim();
  await applyChange(services, { targetId: request.targetId, description: `add ${address} to ${where}`, namespaces: [namespace] }, (target) => addAddress(target, namespace, device, address));
}

/** netnsLab.address.remove: from an interface (or nothing), asks which of its addresses. */
export async function removeAddressCommand(services: Services, argument: unknown): Promise<void> {
  const request = addressRemoveRequest(argument);
  const host = services.host(request.targetId);
  const title = stepTitles(`Remove Address${services.where(request.targetId).suffix}`, (request.namespace === undefined ? 1 : 0) + (request.address === undefined ? 1 : 0));
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the address' });
  const chosen =
    request.address !== undefined && request.interface !== undefined
      ? { interface: request.interface, address: request.address }
      : await pickAddress(await readNamespace(host, namespace), request.interface, { title: title(), placeholder: 'The address to remove' });
  const where = describeEnd({ name: chosen.interface, namespace });
  await applyChange(services, { targetId: request.targetId, description: `remove ${chosen.address} from ${where}`, namespaces: [namespace] }, (target) =>
    deleteAddress(target, namespace, chosen.interface, chosen.address),
  );
}
