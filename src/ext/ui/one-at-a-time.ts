/**
 * Runs asynchronous work one piece at a time, in the order asked: what the password box needs, since VS Code shows
 * one quick input at a time and a second would close the first (its question answered as if declined). Pure: no
 * vscode import, so it is unit-tested under plain Node.
 */
export class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  /** Starts `work` once everything asked before has settled; its result or failure is the caller's alone. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.last.then(work);
    this.last = turn.catch(() => undefined);
    return turn;
  }
}
