import { Agent, request } from 'node:http';

/**
 * A keep-alive client for the web host's contract (`POST /api/<method>` with the bearer token),
 * as the renderer in a browser talks to it. Rejects on a non-ok envelope.
 */
export function webContractClient(port: number, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const call = (method: string, input: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/${method}`,
          agent,
          headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value?: unknown; error?: unknown };
            if (envelope.ok) resolve(envelope.value);
            else reject(new Error(`${method}: ${JSON.stringify(envelope.error)}`));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { call, close: () => agent.destroy() };
}
