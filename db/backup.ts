import { existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/**
 * Online backup of a SQLite database with SQLite's backup API: consistent even while the server
 * keeps writing (WAL lets the copy read a snapshot), so it needs no downtime.
 */
export async function backupSqlite(dbPath: string, destPath: string): Promise<{ pages: number }> {
  const src = new SQLite(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tmp = `${destPath}.partial`;
    rmSync(tmp, { force: true });
    const r = await src.backup(tmp);
    renameSync(tmp, destPath); // a half-written backup never carries the final name
    return { pages: r.totalPages };
  } finally {
    src.close();
  }
}

/**
 * Restores a backup over a database file. Stop the server first: the restore replaces the file
 * under it. The integrity of the backup is checked before anything is overwritten.
 */
export async function restoreSqlite(backupPath: string, dbPath: string): Promise<void> {
  const backup = new SQLite(backupPath, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${backupPath} is damaged: ${String(check)}`);
    const tmp = `${dbPath}.restoring`;
    rmSync(tmp, { force: true });
    await backup.backup(tmp);
    for (const ext of ['-wal', '-shm']) if (existsSync(dbPath + ext)) rmSync(dbPath + ext);
    renameSync(tmp, dbPath);
  } finally {
    backup.close();
  }
}
