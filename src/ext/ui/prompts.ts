/**
 * The editor's generic prompts, all keyboard-friendly and kept open when focus moves (`ignoreFocusOut`). Escape
 * anywhere throws PromptCancelled, which ends the command quietly with nothing done.
 */
import * as vscode from 'vscode';

/** The user closed a prompt: the command ends with nothing done and nothing shown. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

/** There was nothing to pick from (no named namespace, no bridge): shown as information, not as a failure. */
export class NothingToChoose extends Error {}

/** One item of a picker and the value it stands for (labels are for people: names in them are escaped). */
export interface Choice<T> extends vscode.QuickPickItem {
  value: T;
  /** A hint shown among the items (why the typed text cannot be used): Enter on it does nothing. */
  inert?: boolean;
}

/** Titles numbered by step: "Create Veth Pair (2/7)", or the bare title when there is one step. */
export function stepTitles(title: string, total: number): () => string {
  let step = 0;
  return () => {
    step = Math.min(step + 1, total);
    return total > 1 ? `${title} (${step}/${total})` : title;
  };
}

/** An input box's words and the rule it checks. */
export interface TextOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  /** The rule the text breaks, or undefined: checked as the user types, and Enter is refused while it breaks one. */
  problem: (text: string) => string | undefined;
}

/** An input box; resolves with the text as typed. */
export async function inputText(options: TextOptions): Promise<string> {
  const text = await vscode.window.showInputBox({
    title: options.title,
    prompt: options.prompt,
    placeHolder: options.placeholder,
    value: options.value,
    ignoreFocusOut: true,
    validateInput: (value) => options.problem(value),
  });
  if (text === undefined) throw new PromptCancelled();
  return text;
}

/** A picker's words, where it starts, and what to say when there is nothing to pick. */
export interface PickOptions<T> {
  title: string;
  placeholder: string;
  /** The item to start on (a preselected namespace, say). */
  active?: Choice<T>;
  /** Said (as information) instead of showing an empty picker. */
  emptyMessage: string;
  /** Items for the text typed so far, shown after the list (e.g. "Create namespace …"). */
  typed?: (text: string) => Choice<T>[];
}

/** A picker of one item. It is built by hand because showQuickPick cannot start on an item other than the first. */
export function pickOne<T>(choices: readonly Choice<T>[], options: PickOptions<T>): Promise<T> {
  if (choices.length === 0) return Promise.reject(new NothingToChoose(options.emptyMessage));
  const picker = vscode.window.createQuickPick<Choice<T>>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.ignoreFocusOut = true;
  picker.matchOnDescription = true;
  picker.items = choices;
  if (options.active) picker.activeItems = [options.active];
  const typed = options.typed;
  if (typed) picker.onDidChangeValue((text) => (picker.items = [...choices, ...typed(text)]));
  return new Promise<T>((resolve, reject) => {
    picker.onDidAccept(() => {
      const [chosen] = picker.selectedItems;
      if (!chosen || chosen.inert) return;
      resolve(chosen.value);
      picker.hide();
    });
    // After an accept this rejection is a no-op: the promise is already resolved.
    picker.onDidHide(() => {
      reject(new PromptCancelled());
      picker.dispose();
    });
    picker.show();
  });
}

/** A picker of any number of items (none is an answer too). */
export async function pickMany<T>(choices: readonly Choice<T>[], options: { title: string; placeholder: string }): Promise<T[]> {
  const chosen = await vscode.window.showQuickPick(choices, {
    title: options.title,
    placeHolder: options.placeholder,
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (chosen === undefined) throw new PromptCancelled();
  return chosen.map((choice) => choice.value);
}

/** Yes or No, starting on Yes. */
export function pickYesNo(title: string, question: string): Promise<boolean> {
  const yes: Choice<boolean> = { label: 'Yes', value: true };
  return pickOne([yes, { label: 'No', value: false }], { title, placeholder: question, active: yes, emptyMessage: '' });
}

/** A modal question before something is made that the user did not ask for by name; anything but "Create" cancels. */
export async function confirmCreation(message: string, detail: string): Promise<void> {
  const answer = await vscode.window.showInformationMessage(message, { modal: true, detail }, 'Create');
  if (answer !== 'Create') throw new PromptCancelled();
}

/** A modal warning naming what goes; anything but "Delete" cancels. */
export async function confirmDeletion(message: string, detail: string): Promise<void> {
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Delete');
  if (answer !== 'Delete') throw new PromptCancelled();
}
