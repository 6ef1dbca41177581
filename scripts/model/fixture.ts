// `node dist/scripts/model/fixture.js OUT.gguf [--wide]`: writes the generated test model.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { writeFixtureModel } from './fixture-model.js';

export { writeFixtureModel, FIXTURE_ANSWER, FIXTURE_STEPS, FIXTURE_THOUGHT, FIXTURE_VERDICT } from './fixture-model.js';

function main(args: string[]): void {
  const wide = args.includes('--wide');
  const positional = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--wide');
  if (positional.length !== 1 || unknown.length > 0) {
    process.stderr.write('usage: fixture OUT.gguf [--wide]\n');
    process.exitCode = 2;
    return;
  }
  const outputPath = positional[0]!;
  writeFixtureModel(outputPath, { wide });
  process.stdout.write(`wrote ${outputPath} (${statSync(outputPath).size} bytes, ${wide ? 'wide' : 'tiny'})\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
