import { LoggerService } from '@backstage/backend-plugin-api';
import {
  RequestDetails,
  RequestValidationContext,
  RequestValidator,
} from '@backstage/plugin-events-node';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header PagerDuty signs v3 webhooks in, as Node lower-cases it. */
export const PAGERDUTY_SIGNATURE_HEADER = 'x-pagerduty-signature';

/** A v1 signature: `v1=` and the hex of an HMAC-SHA256 (32 bytes). */
const V1_SIGNATURE = /^v1=([0-9a-f]{64})$/i;

/**
 * The v1 signatures of an `X-PagerDuty-Signature` header, as bytes. The
 * header holds one or more comma-separated `v1=<hex>` items, more than one
 * while a subscription's secret is being rotated; items of other versions
 * are skipped, as PagerDuty's verification steps say.
 */
export function v1Signatures(header: string | string[] | undefined): Buffer[] {
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  return value
    .split(',')
    .map(item => V1_SIGNATURE.exec(item.trim())?.[1])
    .filter((hex): hex is string => hex !== undefined)
    .map(hex => Buffer.from(hex, 'hex'));
}

/**
 * Whether one of the signatures is the HMAC-SHA256 of the body with the
 * secret. The body is the raw bytes PagerDuty sent, never a re-serialised
 * JSON (which would differ in spacing and escapes); each comparison takes
 * the same time wherever the bytes differ.
 */
export function isSignedBy(
  secret: string,
  body: Buffer,
  signatures: Buffer[],
): boolean {
  const expected = createHmac('sha256', secret).update(body).digest();
  // `some` may stop at the first match: which of the signatures matched
  // says nothing about the secret.
  return signatures.some(signature => timingSafeEqual(signature, expected));
}

/**
 * The validator of the events backend's ingress for PagerDuty's v3
 * webhooks: it lets a request through only when `X-PagerDuty-Signature`
 * holds a v1 signature of its raw body made with `secret`. PagerDuty drops
 * a webhook answered with a 4xx without retrying, so a request that is not
 * PagerDuty's is refused with 400 (no v1 signature) or 403 (none matches).
 * Without a secret every request is refused with 503, so that nothing
 * unsigned is ever accepted and PagerDuty, which retries 5xx answers for 48
 * hours, delivers again once the secret is configured.
 */
export function createPagerDutySignatureValidator(options: {
  secret: string | undefined;
  logger: LoggerService;
}): RequestValidator {
  const { secret, logger } = options;
  return async (request: RequestDetails, context: RequestValidationContext) => {
    if (!secret) {
      logger.warn(
        'Refused a PagerDuty webhook: systemProduct.pagerduty.webhookSecret is not configured, so its signature cannot be checked',
      );
      context.reject({
        status: 503,
        payload: { message: 'webhook signature cannot be checked' },
      });
      return;
    }
    const signatures = v1Signatures(
      request.headers[PAGERDUTY_SIGNATURE_HEADER],
    );
    if (signatures.length === 0) {
      logger.warn(
        'Refused a PagerDuty webhook without a v1 signature in X-PagerDuty-Signature',
      );
      context.reject({
        status: 400,
        payload: { message: 'missing X-PagerDuty-Signature v1 signature' },
      });
      return;
    }
    if (!isSignedBy(secret, request.raw.body, signatures)) {
      logger.warn(
        'Refused a PagerDuty webhook whose X-PagerDuty-Signature does not match systemProduct.pagerduty.webhookSecret',
      );
      context.reject({
        status: 403,
        payload: { message: 'invalid signature' },
      });
    }
  };
}
