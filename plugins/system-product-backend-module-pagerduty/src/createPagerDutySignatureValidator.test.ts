import { mockServices } from '@backstage/backend-test-utils';
import { RequestRejectionDetails } from '@backstage/plugin-events-node';
import { createHmac } from 'node:crypto';
import { createPagerDutySignatureValidator } from './createPagerDutySignatureValidator';

const BODY = '{"event":{"id":"1"}}';
// Computed outside this code, with
// printf '%s' '{"event":{"id":"1"}}' | openssl dgst -sha256 -hmac old-secret
const OLD_SIGNATURE =
  'e4a742b39bd59450eccb155ec93f041743c17d3f2bc3e5300e66d80a4d22eeab';
// ... and -hmac new-secret
const NEW_SIGNATURE =
  'dd2693e0a2ebdb464fafc4eb34a95a631fdbbb5b5d9426d9bbfab34f6cbaeb3b';

/** Runs the validator on a request; the rejection, or undefined when accepted. */
async function validate(
  secret: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  body: string | Buffer = BODY,
): Promise<Partial<RequestRejectionDetails> | undefined> {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  let rejection: Partial<RequestRejectionDetails> | undefined;
  await createPagerDutySignatureValidator({
    secret,
    logger: mockServices.logger.mock(),
  })(
    {
      body: JSON.parse(raw.toString('utf8')),
      headers,
      query: {},
      raw: { body: raw, encoding: 'utf-8' },
    },
    {
      reject: details => {
        rejection = details ?? {};
      },
    },
  );
  return rejection;
}

describe('the PagerDuty v3 signature check', () => {
  it('accepts the v1 signature of the raw body made with the secret', async () => {
    await expect(
      validate('old-secret', {
        'x-pagerduty-signature': `v1=${OLD_SIGNATURE}`,
      }),
    ).resolves.toBeUndefined();
  });

  it('accepts either signature while the secret is rotated, whichever we hold', async () => {
    // PagerDuty's form: both signatures in one header, comma-separated.
    const rotating = `v1=${NEW_SIGNATURE},v1=${OLD_SIGNATURE}`;
    await expect(
      validate('old-secret', { 'x-pagerduty-signature': rotating }),
    ).resolves.toBeUndefined();
    await expect(
      validate('new-secret', { 'x-pagerduty-signature': rotating }),
    ).resolves.toBeUndefined();
    // Spaces after the comma and upper-case hex are the same signatures.
    await expect(
      validate('new-secret', {
        'x-pagerduty-signature': `v1=${OLD_SIGNATURE}, v1=${NEW_SIGNATURE.toUpperCase()}`,
      }),
    ).resolves.toBeUndefined();
  });

  it('skips signatures of versions other than v1', async () => {
    await expect(
      validate('old-secret', {
        'x-pagerduty-signature': `v2=${NEW_SIGNATURE},v1=${OLD_SIGNATURE}`,
      }),
    ).resolves.toBeUndefined();
    await expect(
      validate('old-secret', {
        'x-pagerduty-signature': `v2=${OLD_SIGNATURE}`,
      }),
    ).resolves.toEqual({
      status: 400,
      payload: { message: 'missing X-PagerDuty-Signature v1 signature' },
    });
  });

  it('refuses a signature made with another secret with 403', async () => {
    await expect(
      validate('another-secret', {
        'x-pagerduty-signature': `v1=${OLD_SIGNATURE},v1=${NEW_SIGNATURE}`,
      }),
    ).resolves.toEqual({
      status: 403,
      payload: { message: 'invalid signature' },
    });
  });

  it('refuses a tampered body with 403', async () => {
    await expect(
      validate(
        'old-secret',
        { 'x-pagerduty-signature': `v1=${OLD_SIGNATURE}` },
        '{"event":{"id":"2"}}',
      ),
    ).resolves.toEqual({
      status: 403,
      payload: { message: 'invalid signature' },
    });
    // The same JSON re-serialised is another body: only the raw bytes count.
    await expect(
      validate(
        'old-secret',
        { 'x-pagerduty-signature': `v1=${OLD_SIGNATURE}` },
        '{ "event": { "id": "1" } }',
      ),
    ).resolves.toMatchObject({ status: 403 });
  });

  it('refuses a request without the header, or without a signature in it, with 400', async () => {
    const missing = {
      status: 400,
      payload: { message: 'missing X-PagerDuty-Signature v1 signature' },
    };
    await expect(validate('old-secret', {})).resolves.toEqual(missing);
    await expect(
      validate('old-secret', { 'x-pagerduty-signature': '' }),
    ).resolves.toEqual(missing);
    // Truncated or not hex: not a signature.
    await expect(
      validate('old-secret', {
        'x-pagerduty-signature': `v1=${OLD_SIGNATURE.slice(0, 62)}`,
      }),
    ).resolves.toEqual(missing);
    await expect(
      validate('old-secret', {
        'x-pagerduty-signature': `v1=${'z'.repeat(64)}`,
      }),
    ).resolves.toEqual(missing);
    // GitHub's header is not PagerDuty's.
    await expect(
      validate('old-secret', {
        'x-hub-signature-256': `sha256=${OLD_SIGNATURE}`,
      }),
    ).resolves.toEqual(missing);
  });

  it('signs the UTF-8 bytes of a body with non-ASCII characters', async () => {
    const body = '{"event":{"data":{"title":"Zahlung schlägt fehl ✗"}}}';
    const signature = createHmac('sha256', 'old-secret')
      .update(Buffer.from(body, 'utf8'))
      .digest('hex');
    await expect(
      validate(
        'old-secret',
        { 'x-pagerduty-signature': `v1=${signature}` },
        body,
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses every request when no secret is configured, signed or not', async () => {
    const refused = {
      status: 503,
      payload: { message: 'webhook signature cannot be checked' },
    };
    await expect(validate(undefined, {})).resolves.toEqual(refused);
    await expect(
      validate(undefined, { 'x-pagerduty-signature': `v1=${OLD_SIGNATURE}` }),
    ).resolves.toEqual(refused);
    await expect(
      validate('', { 'x-pagerduty-signature': `v1=${OLD_SIGNATURE}` }),
    ).resolves.toEqual(refused);
  });
});
