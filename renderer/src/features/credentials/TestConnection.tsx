import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCheck } from '../../../../shared/contract/methods/credentials';
import { formatDateTime } from '../../format/format';
import { MetaProblem } from '../status/MetaProblem';
import { useContractAction } from '../../forms/use-contract-action';

export const SYSTEM_USER_TOKEN_HELP =
  'https://developers.facebook.com/docs/whatsapp/business-management-api/get-started#1--acquire-an-access-token-using-a-system-user-or-facebook-login';

/**
 * "Test connection": is the number reachable, and is the token permanent or about to expire.
 * `validate` checks the form first (its errors appear under the fields) so a form full of mistakes
 * is never answered "connected"; in Sandbox mode the answer says it tested the simulated Meta.
 */
export function TestConnection({ validate }: { validate?: () => boolean }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<TokenCheck | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // The answer (or the failure in words) is shown under the button, not in a notification.
  const testing = useContractAction('credentials.test', { quietFailure: true, onSuccess: setResult, onError: (_error, message) => setFailure(message) });
  const running = testing.busy;
  const run = async () => {
    setFailure(null);
    setResult(null);
    if (validate && !validate()) {
      setFailure(t('credentials.test.fixFields'));
      return;
    }
    await testing.run({});
  };

  const token = result?.token;
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="light" onClick={() => void run()} loading={running} data-testid="test-connection">
          {t('credentials.test.button')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" data-testid="test-failure">
          {failure}
        </Alert>
      )}
      {result && (
        <Stack gap="xs" data-testid="test-result">
          {result.api.state === 'connected' ? (
            <Alert color="teal" title={t(result.mode === 'sandbox' ? 'credentials.test.connectedSandbox' : 'credentials.test.connected')} data-testid="test-connected">
              {t('credentials.test.number', { name: result.api.verifiedName ?? '', number: result.api.displayPhoneNumber ?? '' })}
              {result.mode === 'sandbox' && (
                <Text size="sm" mt={4}>
                  {t('credentials.test.sandboxNote')}
                </Text>
              )}
            </Alert>
          ) : (
            result.api.problem && <MetaProblem problem={result.api.problem} />
          )}
          {token?.kind === 'permanent' && <Alert color="teal">{t('credentials.test.permanent')}</Alert>}
          {token?.kind === 'temporary' && (
            <Alert color="orange" title={t('credentials.test.temporary')}>
              <Text size="sm">
                {token.expiresAt ? t('credentials.test.expiresAt', { when: formatDateTime(token.expiresAt, i18n.language) }) : null}
              </Text>
              <Text size="sm">
                {t('credentials.test.temporaryAdvice')}{' '}
                <Anchor href={SYSTEM_USER_TOKEN_HELP} target="_blank" rel="noopener noreferrer">
                  {t('credentials.test.howTo')}
                </Anchor>
              </Text>
            </Alert>
          )}
          {token?.kind === 'invalid' && <Alert color="red">{t('meta.problem.token_invalid')}</Alert>}
          {token?.kind === 'unknown' && token.reason && <Alert color="gray">{t(`credentials.test.unknown.${token.reason}`)}</Alert>}
          {token?.problem && <MetaProblem problem={token.problem} />}
          {token && token.missingScopes.length > 0 && (
            <Alert color="orange" title={t('credentials.test.missingScopes')}>
              <List size="sm">
                {token.missingScopes.map((scope) => (
                  <List.Item key={scope}>{scope}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
