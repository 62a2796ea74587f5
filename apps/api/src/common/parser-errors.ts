import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { codeOfStatus, problem, PROBLEM_CONTENT_TYPE, titleOf } from './problem';

/** Node's HTTP parser's refusals, by its error code: a request line or headers too long, or not HTTP at all. */
const PARSER_STATUS: Record<string, [status: number, detail: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line or headers are too long (a query string of many kilobytes, say).'],
  HPE_URI_TOO_LONG: [414, 'The request URL is too long.'],
};

/**
 * Requests the HTTP parser refuses never reach Nest: Node answers them with a bare status and no body. They get
 * problem+json like every other 4xx, with a code, and the connection is closed.
 */
export function answerParserErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy();
      return;
    }
    const [status, detail] = PARSER_STATUS[error.code ?? ''] ?? [400, 'The request is not valid HTTP.'];
    const body = JSON.stringify(problem(status, detail, codeOfStatus(status)));
    socket.end(
      `HTTP/1.1 ${status} ${titleOf(status)}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
