/**
 * The API credentials screen (features/credentials). (pt-BR, the reference).
 */
export const credentialsPtBR = {
  title: 'Credenciais da API',
  path: 'Meta Business Manager → WhatsApp → Configuração da API',
  tokenAdvice: 'Use um token permanente de Usuário do Sistema do Meta Business Manager. Tokens temporários expiram em 24 horas e não devem ser usados em produção.',
  secretSaved: 'Salvo: ••••{{last4}}',
  secretNotSet: 'Não definido',
  keepPlaceholder: 'Deixe em branco para manter o salvo',
  clearSecret: 'Remover',
  secretRemoved: 'Será removido ao salvar',
  undoClear: 'Desfazer',
  test: {
    button: 'Testar conexão',
    connected: 'Conectado à Meta',
    connectedSandbox: 'Conectado à Meta simulada (modo Sandbox)',
    sandboxNote: 'O teste usou a Meta simulada do Sandbox e o número de demonstração, não a Meta de verdade. As credenciais deste formulário só são usadas quando o Sandbox está desligado.',
    fixFields: 'Corrija os campos marcados antes de testar.',
    number: '{{name}} · {{number}}',
    permanent: 'Token permanente (Usuário do Sistema): não expira.',
    temporary: 'Token temporário',
    expiresAt: 'Expira em {{when}}.',
    temporaryAdvice: 'Quando expirar, os envios param. Troque por um token permanente de Usuário do Sistema.',
    howTo: 'Como criar um token permanente',
    missingScopes: 'Permissões que faltam no token',
    unknown: {
      token_missing: 'Salve o token de acesso para testar.',
      app_credentials_missing: 'Para saber se o token é permanente, salve também o ID do app e a chave secreta do app.',
      check_failed: 'Não foi possível verificar o tipo do token.',
    },
  },
  fields: {
    accessToken: {
      label: 'Token de acesso',
      help: 'Token permanente de Usuário do Sistema',
    },
    phoneNumberId: {
      label: 'ID do número de telefone',
      help: 'ID numérico em Configuração da API',
    },
    appId: {
      label: 'ID do app',
      help: 'Identificador do app na Meta',
    },
    appSecret: {
      label: 'Chave secreta do app',
      help: 'Usada para verificar a assinatura do webhook',
    },
    businessAccountId: {
      label: 'ID da conta do WhatsApp Business',
      help: 'Aparece no painel da Meta, em WhatsApp → Configuração da API',
    },
    apiVersion: {
      label: 'Versão da API',
      help: 'Versão da Graph API',
    },
  },
};
