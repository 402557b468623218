/** The overview printed by `netns-lab --help`. */
import type { CliCommand } from './context.js';

export function globalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = [
    'netns-lab: build and inspect Linux network namespace labs',
    '',
    'Usage: netns-lab COMMAND [ARGS] [--json] [--target TARGET] [--privilege auto|sudo|none]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Global options:',
    '  --json                     machine-readable output (ls, show, snapshot, validate, deploy, destroy, inspect, capture, check, graph)',
    '  --target TARGET            work on another host over SSH: an ssh config alias, USER@HOST or',
    '                             ssh://USER@HOST:PORT (default: this machine)',
    '  --ssh-config FILE          an ssh config file to use instead of ~/.ssh/config',
    '  --privilege auto|sudo|none how to get root: auto (root, else sudo), always sudo, or run as is',
    '  --help, -h                 help for netns-lab or for one command (netns-lab veth --help)',
    '  --version                  the version',
    '',
    'Interfaces are written NAME@NS for a namespace NS; without @NS they are in the root namespace.',
    'Lab topologies (*.netns.yaml): validate, deploy, inspect and destroy a declared lab; check proves it works;',
    'graph draws it (or the whole host) as Mermaid, Graphviz text or an SVG picture.',
    'Exit status, the same for every command:',
    '  0    success',
    '  1    the work failed: the host refused, a namespace or file does not exist, a file has problems',
    '  2    called wrongly, before anything ran: unknown command or option, missing or extra argument,',
    '       a name given twice, an invalid name, address, MTU, number or --target',
    '  3    a lab differs from its file (inspect FILE)',
    '  130  interrupted (128 + the signal: 143 for SIGTERM)',
  ];
  return lines.join('\n') + '\n';
}
