// Protects reading saved webhook requests for `stepgrade webhooks verify`: exact body text, headers in JSON or raw HTTP form.
import { describe, expect, it } from '@jest/globals';
import { parseHeadersFile, parseSavedRequestJson } from './saved-request.js';

describe('parseSavedRequestJson', () => {
  it('keeps the body string exactly as saved', () => {
    const saved = parseSavedRequestJson(
      JSON.stringify({ headers: { 'Webhook-Id': 'msg_1', 'webhook-timestamp': 1700000000 }, body: '{"a": 1 }' }),
    );
    expect(saved).toEqual({ headers: { 'Webhook-Id': 'msg_1', 'webhook-timestamp': '1700000000' }, body: '{"a": 1 }' });
  });

  it('refuses a body saved as parsed JSON, whose original bytes are lost', () => {
    expect(() => parseSavedRequestJson(JSON.stringify({ headers: {}, body: { a: 1 } }))).toThrow(
      /raw body as a string/,
    );
    expect(() => parseSavedRequestJson(JSON.stringify({ body: '' }))).toThrow(/"headers" must be an object/);
    expect(() => parseSavedRequestJson('[]')).toThrow(/must be a JSON object/);
  });
});

describe('parseHeadersFile', () => {
  it('reads raw HTTP header lines, skipping the request line', () => {
    const text =
      'POST /hook HTTP/1.1\r\nWebhook-Id: msg_1\r\nwebhook-timestamp: 1700000000\r\nwebhook-signature: v1,abc= v1,def=\r\n';
    expect(parseHeadersFile(text)).toEqual({
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': 'v1,abc= v1,def=',
    });
  });

  it('reads a JSON object', () => {
    expect(parseHeadersFile('{"webhook-id": "msg_1"}')).toEqual({ 'webhook-id': 'msg_1' });
  });
});
