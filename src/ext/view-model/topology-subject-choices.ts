/**
 * What Show Topology offers from the palette: every namespace of the target, the topology file in the editor (its
 * lab, or its plan) and each lab deployed there. With only the first, the picture opens without a question.
 */
import type { TopologySubject } from './topology-arguments.js';

export interface SubjectChoice {
  label: string;
  description: string;
  value: TopologySubject;
}

export interface SubjectOffer {
  targetId: string;
  /** How the target is named in the list: "This machine", "ssh://lab1". */
  targetLabel: string;
  /** The topology file open in the editor: its path, and how the workspace names it. */
  openFile?: { path: string; shown: string };
  labs: ReadonlyArray<{ lab: string; namespaces: readonly string[] }>;
}

/** The choices, every namespace first; `ask` is false when there is nothing else to choose. */
export function subjectChoices(offer: SubjectOffer): { choices: SubjectChoice[]; ask: boolean } {
  const { targetId } = offer;
  const choices: SubjectChoice[] = [{ label: '$(globe) Every namespace', description: offer.targetLabel, value: { targetId } }];
  if (offer.openFile) choices.push({ label: `$(file) ${offer.openFile.shown}`, description: 'the open topology file: its lab, or its plan', value: { targetId, file: offer.openFile.path } });
  for (const lab of offer.labs) choices.push({ label: `$(beaker) lab ${lab.lab}`, description: `${lab.namespaces.length} namespaces`, value: { targetId, lab: lab.lab } });
  return { choices, ask: choices.length > 1 };
}
