// npm run list:key -- --out FILE
// Makes a curator's signing key for a pack list: the private key written to FILE (PEM, readable by
// its owner only; never overwritten), the public key printed. list:build signs with the private
// key and puts the public key in the index; subscribers' Parallax trusts that key from then on.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { generateListKey } from './pack-list/list-keys';

const USAGE = 'npm run list:key -- --out FILE';

/** A key file that could not be written. */
class KeyFileError extends Error {}

function main(): number {
  const { values: args } = readArgs({ options: { out: { type: 'string' } } });
  if (args.out === undefined) throw new UsageError('--out FILE is required: where to write the private key');
  const file = path.resolve(args.out);
  const { privatePem, publicKey } = generateListKey();
  try {
    // 'wx': an existing key is never replaced (subscribers trust it: losing it means asking them all).
    writeFileSync(file, privatePem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyFileError(
      `${args.out}: ${code === 'EEXIST' ? 'already exists; Parallax never overwrites a key (subscribers trust it). Choose another file' : (error as Error).message}`,
    );
  }
  console.log(
    `Private key written to ${args.out} (readable by you only). Keep it out of the folder you publish, and keep a copy:`,
  );
  console.log('a list signed with another key asks every subscriber to accept it.');
  console.log(`Public key (list:build puts it in the index; show it on your list's home page): ${publicKey}`);
  return 0;
}

void runScript(import.meta, 'list:key', USAGE, main, [KeyFileError]);
