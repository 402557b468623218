/** Thrown when `ip -j` output does not have the shape a parser expects. */
export class ParseError extends Error {
  /** What was being parsed, e.g. `ip -j link show`. */
  readonly context: string;

  constructor(message: string, context: string) {
    super(message);
    this.name = 'ParseError';
    this.context = context;
  }
}
