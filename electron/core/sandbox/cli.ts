import { parseArgs } from 'node:util';
import { DEFAULT_API_VERSION } from '../../../shared/settings/credentials';
import { DEMO, demoWorld } from './demo-world';
import { startSandbox } from './server';

const USAGE = 'Usage: npm run sandbox -- [--port N] [--seed N] [--compression N]';

/** `npm run sandbox`: the Meta emulator with the demo world, standalone on 127.0.0.1. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      compression: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535. ${USAGE}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer. ${USAGE}`);
  const compression = values.compression === undefined ? undefined : Number(values.compression);
  const sandbox = await startSandbox({ port, seed, world: demoWorld(), ...(compression ? { timing: { compression } } : {}) });
  console.log(`Meta Sandbox listening on ${sandbox.baseUrl}`);
  console.log(`Graph base URL:   ${sandbox.baseUrl}/${DEFAULT_API_VERSION}` /* what a new install calls */);
  console.log(`Access token:     ${DEMO.accessToken}`);
  console.log(`Phone number ID:  ${DEMO.phoneNumberId} (${DEMO.displayPhoneNumber})`);
  console.log(`WABA ID:          ${DEMO.wabaId}`);
  console.log(`App ID:           ${DEMO.appId}`);
  console.log(`App secret:       ${DEMO.appSecret}`);
  console.log(`App access token: ${DEMO.appId}|${DEMO.appSecret}`);
  console.log(`Control API:      ${sandbox.baseUrl}/_sandbox`);
  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
