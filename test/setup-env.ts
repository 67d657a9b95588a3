// Fixed, and deliberately not Vietnam's: code must never rely on the machine's time zone.
process.env.TZ = 'UTC';
