import { NetnsLabError } from '../errors.js';

/** A deploy the plan refused before anything ran: each reason says what is in the way and what to do. */
export class LabRefusedError extends NetnsLabError {
  constructor(
    readonly lab: string,
    readonly reasons: readonly string[],
  ) {
    super(`Lab ${lab} was not deployed, nothing was changed:\n${reasons.map((reason) => `- ${reason}`).join('\n')}`);
  }
}
