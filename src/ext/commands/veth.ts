/** Creating veth pairs: one guided flow from the UI, or one plain object from a program. */
import { createNamespace, createVethPair, describeNamespace } from '../../core/changes/operations.js';
import type { NamespaceName } from '../../core/model.js';
import { interfaceNameProblem } from '../../core/names.js';
import type { Services } from '../services.js';
import { vethCreateRequest, type VethPlan } from '../view-model/arguments.js';
import { addressListProblem, parseAddressList } from '../view-model/input-rules.js';
import { pickOrNameNamespace } from '../ui/pickers.js';
import { confirmCreation, inputText, pickYesNo, stepTitles } from '../ui/prompts.js';
import { applyChange } from './run.js';

const TITLE = 'Create Veth Pair';

/** netnsLab.veth.create. */
export async function createVethCommand(services: Services, argument: unknown): Promise<void> {
  const request = vethCreateRequest(argument);
  const plan = request.plan ?? (await askVethPlan(services, request.targetId, request.suggestedNamespace));
  const { first, second } = plan;
  const change = { targetId: request.targetId, description: `create veth pair ${first.name} / ${second.name}`, namespaces: [first.namespace, second.namespace] };
  await applyChange(services, change, (host) => createVethPair(host, first, second, { up: plan.up }));
}

/** First end's name, its namespace, the peer's name, its namespace, addresses of each end, and whether to bring them up. */
async function askVethPlan(services: Services, targetId: string, suggestedNamespace: NamespaceName | undefined): Promise<VethPlan> {
  const title = stepTitles(`${TITLE}${services.where(targetId).suffix}`, 7);
  const firstName = await askEndName(title(), 'Name of the first end', 'e.g. veth-a');
  const firstNamespace = await askEndNamespace(services, targetId, firstName, title(), suggestedNamespace);
  const secondName = await askEndName(title(), `Name of the peer of ${firstName}`, 'e.g. veth-b');
  const secondNamespace = await askEndNamespace(services, targetId, secondName, title());
  const firstAddresses = await askAddresses(title(), firstName, firstNamespace);
  const secondAddresses = await askAddresses(title(), secondName, secondNamespace);
  const up = await pickYesNo(title(), 'Bring both ends up?');
  return {
    first: { name: firstName, namespace: firstNamespace, addresses: firstAddresses },
    second: { name: secondName, namespace: secondNamespace, addresses: secondAddresses },
    up,
  };
}

function askEndName(title: string, prompt: string, placeholder: string): Promise<string> {
  return inputText({ title, prompt, placeholder, problem: interfaceNameProblem });
}

/**
 * An end's namespace: one of the list, or a new one typed in, which is created at once after the user confirms
 * (so that the other end's list shows it, and a lab can be built from nothing in this one flow).
 */
async function askEndNamespace(services: Services, targetId: string, end: string, title: string, active?: NamespaceName): Promise<NamespaceName> {
  const host = services.host(targetId);
  const placeholder = `The namespace of ${end} (type a new name to create one)`;
  const chosen = await pickOrNameNamespace(host, { title, placeholder, ...(active === undefined ? {} : { active }) });
  if (!chosen.isNew || chosen.namespace === null) return chosen.namespace;
  const name = chosen.namespace;
  const on = services.where(targetId).suffix;
  await confirmCreation(`Create namespace ${JSON.stringify(name)}${on}?`, `It does not exist yet. It is created now, with its loopback up, and ${end} goes into it.`);
  await applyChange(services, { targetId, description: `create namespace ${name}` }, (target) => createNamespace(target, name, { loopbackUp: true }));
  return name;
}

async function askAddresses(title: string, name: string, namespace: NamespaceName): Promise<string[]> {
  const text = await inputText({
    title,
    prompt: `Addresses of ${name} in ${describeNamespace(namespace)}, separated by spaces (empty: none)`,
    placeholder: 'e.g. 10.0.0.1/24 fd00::1/64',
    problem: addressListProblem,
  });
  return parseAddressList(text);
}
