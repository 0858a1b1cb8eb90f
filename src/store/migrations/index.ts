// The ordered list of migrations. Add a file `NNNN_name.ts` and list it here; names sort in order,
// and the migrator refuses a database whose history does not match this list.
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_search.js';
import * as m0003 from './0003_read_paths.js';
import * as m0004 from './0004_attachment_token.js';
import * as m0005 from './0005_published_status.js';
import * as m0006 from './0006_supervision.js';
import * as m0007 from './0007_data_version.js';
import * as m0008 from './0008_login_window.js';
import * as m0009 from './0009_oidc.js';
import * as m0010 from './0010_unit_aliases.js';
import * as m0011 from './0011_instruction_report.js';

export interface DubanMigration {
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

export const MIGRATIONS: Record<string, DubanMigration> = {
  '0001_init': m0001,
  '0002_search': m0002,
  '0003_read_paths': m0003,
  '0004_attachment_token': m0004,
  '0005_published_status': m0005,
  '0006_supervision': m0006,
  '0007_data_version': m0007,
  '0008_login_window': m0008,
  '0009_oidc': m0009,
  '0010_unit_aliases': m0010,
  '0011_instruction_report': m0011,
};
