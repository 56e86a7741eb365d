import type { GroupHandlers } from '../contract/handlers';
import type { backupMethods } from '../../../shared/contract/methods/backup';
import type { BackupService } from './backup-service';

export function backupHandlers(service: BackupService): GroupHandlers<typeof backupMethods> {
  return {
    'backup.overview': () => service.overview(),
    'backup.runNow': () => service.runNow(),
    'backup.export': () => service.exportNow(),
    'backup.restore': ({ file }) => service.stageRestore(file),
  };
}
