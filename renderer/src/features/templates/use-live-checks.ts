import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { TemplateDryRun } from '../../../../shared/contract/methods/templates';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import { templateMappingSchema, type TemplateMapping, type TemplatesSettings } from '../../../../shared/settings/templates';
import { useApi } from '../../transport/api-context';

export type LiveCheck =
  | { state: 'loading' }
  /** The mapping does not pass the schema yet (the form shows why under the fields). */
  | { state: 'invalid' }
  | { state: 'ready'; result: TemplateDryRun }
  | { state: 'error'; error: unknown };

/**
 * The mapping as the core should render it while it is being edited: an empty language is the
 * form's default language, which may not be saved yet.
 */
export function resolvedMapping(mapping: TemplateMapping, defaultLanguage: string): TemplateMapping {
  return { ...mapping, language: mapping.language || defaultLanguage };
}

/** Same mapping, same key: a dry run or preview is only shown for the mapping it was made for. */
export const mappingKey = (mapping: TemplateMapping) => JSON.stringify(mapping);

const ALL_LOADING = Object.fromEntries(ORDER_EVENTS.map((e) => [e, { state: 'loading' }])) as Record<OrderEvent, LiveCheck>;

/**
 * Dry runs of the six mappings on screen against the sample order, redone (debounced) when one
 * changes or the synced templates do. They feed the previews and the "Meta would refuse" warnings;
 * they are all local, so six of them cost nothing.
 */
export function useLiveChecks(events: TemplatesSettings['events'], defaultLanguage: string, templatesVersion: number): Record<OrderEvent, LiveCheck> {
  const api = useApi();
  const requests = ORDER_EVENTS.map((event) => {
    const mapping = resolvedMapping(events[event], defaultLanguage);
    return { event, mapping, valid: templateMappingSchema.safeParse(mapping).success, key: `${templatesVersion}|${mappingKey(mapping)}` };
  });
  const [debounced] = useDebouncedValue(JSON.stringify(requests), 250);
  const [checks, setChecks] = useState(ALL_LOADING);
  const asked = useRef<Partial<Record<OrderEvent, string>>>({});

  useEffect(() => {
    const set = (event: OrderEvent, key: string, check: LiveCheck) => {
      // An answer for a mapping that changed since is dropped: a newer one is on its way.
      if (asked.current[event] === key) setChecks((current) => ({ ...current, [event]: check }));
    };
    for (const request of JSON.parse(debounced) as typeof requests) {
      if (asked.current[request.event] === request.key) continue;
      asked.current[request.event] = request.key;
      if (!request.valid) {
        set(request.event, request.key, { state: 'invalid' });
        continue;
      }
      api.call('templates.dryRun', { event: request.event, mapping: request.mapping }).then(
        (result) => set(request.event, request.key, { state: 'ready', result }),
        (error: unknown) => set(request.event, request.key, { state: 'error', error }),
      );
    }
  }, [api, debounced]);

  return checks;
}
