import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { AddressInfo, createServer } from 'node:net';
import request from 'supertest';
import { isDatabaseUnavailable } from '../router/createRouter';
import {
  OWNER,
  startSystemProductBackend,
} from '../__testUtils__/startSystemProductBackend';

/** A loopback port nothing listens on: connecting is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise(done => server.close(done));
  return port;
}

describe('when the database cannot be reached', () => {
  it('answers 503 with Retry-After, without the database address', async () => {
    const port = await closedPort();
    const knex = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port, user: 'postgres' },
      pool: { min: 0, max: 2 },
    });
    const server = await startSystemProductBackend([
      // Started without migrations: the database is down from the start.
      mockServices.database.factory({ knex, migrations: { skip: true } }),
    ]);
    try {
      const res = await request(server)
        .get('/api/system-product/surveys/any-round/results')
        .set('Authorization', mockCredentials.user.header(OWNER));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: 'The database is unavailable (ECONNREFUSED); retry shortly',
      });
      expect(JSON.stringify(res.body)).not.toContain(String(port));

      // A request that is wrong stays a 400: it never reaches the database.
      const bad = await request(server)
        .post('/api/system-product/surveys/any-round/responses')
        .set('Authorization', mockCredentials.user.header(OWNER))
        .send({ answers: 'none' });
      expect(bad.status).toBe(400);
    } finally {
      await knex.destroy();
    }
  });

  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['a reset connection', { code: 'ECONNRESET' }],
    ['PostgreSQL shutting down (57P01)', { code: '57P01' }],
    ['PostgreSQL starting up (57P03)', { code: '57P03' }],
    ['a connection failure (08006)', { code: '08006' }],
    ['too many connections (53300)', { code: '53300' }],
    ['a pool acquire timeout', { name: 'KnexTimeoutError' }],
    [
      'a connection cut mid-query',
      new Error('Connection terminated unexpectedly'),
    ],
    [
      'a transaction whose connection was cut',
      new Error('ROLLBACK - Connection terminated unexpectedly'),
    ],
  ])('treats %s as the database being unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', { code: '23505' }],
    ['bad input to a column (22P02)', { code: '22P02' }],
    [
      'a programming error',
      new TypeError('Cannot read properties of undefined'),
    ],
    ['no error at all', undefined],
  ])('does not treat %s as the database being unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
