/** Creating veth pairs: one guided flow from the UI, or one plain object from a program. */
import { createVethPair, describeNamespace } from '../../core/changes/operations.js';
import type { NamespaceName } from '../../core/model.js';
import { interfaceNameProblem } from '../../core/names.js';
import type { Services } from '../services.js';
import { vethCreateRequest, type VethPlan } from './arguments.js';
import { addressListProblem, parseAddressList } from './input-rules.js';
import { pickNamespace } from './pickers.js';
import { inputText, pickYesNo, stepTitles } from './prompts.js';
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
  const host = services.host(targetId);
  const title = stepTitles(`${TITLE}${services.where(targetId).suffix}`, 7);
  const firstName = await askEndName(title(), 'Name of the first end', 'e.g. veth-a');
  const firstNamespace = await pickNamespace(host, { title: title(), placeholder: `The namespace of ${firstName}`, includeRoot: true, active: suggestedNamespace });
  const secondName = await askEndName(title(), `Name of the peer of ${firstName}`, 'e.g. veth-b');
  const secondNamespace = await pickNamespace(host, { title: title(), placeholder: `The namespace of ${secondName}`, includeRoot: true });
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

async function askAddresses(title: string, name: string, namespace: NamespaceName): Promise<string[]> {
  const text = await inputText({
    title,
    prompt: `Addresses of ${name} in ${describeNamespace(namespace)}, separated by spaces (empty: none)`,
    placeholder: 'e.g. 10.0.0.1/24 fd00::1/64',
    problem: addressListProblem,
  });
  return parseAddressList(text);
}
