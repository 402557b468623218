/**
 * The connect gesture of a picture: a veth pair between two namespaces, their namespaces filled in; the user names
 * the ends and may give addresses, then Create Veth Pair runs with the complete plan.
 */
import * as vscode from 'vscode';
import { describeNamespace } from '../../core/changes/operations.js';
import type { NamespaceName } from '../../core/model.js';
import { interfaceNameProblem } from '../../core/names.js';
import { inputText, PromptCancelled, stepTitles } from '../ui/prompts.js';
import { addressListProblem, parseAddressList } from '../view-model/input-rules.js';

export async function connectNamespaces(targetId: string, first: NamespaceName, second: NamespaceName, where: string): Promise<void> {
  const title = stepTitles(`Create Veth Pair${where}`, 4);
  try {
    const firstName = await inputText({ title: title(), prompt: `Name of the end in ${describeNamespace(first)}`, value: endName(second), problem: interfaceNameProblem });
    const secondName = await inputText({ title: title(), prompt: `Name of its peer in ${describeNamespace(second)}`, value: endName(first), problem: interfaceNameProblem });
    const addresses = async (name: string, namespace: NamespaceName): Promise<string[]> =>
      parseAddressList(
        await inputText({
          title: title(),
          prompt: `Addresses of ${name} in ${describeNamespace(namespace)}, separated by spaces (empty: none)`,
          placeholder: 'e.g. 10.0.0.1/24',
          problem: addressListProblem,
        }),
      );
    const firstAddresses = await addresses(firstName, first);
    const secondAddresses = await addresses(secondName, second);
    await vscode.commands.executeCommand('netnsLab.veth.create', {
      targetId,
      first: { name: firstName, namespace: first },
      second: { name: secondName, namespace: second },
      firstAddresses,
      secondAddresses,
    });
  } catch (error) {
    // Cancelled, or refused by the command, which has shown why already.
    if (!(error instanceof PromptCancelled)) return;
  }
}

/** A suggestion for an end's name: `to-` and the other side's short name, cut to the kernel's 15 characters. */
export function endName(other: NamespaceName): string {
  const short = other === null ? 'root' : (other.split('-').pop() ?? other);
  return `to-${short}`.slice(0, 15);
}
