/**
 * The rules input boxes check as the user types, and how names are shown in pickers. Pure: no vscode import.
 * Each check returns the rule the text breaks, or undefined when it is fine, as `validateInput` wants.
 */
import { checkIpAddress, checkRouteDestination, parseCidr } from '../../core/addresses.js';
import { namespaceNameProblem } from '../../core/names.js';

/** Splits a list of addresses typed with spaces or commas between them; empty text is no addresses. */
export function parseAddressList(text: string): string[] {
  return text.split(/[\s,]+/u).filter((entry) => entry.length > 0);
}

/** The rule the first bad address of a typed list breaks; an empty list is fine. */
export function addressListProblem(text: string): string | undefined {
  for (const entry of parseAddressList(text)) {
    const problem = cidrProblem(entry);
    if (problem) return problem;
  }
  return undefined;
}

/** The rule an `ADDRESS/PREFIX` breaks. */
export function cidrProblem(text: string): string | undefined {
  return problemOf(() => parseCidr(text.trim()));
}

/** The rule a route destination (`default`, a prefix or an address) breaks. */
export function routeDestinationProblem(text: string): string | undefined {
  return problemOf(() => checkRouteDestination(text.trim()));
}

/** The rule a gateway breaks; empty text (no gateway) is fine. */
export function gatewayProblem(text: string): string | undefined {
  return text.trim() === '' ? undefined : problemOf(() => checkIpAddress(text.trim(), 'gateway'));
}

/** Combines checks: the first rule broken, if any. */
export function firstProblem(...problems: (string | undefined)[]): string | undefined {
  return problems.find((problem) => problem !== undefined);
}

/** What a namespace picker offers for the text typed into it: to create that namespace, or why it cannot be one. */
export type TypedNamespace = { kind: 'new'; name: string } | { kind: 'invalid'; problem: string };

/**
 * The extra item of a namespace picker for what was typed: nothing for no text or a namespace that exists (the list
 * shows it), else an offer to create it, or, for a name the kernel would refuse, the rule it breaks, so typing a
 * new name is never met with silence.
 */
export function typedNamespace(text: string, existing: ReadonlySet<string>): TypedNamespace | undefined {
  if (text === '' || existing.has(text)) return undefined;
  const problem = namespaceNameProblem(text);
  return problem === undefined ? { kind: 'new', name: text } : { kind: 'invalid', problem };
}

/**
 * A name as a QuickPick label. Labels render `$(name)` as an icon, and namespace names may hold exactly that text;
 * a backslash before `$(` makes the label show it literally.
 */
export function pickLabel(text: string): string {
  return text.replace(/\$\(/gu, '\\$(');
}

function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
