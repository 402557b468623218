/** Entry point of the `netns-lab` executable. */
import { main } from './main.js';

// A reader that went away (`netns-lab ls | head`) ends this program quietly, as it would any Unix program.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(141);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
