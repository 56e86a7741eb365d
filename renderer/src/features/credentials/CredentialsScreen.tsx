import type { GetInputPropsReturnType } from '@mantine/form';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveCredentialsSchema, type CredentialsView, type SaveCredentialsInput } from '../../../../shared/settings/credentials';
import { useSettingsForm } from '../../forms/use-settings-form';
import { useContractQuery } from '../../transport/api-context';
import { ScreenState } from '../../app/ScreenState';
import { SecretField } from './SecretField';
import { TestConnection } from './TestConnection';
import { ScreenPage } from '../../app/ScreenPage';

type FormValues = {
  accessToken: string;
  appSecret: string;
  phoneNumberId: string;
  appId: string;
  businessAccountId: string;
  apiVersion: string;
};

const PLAIN_FIELDS = ['phoneNumberId', 'appId', 'businessAccountId', 'apiVersion'] as const;

export function CredentialsScreen() {
  const { state, setData } = useContractQuery('credentials.get', {});
  return <ScreenState state={state}>{(view) => <CredentialsForm view={view} onSaved={setData} />}</ScreenState>;
}

function CredentialsForm({ view, onSaved }: { view: CredentialsView; onSaved(view: CredentialsView): void }) {
  const { t } = useTranslation();
  const [cleared, setCleared] = useState({ accessToken: false, appSecret: false });

  // Blank secret = keep the saved one; "Remove" = null; anything typed replaces it.
  const toInput = (values: FormValues): SaveCredentialsInput => ({
    phoneNumberId: values.phoneNumberId,
    appId: values.appId,
    businessAccountId: values.businessAccountId,
    apiVersion: values.apiVersion,
    ...(cleared.accessToken ? { accessToken: null } : values.accessToken.trim() ? { accessToken: values.accessToken } : {}),
    ...(cleared.appSecret ? { appSecret: null } : values.appSecret.trim() ? { appSecret: values.appSecret } : {}),
  });

  const { form, saving, submit } = useSettingsForm({
    initialValues: {
      accessToken: '',
      appSecret: '',
      phoneNumberId: view.phoneNumberId,
      appId: view.appId,
      businessAccountId: view.businessAccountId,
      apiVersion: view.apiVersion,
    },
    schema: saveCredentialsSchema,
    toInput,
    method: 'credentials.save',
    onSaved: (saved, f) => {
      onSaved(saved);
      setCleared({ accessToken: false, appSecret: false });
      f.setValues({ accessToken: '', appSecret: '' });
      f.resetDirty();
    },
  });

  return (
    <ScreenPage title={t('credentials.title')} subtitle={t('credentials.path')} maw={860}>
      <Alert color="yellow">{t('credentials.tokenAdvice')}</Alert>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <SecretField
              name="accessToken"
              summary={view.accessToken}
              cleared={cleared.accessToken}
              onClearChange={(value) => setCleared((c) => ({ ...c, accessToken: value }))}
              inputProps={form.getInputProps('accessToken')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {PLAIN_FIELDS.slice(0, 2).map((name) => (
                <PlainField key={name} name={name} inputProps={form.getInputProps(name)} />
              ))}
            </SimpleGrid>
            <SecretField
              name="appSecret"
              summary={view.appSecret}
              cleared={cleared.appSecret}
              onClearChange={(value) => setCleared((c) => ({ ...c, appSecret: value }))}
              inputProps={form.getInputProps('appSecret')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {PLAIN_FIELDS.slice(2).map((name) => (
                <PlainField key={name} name={name} inputProps={form.getInputProps(name)} />
              ))}
            </SimpleGrid>
            <Group justify="space-between" align="flex-start">
              <TestConnection validate={() => !form.validate().hasErrors} />
              <Button type="submit" loading={saving} data-testid="save-credentials">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </ScreenPage>
  );
}

function PlainField({ name, inputProps }: { name: (typeof PLAIN_FIELDS)[number]; inputProps: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t(`credentials.fields.${name}.label`)}
      description={t(`credentials.fields.${name}.help`)}
      inputMode={name === 'apiVersion' ? 'text' : 'numeric'}
      autoComplete="off"
      data-testid={`field-${name}`}
      {...inputProps}
    />
  );
}
