import 'reflect-metadata';
import { ConfigError, loadConfig, readDotEnv } from '../config/config.js';
import { dataSourceOptions, openDataSource, runMigrations } from '../database/data-source-options.js';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL or DATABASE_PATH and lists what it did. */
readDotEnv();
try {
  const config = loadConfig();
  const where = config.databaseUrl ? hideSecret(config.databaseUrl) : config.databasePath;
  const dataSource = await openDataSource(
    { ...dataSourceOptions(config), migrationsRun: false, logging: ['error'] },
    false,
  );
  const applied = await runMigrations(dataSource);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}`
      : `${where} is up to date.`,
  );
  await dataSource.destroy();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

/** The address without its password, for the console. */
function hideSecret(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
