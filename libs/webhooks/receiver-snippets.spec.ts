// Protects the copy-paste receiver code in RECEIVER.md: the dependency-free Node snippet accepts StepGrade's signatures and refuses tampering.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWebhookSecret } from './webhook-secret.js';
import { signWebhook } from './webhook-signature.js';

const receiverGuide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'RECEIVER.md'), 'utf8');

function snippetAfter(heading: string, language: string): string {
  const section = receiverGuide.slice(receiverGuide.indexOf(heading));
  const match = section.match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'));
  if (!match) throw new Error(`no ${language} block after ${heading}`);
  return match[1];
}

describe('RECEIVER.md Node snippet without dependencies', () => {
  it('verifies real signatures and refuses tampered, wrong-secret and stale requests', () => {
    const secret = generateWebhookSecret();
    const otherSecret = generateWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const body = '{"type":"submission.graded","data":{"id":"sub_1","note":"ü"}}';
    const cases = [
      { body, headers: signWebhook({ webhookId: 'msg_1', timestamp: now, body, secrets: [secret] }) },
      { body, headers: signWebhook({ webhookId: 'msg_1', timestamp: now, body, secrets: [otherSecret, secret] }) },
      {
        body: body.replace('sub_1', 'sub_2'),
        headers: signWebhook({ webhookId: 'msg_1', timestamp: now, body, secrets: [secret] }),
      },
      { body, headers: signWebhook({ webhookId: 'msg_1', timestamp: now, body, secrets: [otherSecret] }) },
      { body, headers: signWebhook({ webhookId: 'msg_1', timestamp: now - 600, body, secrets: [secret] }) },
    ];
    const program = `${snippetAfter('### Node.js, no dependencies', 'js')}
const cases = ${JSON.stringify(cases)};
console.log(JSON.stringify(cases.map((c) => verifyStepGradeWebhook(Buffer.from(c.body), c.headers, ${JSON.stringify(secret)}))));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([true, true, false, false, false]);
  });
});
