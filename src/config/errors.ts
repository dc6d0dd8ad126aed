/**
 * The environment holds bad values; `problems` has one line per value, naming its variable
 * first. Its own module so that the CLI can recognise it without loading what the check reads.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`bad environment: ${problems.join('; ')}`);
  }
}
