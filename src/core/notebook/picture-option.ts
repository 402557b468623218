/**
 * The cell option `picture`: after the cell ran, a picture of the network it left. `picture=true` draws the
 * notebook's own lab (its front matter's topology), `picture=host` every namespace of the notebook's target,
 * `picture=NAME` the deployed lab NAME, `picture=false` nothing. The editor and `netns-lab run` both read it here.
 */
import { labNameProblem } from '../labs/lab-name.js';

/** What a cell's picture shows. */
export type PictureSubject = { kind: 'notebook-lab' } | { kind: 'host' } | { kind: 'lab'; lab: string };

/** The subject `value` names, undefined for `false`; calls `fail` with why a value is refused. */
export function parsePictureOption(value: string, fail: (reason: string) => never): PictureSubject | undefined {
  if (value === 'true') return { kind: 'notebook-lab' };
  if (value === 'false') return undefined;
  if (value === 'host') return { kind: 'host' };
  const problem = value === '' ? 'it is empty' : labNameProblem(value);
  if (problem !== undefined) {
    fail(`bad value ${JSON.stringify(value)} for picture: ${problem}; write picture=true (the notebook's lab), picture=host (every namespace) or picture=LAB`);
  }
  return { kind: 'lab', lab: value };
}

/** The option's value as written: `true`, `host` or the lab's name. */
export function pictureOptionValue(subject: PictureSubject): string {
  return subject.kind === 'notebook-lab' ? 'true' : subject.kind === 'host' ? 'host' : subject.lab;
}
