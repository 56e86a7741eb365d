import { createNotificationQueries } from '../notifications/notification-queries';
import type { GroupHandlers } from '../contract/handlers';
import type { doctorMethods } from '../../../shared/contract/methods/doctor';
import type { CoreContext } from '../core-context';
import type { DoctorDeps } from './check-kit';
import { applyFix } from './fixes';
import { lastDoctorResult, runDoctor } from './run-doctor';
import { writeSupportBundle } from './support-bundle';

export function doctorHandlers(ctx: CoreContext, deps: DoctorDeps): GroupHandlers<typeof doctorMethods> {
  return {
    'doctor.run': () => runDoctor(ctx, deps),
    'doctor.last': () => lastDoctorResult(ctx),
    'doctor.fix': async (input) => {
      await applyFix(ctx, deps, input);
      ctx.logger.info('doctor fix applied', { fix: input.fix });
      return runDoctor(ctx, deps);
    },
    'doctor.supportBundle': () => writeSupportBundle(ctx),
    'doctor.messageReceipts': ({ wamid }) => ({
      wamid,
      statuses: createNotificationQueries(ctx.db).receipts(wamid),
    }),
  };
}
