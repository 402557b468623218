/** Entry point of the `netns-lab` executable. */
import { outputClosed } from './interrupt.js';
import { main } from './main.js';

// A reader that went away (`netns-lab run lab.netns.md | head`) ends this program quietly, as it would any Unix
// program, after stopping what runs for it (a cell), as an interrupt does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return outputClosed();
    // A full disk or a broken device: one line, on standard error if that is not the stream that failed.
    if (stream !== process.stderr) process.stderr.write(`netns-lab: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
}

process.exitCode = await main(process.argv.slice(2));
