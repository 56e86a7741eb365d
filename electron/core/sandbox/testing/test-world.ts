import { DEMO, demoWorld } from '../demo-world';
import { createSandbox, startSandbox, type SandboxOptions } from '../server';
import { NO_QUIRKS } from '../timing';
import type { SandboxWorld } from '../world';

/** Extra ids the emulator tests use on top of the demo world. */
export const TEST = {
  testPhoneId: '109876543210988',
  lockedPhoneId: '109876543210989',
  allowed: '5511955554444',
  capped: '5511933332222',
} as const;

/**
 * The demo world plus what the tests need: a media-header template with a dynamic URL button,
 * a marketing template, a named-parameter template, a test number with an allowed list, a
 * locked number and a user at Meta's marketing cap.
 */
export function testWorld(now = Date.now()): SandboxWorld {
  const world = demoWorld(now);
  const base = world.phones[0]!;
  world.phones.push(
    { ...base, id: TEST.testPhoneId, displayPhoneNumber: '+1 555-0100', allowedRecipients: [TEST.allowed] },
    { ...base, id: TEST.lockedPhoneId, displayPhoneNumber: '+55 11 4000-9999', blockedWith: 131031 },
  );
  world.marketingCapped.push(TEST.capped);
  world.templates.push(
    {
      id: '1689556908129900',
      wabaId: DEMO.wabaId,
      name: 'nota_fiscal',
      language: 'pt_BR',
      category: 'UTILITY',
      status: 'APPROVED',
      parameterFormat: 'POSITIONAL',
      components: [
        { type: 'HEADER', format: 'DOCUMENT' },
        { type: 'BODY', text: 'Olá {{1}}, segue a nota do pedido #{{2}}.' },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Ver pedido', url: 'https://loja.example/pedido/{{1}}' }] },
      ],
    },
    {
      id: '1689556908129901',
      wabaId: DEMO.wabaId,
      name: 'promo_semana',
      language: 'pt_BR',
      category: 'MARKETING',
      status: 'APPROVED',
      parameterFormat: 'NAMED',
      components: [{ type: 'BODY', text: 'Oi {{first_name}}, cupom {{code}} vale até domingo!' }],
    },
  );
  return world;
}

/** A quiet, fast emulator: no random quirks unless asked, Meta time compressed a million times. */
export function testSandboxOptions(options: Partial<SandboxOptions> = {}): SandboxOptions {
  return {
    port: 0,
    seed: 42,
    world: testWorld(),
    ...options,
    quirks: { ...NO_QUIRKS, ...options.quirks },
    timing: { compression: 1_000_000, templateReviewMs: 60_000, ...options.timing },
  };
}

/** The test emulator on a loopback port (for the app's Graph client, which speaks real HTTP). */
export function startTestSandbox(options: Partial<SandboxOptions> = {}) {
  return startSandbox(testSandboxOptions(options));
}

/** The test emulator without a port: call its routes through `sandbox.app.request(path, init)`. */
export function createTestSandbox(options: Partial<SandboxOptions> = {}) {
  return createSandbox(testSandboxOptions(options));
}
