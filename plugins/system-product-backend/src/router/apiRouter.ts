import { TypedRouter } from '@backstage/backend-openapi-utils';
import { EndpointMap } from '../schema/router.generated';

/**
 * The validating router of the API, typed by the OpenAPI document: each
 * route's path parameters, query, body and response body are the
 * document's (`router.generated.ts`). Routes are added to it directly, never
 * through untyped sub-routers.
 */
export type ApiRouter = TypedRouter<EndpointMap>;
