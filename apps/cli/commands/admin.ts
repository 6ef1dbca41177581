import type { Command } from 'commander';
import { callApi } from '../http.js';

/** `stepgrade admin orgs create NAME`, `stepgrade admin keys create --org ID --role ROLE`. */
export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('organizations and API keys (admin key needed)');
  admin
    .command('orgs')
    .description('organizations')
    .command('create <name>')
    .description('create an organization; prints {id, name}')
    .action(async (name: string) => {
      console.log(JSON.stringify(await callApi('POST', '/v1/orgs', { json: { name } })));
    });
  admin
    .command('keys')
    .description('API keys')
    .command('create')
    .description('create an API key (shown once); prints {id, key, prefix, role, orgId}')
    .option('--org <id>', 'organization id (not for admin keys)')
    .requiredOption('--role <role>', 'admin | teacher | integration')
    .option('--name <name>', 'a label for the key', 'cli key')
    .action(async (options: { org?: string; role: string; name: string }) => {
      const created = await callApi('POST', '/v1/api-keys', {
        json: { orgId: options.org, role: options.role, name: options.name },
      });
      console.log(JSON.stringify(created));
    });
}
