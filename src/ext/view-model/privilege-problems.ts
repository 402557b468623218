/**
 * What the editor shows for each way root can be refused: a short line for the view (its welcome area, or the row
 * under an SSH target) and the one action that fixes it. Pure: no vscode import, so it is tested under plain Node.
 * The welcome texts themselves are in package.json (`viewsWelcome`, one per problem); the log gets the core's
 * whole message, which names the user, the machine and what sudo said.
 */
import type { PrivilegeProblem } from '../../core/errors.js';

/** A command link: what a button or a clickable row runs. */
export interface ProblemAction {
  title: string;
  command: string;
  arguments: unknown[];
}

export interface ProblemShown {
  /** A few words, for a row of the narrow side bar (the whole message is in its tooltip and the log). */
  text: string;
  action: ProblemAction;
}

export const RETRY_COMMAND = 'netnsLab.privilege.retry';

/** Every problem, each with its own welcome text in package.json (a test checks that none is missing). */
export const PRIVILEGE_PROBLEMS: readonly PrivilegeProblem[] = ['passwordRefused', 'passwordNotGiven', 'passwordNeeded', 'notAllowed', 'sudoMissing', 'sudoRefused', 'capabilitiesMissing'];

/** The short line and the fixing action of a problem on a target (undefined: not known which; Try Again tries all). */
export function privilegeProblemShown(problem: PrivilegeProblem, targetId: string | undefined): ProblemShown {
  const retry = (title: string): ProblemAction => ({ title, command: RETRY_COMMAND, arguments: targetId === undefined ? [] : [{ targetId }] });
  const settings = (title: string, setting: string): ProblemAction => ({ title, command: 'workbench.action.openSettings', arguments: [setting] });
  switch (problem) {
    case 'passwordRefused':
      return { text: 'Wrong sudo password', action: retry('Try Again') };
    case 'passwordNotGiven':
      return { text: 'No sudo password given', action: retry('Enter the Password') };
    case 'passwordNeeded':
      return { text: 'sudo wants a password, box off', action: settings('Open Settings', 'netnsLab.askForSudoPassword') };
    case 'notAllowed':
      return { text: 'User may not use sudo', action: retry('Try Again') };
    case 'sudoMissing':
      return { text: 'sudo is not installed', action: retry('Try Again') };
    case 'capabilitiesMissing':
      return { text: 'Missing capabilities', action: settings('Open Settings', 'netnsLab.privilege') };
    case 'sudoRefused':
      return { text: 'sudo refused', action: retry('Try Again') };
  }
}
