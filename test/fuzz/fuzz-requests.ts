import fc from 'fast-check';
import { signWebhook } from '../../libs/webhooks/index.js';
import {
  assignmentBody,
  checkStepsBody,
  csvBody,
  equivalenceBody,
  jsonValue,
  junkAuthorization,
  mathString,
  ndjsonBody,
  submissionBody,
} from './hostile-inputs.js';

// Whole hostile HTTP requests for any route the API registers: path parameters, query, headers and
// body drawn from control characters, unpaired surrogates, invalid UTF-8, deep nesting and
// oversized parts, with valid keys often enough that the hostile parts reach the handlers.

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** What the suite set up, so requests can name real resources and hold real keys. */
export interface FuzzTargets {
  keys: { teacher: string; admin: string; integration: string };
  ids: Record<string, string[]>;
  inboundSecret: string;
  bodyLimitBytes: number;
}

const HOSTILE_CONSTANTS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFF',
  '\uDBFF\uDBFF',
  '\u202e\u2066',
  '\u0007\u001b[31m\u0008',
  '\r\n\r\nX-Injected: 1',
  '%00',
  '%',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '${jndi:ldap://127.0.0.1/x}',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '__proto__',
  'constructor',
  '-1',
  '1e309',
  'NaN',
  '',
  ' ',
  '😀'.repeat(50),
  'x'.repeat(5_000),
];

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: mathString },
);

/** Percent-encodes what encodeURIComponent can; an unpaired surrogate goes out as its 3 raw bytes (not UTF-8). */
export function encodeHostile(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]|[^\uD800-\uDFFF]+/g, (part) => {
    if (part.length !== 1 || !/[\uD800-\uDFFF]/.test(part)) return encodeURIComponent(part);
    const code = part.charCodeAt(0);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join('');
  });
}

const deepJson = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom('array', 'object', 'unterminated'))
  .map(([depth, shape]) =>
    shape === 'array'
      ? '['.repeat(depth) + ']'.repeat(depth)
      : shape === 'object'
        ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
        : '['.repeat(depth),
  );

const hostileJson = fc.oneof(
  jsonValue,
  fc.dictionary(hostileText, fc.oneof(hostileText, jsonValue), { maxKeys: 6 }),
  fc.array(hostileText, { maxLength: 6 }),
);

const invalidUtf8 = fc
  .uint8Array({ maxLength: 200 })
  .map((bytes) => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), bytes]));

/** The JSON shapes our DTOs expect, by the last static part of the route, so validation goes deep. */
function shapedBody(route: string): fc.Arbitrary<unknown> {
  if (/submissions\/batch$/.test(route))
    return fc.array(submissionBody, { maxLength: 4 }).map((submissions) => ({ submissions }));
  if (/submissions$/.test(route)) return submissionBody;
  if (/assignments(\/:id)?$/.test(route)) return assignmentBody;
  if (/equivalence$/.test(route)) return equivalenceBody;
  if (/check-steps$/.test(route)) return checkStepsBody;
  return hostileJson;
}

function bodyFor(route: string, limit: number): fc.Arbitrary<{ contentType?: string; body: string | Buffer }> {
  const json = (body: fc.Arbitrary<string | Buffer>) =>
    body.map((text) => ({ contentType: 'application/json', body: text }));
  return fc.oneof(
    { weight: 6, arbitrary: json(shapedBody(route).map((value) => JSON.stringify(value) ?? 'null')) },
    { weight: 3, arbitrary: json(hostileJson.map((value) => JSON.stringify(value) ?? 'null')) },
    { weight: 1, arbitrary: json(deepJson) },
    { weight: 1, arbitrary: json(invalidUtf8) },
    { weight: 1, arbitrary: json(fc.constant(JSON.stringify({ title: 'x'.repeat(limit + 1_000) }))) },
    { weight: 1, arbitrary: csvBody.map((body) => ({ contentType: 'text/csv', body })) },
    { weight: 1, arbitrary: ndjsonBody.map((body) => ({ contentType: 'application/x-ndjson', body })) },
    {
      weight: 2,
      arbitrary: fc.record({
        contentType: fc.constantFrom(
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=--x',
          'text/plain',
          'application/xml',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          '*/*',
          ';;;',
        ),
        body: fc.oneof(
          hostileText.map((text) => `problemKey=${encodeHostile(text)}&score=1&comment=${encodeHostile(text)}`),
          fc.string({ unit: 'binary', maxLength: 300 }),
        ),
      }),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((body) => ({ body })) },
  );
}

function pathValue(targets: FuzzTargets, param: string): fc.Arbitrary<string> {
  const real = targets.ids[param] ?? [];
  return fc.oneof(
    { weight: 4, arbitrary: real.length > 0 ? fc.constantFrom(...real) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: hostileText.map(encodeHostile) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', 'a'.repeat(500), '..%2f..%2f', '%2e%2e') },
  );
}

const QUERY_KEYS = ['cursor', 'limit', 'studentId', 'status', 'orgId', 'token', 'saved', 'format', 'kind', 'events'];

function queryFor(targets: FuzzTargets): fc.Arbitrary<string> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: hostileText });
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(targets.ids).flat()) },
  );
  return fc
    .oneof(
      { weight: 20, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 5 }) },
      // Over 16 KB of URL: refused by Node's parser before anything else (431).
      { weight: 1, arbitrary: fc.constant([['q', 'a'.repeat(20_000)] as [string, string]]) },
    )
    .map((pairs) =>
      pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`).join('&'),
    );
}

/** Header values fetch() will send: tab, printable ASCII and Latin-1 bytes. */
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code === 0x7f ? 0x09 : code)),
  maxLength: 200,
});

function headersFor(targets: FuzzTargets): fc.Arbitrary<Record<string, string>> {
  const authorization = fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${targets.keys.teacher}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${targets.keys.admin}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${targets.keys.integration}`) },
    { weight: 2, arbitrary: junkAuthorization },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const extra = fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'x-forwarded-for',
        'accept',
        'accept-encoding',
        'origin',
        'sec-fetch-site',
        'webhook-id',
        'webhook-timestamp',
        'webhook-signature',
        'x-request-id',
        'cookie',
      ),
      fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
    ),
    headerValue,
    { maxKeys: 4 },
  );
  return fc
    .tuple(authorization, extra)
    .map(([auth, rest]) => ({ ...rest, ...(auth === undefined ? {} : { authorization: auth }) }));
}

/** Requests for one registered route (`/v1/assignments/:id`), mostly with its own method. */
export function requestsFor(route: { method: string; url: string }, targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const params = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
  const path = fc
    .tuple(...params.map((param) => pathValue(targets, param)))
    .map((values) =>
      values.reduce<string>(
        (url, value, index) => url.replace(`:${params[index]}`, value),
        route.url.replace(/\*$/, 'x'),
      ),
    );
  const method = fc.oneof(
    { weight: 8, arbitrary: fc.constant(route.method) },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  );
  return fc
    .record({
      method,
      path,
      query: queryFor(targets),
      headers: headersFor(targets),
      body: bodyFor(route.url, targets.bodyLimitBytes),
      signed: fc.boolean(),
      webhookId: fc.uuid(),
    })
    .map(({ method: verb, path: url, query, headers, body, signed, webhookId }) => {
      const withBody = verb !== 'GET' && verb !== 'HEAD';
      const request: FuzzRequest = { method: verb, path: url + query, headers: { ...headers } };
      if (withBody) {
        request.body = body.body;
        if (body.contentType) request.headers['content-type'] = body.contentType;
      }
      // Signed inbound events get past the signature, so their hostile data reaches the intake.
      if (withBody && signed && route.url.endsWith('/events'))
        Object.assign(
          request.headers,
          signWebhook({
            webhookId: `msg_${webhookId}`,
            timestamp: Math.floor(Date.now() / 1000),
            body: body.body,
            secrets: [targets.inboundSecret],
          }),
        );
      return request;
    });
}
