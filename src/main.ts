import 'reflect-metadata';
import { startServer } from './bootstrap.js';
import { ConfigError, loadConfig, readDotEnv } from './config/config.js';

readDotEnv();
try {
  await startServer(loadConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
