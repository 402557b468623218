/** The host aliases an ssh config file declares, to offer them as targets. */

/**
 * Reads `Host` lines (any case, `Host a b` or `Host=a`) and returns their plain aliases in order, without
 * patterns (`*`, `?`, `!name`), which name no single host.
 */
export function sshConfigAliases(text: string): string[] {
  const aliases: string[] = [];
  for (const line of text.split(/\r?\n/u)) {
    const match = /^\s*host(?:\s*=\s*|\s+)(.+)$/iu.exec(line);
    if (!match) continue;
    for (const word of match[1]!.replace(/#.*$/u, '').trim().split(/\s+/u)) {
      const alias = word.replace(/^"(.*)"$/u, '$1');
      if (alias && !/[*?!]/u.test(alias) && !aliases.includes(alias)) aliases.push(alias);
    }
  }
  return aliases;
}
