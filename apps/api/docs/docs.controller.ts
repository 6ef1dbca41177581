import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';
import { buildOpenApiDocument } from './openapi.js';
import { ROUTES } from './openapi-routes.js';

/** The nearest package.json above this file (source under apps/, or compiled under dist/apps/). */
function packageVersion(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory)
    directory = dirname(directory);
  return (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);

function docsPage(): string {
  const rows = ROUTES.map(
    (route) =>
      `<tr><td>${route.method.toUpperCase()}</td><td><code>${escapeHtml(route.path)}</code></td><td>${escapeHtml(route.access)}</td><td>${escapeHtml(route.summary)}</td></tr>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>StepGrade API</title></head>
<body>
<h1>StepGrade API</h1>
<p>Machine-readable: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI 3.1, generated from the
request schemas the routes validate with). The contract in prose is docs/api.md in the repository.</p>
<table>
<thead><tr><th>method</th><th>path</th><th>who</th><th>what</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>`;
}

/** The API's own description: public, like /health (it holds no data). */
@Controller('docs')
@Public()
export class DocsController {
  private readonly document = buildOpenApiDocument(packageVersion());
  private readonly page = docsPage();

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'")
  html(): string {
    return this.page;
  }

  @Get('openapi.json')
  openapi(): Record<string, unknown> {
    return this.document;
  }
}
