import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../transport/api-context';

/** One form on screen that may hold edits not saved yet. */
export interface UnsavedForm {
  isDirty(): boolean;
  /** Validates and saves; true when saved (errors are then shown at the fields, and the owner stays). */
  save(): Promise<boolean>;
}

interface Registry {
  register(id: string, form: UnsavedForm): () => void;
  /** Runs `leave` now when nothing is unsaved; otherwise asks first (keep editing, discard, save). */
  confirmLeave(leave: () => void): void;
  /** Whether any form on screen has unsaved edits. */
  anyDirty(): boolean;
}

const UnsavedContext = createContext<Registry | null>(null);

/**
 * The one place that knows about unsaved edits: every form registers here (`useUnsavedChanges`,
 * which `useSettingsForm` does for you), navigation asks `confirmLeave` before it changes screen,
 * and closing the browser tab asks the browser's own question (the desktop window hides instead).
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const forms = useRef(new Map<string, UnsavedForm>());
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [saving, setSaving] = useState(false);

  const dirtyForms = () => [...forms.current.values()].filter((f) => f.isDirty());
  const registry = useMemo<Registry>(
    () => ({
      register(id, form) {
        forms.current.set(id, form);
        return () => {
          forms.current.delete(id);
        };
      },
      confirmLeave(leave) {
        if ([...forms.current.values()].some((f) => f.isDirty())) setPending(() => leave);
        else leave();
      },
      anyDirty: () => [...forms.current.values()].some((f) => f.isDirty()),
    }),
    [],
  );

  const transport = useApi().transport;
  useEffect(() => {
    // Closing the desktop window only hides it in the tray, edits and all; a blocked unload there
    // would silently stop "Sair" from quitting. In a browser tab, the browser asks its own question.
    if (transport !== 'web') return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!registry.anyDirty()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [registry, transport]);

  const leave = () => {
    const go = pending;
    setPending(null);
    go?.();
  };
  const saveAndLeave = async () => {
    setSaving(true);
    try {
      const results = await Promise.all(dirtyForms().map((f) => f.save()));
      if (results.every(Boolean)) leave();
      else setPending(null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <UnsavedContext.Provider value={registry}>
      {children}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('unsaved.title')} data-testid="unsaved-dialog">
        <Stack>
          <Text size="sm">{t('unsaved.text')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} data-testid="unsaved-keep" data-autofocus>
              {t('unsaved.keepEditing')}
            </Button>
            <Button color="red" variant="light" onClick={leave} data-testid="unsaved-discard">
              {t('unsaved.discard')}
            </Button>
            <Button onClick={() => void saveAndLeave()} loading={saving} data-testid="unsaved-save">
              {t('unsaved.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </UnsavedContext.Provider>
  );
}

/** The registry, for navigation: `confirmLeave(() => navigate(...))`. Outside the provider nothing is guarded. */
export function useLeaveGuard(): Registry['confirmLeave'] {
  const registry = useContext(UnsavedContext);
  return useCallback((leave: () => void) => (registry ? registry.confirmLeave(leave) : leave()), [registry]);
}

/** Registers a form while it is mounted, so leaving its screen with edits asks first. */
export function useUnsavedChanges(form: UnsavedForm): void {
  const registry = useContext(UnsavedContext);
  const id = useId();
  const latest = useRef(form);
  latest.current = form;
  useEffect(() => {
    if (!registry) return;
    return registry.register(id, { isDirty: () => latest.current.isDirty(), save: () => latest.current.save() });
  }, [registry, id]);
}
