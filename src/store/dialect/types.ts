// What differs between SQLite and PostgreSQL, behind one interface. Nothing outside
// src/store/dialect branches on the dialect name (Kysely CONTRIBUTING: dialect-agnostic core).
import type { ColumnDefinitionBuilder, CreateTableBuilder, Dialect } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreDialect {
  name: DialectName;
  /** The Kysely dialect to construct the database with. */
  kysely(): Dialect;
  /** Adds an auto-incrementing integer primary key column named `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Column type for binary content (attachments, backups). */
  blobType: 'blob' | 'bytea';
  /** Modifier for an integer foreign-key column referencing `table(id)`. */
  references(table: string, onDelete?: 'cascade' | 'set null'): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** Copies the live database to a file (SQLite online backup); absent where the server has its own tools (pg_dump). */
  backup?(file: string): Promise<void>;
  /** Closes pools and handles. */
  destroy?(): Promise<void>;
}
