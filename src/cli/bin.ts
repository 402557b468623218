/** Entry point of the `netns-lab` executable. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
