/**
 * A problem in a file at its line and column: shared by the topology reader, which finds them, and the errors and
 * front ends that carry and show them. It sits at the bottom of the core, with no imports, so errors.ts needs
 * nothing from above it.
 */

/** A problem in a topology file, at its place (lines and columns count from 1). */
export interface TopologyDiagnostic {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
