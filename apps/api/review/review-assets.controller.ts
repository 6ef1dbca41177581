import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { katexStylesheet, REVIEW_CSS } from '../../../libs/review/index.js';
import { Public } from '../auth/auth.decorators.js';

// KaTeX's stylesheet and fonts come from the installed npm package (no CDN), with the page's own
// stylesheet. Font names are matched against a strict pattern, so no path can leave the fonts folder.
const KATEX_DIST = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
const FONT_FILE = /^KaTeX_[A-Za-z0-9_-]{1,60}\.(woff2|woff|ttf)$/;
const FONT_TYPES: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf' };
const ASSET_CACHE = 'public, max-age=86400';

function sendAsset(reply: FastifyReply, type: string, body: string | Buffer): FastifyReply {
  return reply
    .status(200)
    .headers({ 'content-type': type, 'cache-control': ASSET_CACHE, 'x-content-type-options': 'nosniff' })
    .send(body);
}

@Controller('review/assets')
@Public()
export class ReviewAssetsController {
  private katexCss: Promise<string> | null = null;

  @Get('review.css')
  reviewCss(@Res() reply: FastifyReply) {
    return sendAsset(reply, 'text/css; charset=utf-8', REVIEW_CSS);
  }

  @Get('katex/katex.min.css')
  async katexCssFile(@Res() reply: FastifyReply) {
    this.katexCss ??= readFile(join(KATEX_DIST, 'katex.min.css'), 'utf8').then(katexStylesheet);
    return sendAsset(reply, 'text/css; charset=utf-8', await this.katexCss);
  }

  @Get('katex/fonts/:file')
  async katexFont(@Param('file') file: string, @Res() reply: FastifyReply) {
    const match = FONT_FILE.exec(file);
    if (!match) return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
    try {
      return sendAsset(reply, FONT_TYPES[match[1]!]!, await readFile(join(KATEX_DIST, 'fonts', file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('not found');
    }
  }
}
