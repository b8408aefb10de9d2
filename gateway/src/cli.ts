/**
 * citizen-portal-gateway: the gateway on Node from the command line.
 *
 *   citizen-portal-gateway --upstream https://city.example/open311/v2 --allow-origin https://www.city.example
 *
 * Every setting is also an environment variable (API_KEY, REDIS_URL, …) and a key of a JSON file (--config
 * gateway.json or CONFIG_FILE); the command line wins over the environment, which wins over the file. Secrets
 * (API_KEY, CAPTCHA_SECRET, FORM_SECRET) belong in the environment or the file, not in the command line.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, envName, loadConfig, SETTINGS } from './config';
import { startGateway } from './node';

const USAGE = `Usage: citizen-portal-gateway --upstream <GeoReport v2 base URL> --allow-origin <https://www.city.example> [options]

Options (each also an environment variable, e.g. --redis-url = REDIS_URL, and a key of the --config JSON file):
  --config <file>           a JSON file of settings (camelCase keys: {"upstream": "…", "allowOrigins": ["…"]})
  --allow-origin <origin>   may be repeated
${SETTINGS.map((k) => `  --${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} (${envName(k)})`).join('\n')}
`;

function parseArgs(argv: string[]) {
  const out: Record<string, unknown> = {};
  let configFile: string | undefined;
  const origins: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const m = arg.match(/^--([a-z0-9-]+)(?:=(.*))?$/);
    if (!m) throw new ConfigError(`unexpected argument "${arg}" (see --help)`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`--${m[1]} needs a value`);
    const key = m[1]!.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (key === 'config') configFile = value;
    else if (key === 'allowOrigin' || key === 'allowOrigins') origins.push(value);
    else if ((SETTINGS as string[]).includes(key)) out[key] = value;
    else throw new ConfigError(`unknown option --${m[1]} (see --help)`);
  }
  if (origins.length) out.allowOrigins = origins.join(',');
  return { overrides: out, configFile };
}

function readJson(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`CONFIG_FILE: cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    const v = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    return v;
  } catch (e) {
    throw new ConfigError(`CONFIG_FILE: ${path} is not a JSON object of settings: ${(e as Error).message}`);
  }
}

try {
  const { overrides, configFile } = parseArgs(process.argv.slice(2));
  const file = configFile ?? process.env.CONFIG_FILE;
  const config = loadConfig({ file: file ? readJson(file) : {}, env: process.env, overrides });
  const gateway = await startGateway(config);
  const stop = () => {
    void gateway.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`citizen-portal-gateway: configuration error:\n  ${e.message.replace(/\n/g, '\n  ')}\n`);
    process.exit(2);
  }
  throw e;
}
