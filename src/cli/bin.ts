/** Entry point of the `netns-lab` executable. */
import { outputClosed } from './interrupt.js';
import { main } from './main.js';

// A reader that went away (`netns-lab run lab.netns.md | head`) ends this program quietly, as it would any Unix
// program, after stopping what runs for it (a cell), as an interrupt does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    outputClosed();
  });
}

process.exitCode = await main(process.argv.slice(2));
