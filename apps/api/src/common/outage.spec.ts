import { ServiceError } from '@temporalio/client';
import { QueryFailedError } from 'typeorm';
import { outageOf } from './outage';

/** Errors shaped as pg, TypeORM and the Temporal client raise them when a server is away (or not). */
function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, errno: -111, syscall: 'connect' });
}

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details });
}

describe('outageOf', () => {
  it.each([
    ['a refused connection to PostgreSQL', socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433')],
    [
      'PostgreSQL shutting down under a query',
      new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command')),
    ],
    ['PostgreSQL starting up', pgError('57P03', 'the database system is starting up')],
    ['a connection exception', pgError('08006', 'connection failure')],
    ['a connection pg lost', new Error('Connection terminated unexpectedly')],
    ['a query on a connection pg closed', new Error('Client was closed and is not queryable')],
    ['the pool waiting in vain', new Error('timeout exceeded when trying to connect')],
  ])('names the database for %s', (_what, error) => {
    expect(outageOf(error)).toBe('database');
  });

  it.each([
    [
      'the Temporal client that cannot reach the server',
      new ServiceError('Failed to query Workflow', {
        cause: grpcError(14, 'UNAVAILABLE: No connection established'),
      }),
    ],
    ['a bare gRPC UNAVAILABLE', grpcError(14, 'UNAVAILABLE: Connection dropped')],
  ])('names Temporal for %s', (_what, error) => {
    expect(outageOf(error)).toBe('temporal');
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value'))],
    ['a syntax error', new QueryFailedError('SELEC', [], pgError('42601', 'syntax error'))],
    ['a gRPC DEADLINE_EXCEEDED (the flow did not answer: not an outage)', grpcError(4, 'DEADLINE_EXCEEDED')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing at all', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('leaves %s alone', (_what, error) => {
    expect(outageOf(error)).toBeUndefined();
  });
});
