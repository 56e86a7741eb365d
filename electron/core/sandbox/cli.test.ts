import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from './demo-world';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcess | undefined;

beforeAll(() => {
  // What `npm run sandbox` runs: the bundled CLI.
  execFileSync(process.execPath, ['scripts/build-node.mjs', 'sandbox'], { cwd: ROOT, stdio: 'pipe', timeout: 60_000 });
}, 90_000);

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('npm run sandbox', () => {
  it('prints its base URL and the demo credentials, and answers a curl-style send', async () => {
    child = spawn(process.execPath, ['dist/electron/sandbox.cjs', '--port', '0', '--seed', '3'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!output.includes('Control API') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain(DEMO.accessToken);
    expect(output).toContain(DEMO.phoneNumberId);
    expect(output).toContain(DEMO.appSecret);
    const baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(baseUrl).toBeDefined();

    // The base URL printed is the one a new install uses: the newest tested version.
    expect(output).toContain(`Graph base URL:   ${baseUrl}/v27.0`);
    const response = await fetch(`${baseUrl}/v27.0/${DEMO.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '+55 11 98765-4321',
        type: 'template',
        template: {
          name: 'pedido_confirmado',
          language: { code: 'pt_BR' },
          components: [{ type: 'body', parameters: ['Maria', '1042', '189,90', '12/05/2025'].map((text) => ({ type: 'text', text })) }],
        },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { contacts: { wa_id: string }[]; messages: { id: string; message_status: string }[] };
    expect(body.contacts[0]?.wa_id).toBe('5511987654321');
    expect(body.messages[0]).toMatchObject({ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' });
  }, 20_000);
});
