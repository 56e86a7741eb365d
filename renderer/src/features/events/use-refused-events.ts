import { useEffect, useState } from 'react';
import type { TemplateProblem } from '../../../../shared/domain/template-check';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import { useApi } from '../../transport/api-context';

/**
 * The events whose saved template mapping Meta would refuse (a dry run against the sample order,
 * checked against the synced templates), with why. Only when template messages are in use: with
 * plain text, a missing template is a choice, not a mistake; and only once templates were synced.
 */
export function useRefusedEvents(): Partial<Record<OrderEvent, TemplateProblem[]>> {
  const api = useApi();
  const [refused, setRefused] = useState<Partial<Record<OrderEvent, TemplateProblem[]>>>({});
  useEffect(() => {
    let live = true;
    void (async () => {
      const [settings, synced] = await Promise.all([api.call('templates.getSettings', {}), api.call('templates.list', {})]);
      // Before the first sync every template looks missing: nothing to say yet.
      // (Rows a template-status webhook wrote have no components: not a sync.)
      if (!settings.useTemplates || synced.every((template) => template.components === null)) return;
      const checks = await Promise.all(
        ORDER_EVENTS.map((event) =>
          api.call('templates.dryRun', { event }).then(
            (result) => [event, result.problems] as const,
            // A failed check says nothing about Meta: no warning rather than a wrong one.
            () => [event, []] as const,
          ),
        ),
      );
      if (live) setRefused(Object.fromEntries(checks.filter(([, problems]) => problems.length > 0)));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return refused;
}
