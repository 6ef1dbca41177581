import { Body, Controller, Param, Put } from '@nestjs/common';
import { isId, SubmissionRepository } from '../../../libs/db/index.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { notFound } from '../common/api-error.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { type OverrideBody, overrideBody } from './override.dto.js';
import { OverrideService } from './override.service.js';
import { SubmissionViewService } from './submission-view.service.js';

@Controller('v1/submissions/:id/answers/:problemKey/override')
export class OverridesController {
  constructor(
    private readonly overrides: OverrideService,
    private readonly submissions: SubmissionRepository,
    private readonly view: SubmissionViewService,
  ) {}

  /** 200 with the submission as it now reads: the override wins over the computed score. */
  @Put()
  @Roles('admin', 'teacher')
  async override(
    @Param('id') id: string,
    @Param('problemKey') problemKey: string,
    @Body(new ZodPipe(overrideBody)) body: OverrideBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!isId(id)) throw notFound('submission');
    await this.overrides.apply(
      { submissionId: id, problemKey, score: body.score, comment: body.comment, by: principal.keyId },
      orgScope(principal),
    );
    const submission = await this.submissions.findById(id, orgScope(principal));
    if (!submission) throw notFound('submission');
    return this.view.present(submission);
  }
}
