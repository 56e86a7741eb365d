import type { OrderEvent } from '../../../shared/domain/order-events';
import type { SandboxTemplate, SandboxWorld } from './world';

/**
 * The demo world of Sandbox mode and of `npm run sandbox`: one app, one WABA, one registered
 * Brazilian number and approved pt_BR UTILITY templates for the six order events, whose texts
 * follow the wireframe's previews. Not secret: they only open the local emulator.
 */
export const DEMO = {
  appId: '987654321098765',
  appName: 'Recado Sandbox',
  appSecret: '5e1f0c0ffee5a4db050e0d0000000001',
  wabaId: '102030405060708',
  phoneNumberId: '109876543210987',
  displayPhoneNumber: '+55 11 4000-1234',
  verifiedName: 'Loja Demonstração',
  /** A System User token that never expires (debug_token: `expires_at: 0`). */
  accessToken: 'EAARecadoSandboxPermanentSystemUserToken0001',
  /** A dashboard token that expires 24 h after the emulator starts. */
  temporaryToken: 'EAARecadoSandboxTemporaryUserToken00000002',
  /** Valid, but without whatsapp_business_messaging (→ 10) and without the WABA asset (→ 200). */
  limitedToken: 'EAARecadoSandboxNoPermissionToken000000003',
  pin: '123456',
  language: 'pt_BR',
  /** Customers: one registered without the 9th digit, one that is not on WhatsApp, one with a username. */
  customers: {
    maria: { dial: '+55 11 98765-4321', waId: '5511987654321', name: 'Maria Souza' },
    joao: { dial: '+55 11 98888-7777', waId: '551188887777', name: 'João Silva' },
    notOnWhatsApp: { dial: '+55 11 90000-0000', waId: '5511900000000', name: '' },
    /** Enabled a WhatsApp username (2026): her phone is withheld until the shop messages her by phone. */
    ana: { dial: '+55 21 99876-5432', waId: '5521998765432', name: 'Ana Costa', username: '@anacosta' },
  },
} as const;

interface DemoTemplate {
  event: OrderEvent;
  name: string;
  body: string;
  footer: string;
  /** One example value per `{{n}}`, in order: Meta requires examples at creation. */
  example: string[];
}

/** Meta does not allow emoji in text headers, so each title is the body's first (bold) line. */
export const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  {
    event: 'order_placed',
    name: 'pedido_confirmado',
    body: '*✅ Pedido Confirmado*\n\nOlá {{1}},\nSeu pedido #{{2}} foi confirmado!\n\n💰 Total: R$ {{3}}\n📅 Previsão de envio: {{4}}',
    footer: 'Obrigado pela preferência!',
    example: ['Maria', '1042', '189,90', '12/05/2025'],
  },
  {
    event: 'order_processing',
    name: 'pedido_em_processamento',
    body: '*⚙️ Pedido em Processamento*\n\nOlá {{1}},\nSeu pedido #{{2}} está sendo preparado.\n\n📅 Previsão de envio: {{3}}',
    footer: 'Obrigado pela preferência!',
    example: ['Maria', '1042', '12/05/2025'],
  },
  {
    event: 'shipment_created',
    name: 'pedido_enviado',
    body: '*📦 Atualização do Pedido*\n\nOlá {{1}},\nSeu pedido #{{2}} foi enviado!\n\n🚚 Transportadora: {{3}}\n📋 Código de rastreio: {{4}}\n🔗 Rastreie em: {{5}}',
    footer: 'Obrigado pela sua compra!',
    example: ['Maria', '1042', 'Correios', 'BR123456789BR', 'https://rastreamento.correios.com.br'],
  },
  {
    event: 'shipment_delivered',
    name: 'pedido_entregue',
    body: '*📬 Pedido Entregue*\n\nOlá {{1}},\nSeu pedido #{{2}} foi entregue!\n\n📅 Entregue em: {{3}}',
    footer: 'Esperamos que goste! Alguma dúvida? Responda esta mensagem.',
    example: ['Maria', '1042', '15/05/2025'],
  },
  {
    event: 'order_cancelled',
    name: 'pedido_cancelado',
    body: '*❌ Pedido Cancelado*\n\nOlá {{1}},\nSeu pedido #{{2}} foi cancelado.\n\n📝 Motivo: {{3}}',
    footer: 'Em caso de dúvidas, responda esta mensagem.',
    example: ['Maria', '1042', 'Pagamento não aprovado'],
  },
  {
    event: 'refund_issued',
    name: 'reembolso_emitido',
    body: '*💸 Reembolso Emitido*\n\nOlá {{1}},\nO reembolso do seu pedido #{{2}} foi processado.\n\n💰 Valor: R$ {{3}}',
    footer: 'O valor pode levar alguns dias para aparecer.',
    example: ['Maria', '1042', '189,90'],
  },
];

function demoTemplates(): SandboxTemplate[] {
  return DEMO_TEMPLATES.map((t, i) => ({
    id: String(1_689_556_908_129_800 + i),
    wabaId: DEMO.wabaId,
    name: t.name,
    language: DEMO.language,
    category: 'UTILITY',
    status: 'APPROVED',
    parameterFormat: 'POSITIONAL',
    components: [
      { type: 'BODY', text: t.body, example: { body_text: [t.example] } },
      { type: 'FOOTER', text: t.footer },
    ],
  }));
}

/** A fresh demo world; `now` dates the temporary token. */
export function demoWorld(now: number = Date.now()): SandboxWorld {
  const scopes = ['whatsapp_business_management', 'whatsapp_business_messaging'];
  return {
    apps: [{ id: DEMO.appId, name: DEMO.appName, secret: DEMO.appSecret }],
    wabas: [{ id: DEMO.wabaId, name: 'Loja Demonstração', subscribedApps: [{ appId: DEMO.appId }] }],
    phones: [
      {
        id: DEMO.phoneNumberId,
        wabaId: DEMO.wabaId,
        displayPhoneNumber: DEMO.displayPhoneNumber,
        verifiedName: DEMO.verifiedName,
        qualityRating: 'GREEN',
        throughputLevel: 'STANDARD',
        codeVerificationStatus: 'VERIFIED',
        status: 'CONNECTED',
        registered: true,
        pin: DEMO.pin,
        messagesPerSecond: 80,
      },
    ],
    templates: demoTemplates(),
    tokens: [
      { token: DEMO.accessToken, kind: 'permanent', type: 'SYSTEM_USER', appId: DEMO.appId, userId: '104169029247128', issuedAt: now, scopes, wabaIds: [DEMO.wabaId] },
      {
        token: DEMO.temporaryToken,
        kind: 'temporary',
        expiresAt: now + 24 * 3_600_000,
        type: 'USER',
        appId: DEMO.appId,
        userId: '104169029247129',
        issuedAt: now,
        scopes,
        wabaIds: [DEMO.wabaId],
      },
      { token: DEMO.limitedToken, kind: 'permanent', type: 'SYSTEM_USER', appId: DEMO.appId, userId: '104169029247130', issuedAt: now, scopes: ['whatsapp_business_management'], wabaIds: [] },
    ],
    users: [
      { waId: DEMO.customers.maria.waId, name: DEMO.customers.maria.name },
      { waId: DEMO.customers.joao.waId, name: DEMO.customers.joao.name },
      { waId: DEMO.customers.ana.waId, name: DEMO.customers.ana.name, username: DEMO.customers.ana.username },
    ],
    everyoneOnWhatsApp: true,
    notOnWhatsApp: [DEMO.customers.notOnWhatsApp.waId],
    marketingCapped: [],
    webhookVersion: 'v23.0',
  };
}
