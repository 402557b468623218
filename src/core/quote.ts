/**
 * The one place where argv entries become text for an interpreter: a POSIX shell (a long-lived session, local
 * or over ssh) or an `ip -batch` line. Everywhere else commands stay argv arrays.
 */

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/u;

/** Quotes one word for a POSIX shell so that it reaches the command literally (including newlines). */
export function shellQuote(word: string): string {
  if (word.includes('\0')) throw new Error('a NUL character cannot be passed in a command argument');
  if (SHELL_SAFE.test(word)) return word;
  return `'${word.replace(/'/gu, `'\\''`)}'`;
}

/** Quotes an argv into one shell command line. */
export function shellCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('an empty command cannot be run');
  return argv.map(shellQuote).join(' ');
}

/**
 * Renders `ip` arguments (without the leading `ip`) as one `ip -batch` line, or returns undefined when a word
 * cannot be expressed there. iproute2 splits batch lines on blanks, cuts them at the first `#` and knows quotes
 * only around a whole word, without escapes: words with `#`, newlines, or both quote kinds cannot be expressed,
 * and the caller then runs that command on its own.
 */
export function batchLine(args: readonly string[]): string | undefined {
  const words: string[] = [];
  for (const word of args) {
    const rendered = batchWord(word);
    if (rendered === undefined) return undefined;
    words.push(rendered);
  }
  return words.join(' ');
}

function batchWord(word: string): string | undefined {
  if (word.length === 0 || /[#\n\r\\\0]/u.test(word)) return undefined;
  const needsQuotes = /[ \t]/u.test(word) || word.startsWith('"') || word.startsWith("'");
  if (!needsQuotes) return word;
  if (!word.includes('"')) return `"${word}"`;
  if (!word.includes("'")) return `'${word}'`;
  return undefined;
}
