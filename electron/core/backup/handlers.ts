import type { HandlersFor } from '../contract/handlers';
import type { BackupService } from './backup-service';

export function backupHandlers(service: BackupService): HandlersFor<'backup.overview' | 'backup.runNow' | 'backup.export' | 'backup.restore'> {
  return {
    'backup.overview': () => service.overview(),
    'backup.runNow': () => service.runNow(),
    'backup.export': () => service.exportNow(),
    'backup.restore': ({ file }) => service.stageRestore(file),
  };
}
