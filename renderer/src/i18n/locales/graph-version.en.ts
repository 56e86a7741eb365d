/** The Status notice about the configured Graph API version's end date. Spread into `en.ts`. */
export const graphVersionEn = {
  graphVersion: {
    expiringTitle: 'Meta’s API version is about to stop working',
    expiring: 'Meta stops serving Graph API version {{version}} on {{date, datetime(day: 2-digit; month: 2-digit; year: numeric; timeZone: UTC)}}. Before then, switch to {{newest}} in API credentials (or use the Diagnostics fix); otherwise sending stops.',
    expiredTitle: 'Meta’s API version no longer works',
    expired: 'Meta stopped serving Graph API version {{version}} on {{date, datetime(day: 2-digit; month: 2-digit; year: numeric; timeZone: UTC)}}. Switch to {{newest}} in API credentials (or use the Diagnostics fix).',
    retired: 'Meta no longer serves Graph API version {{version}}. Switch to {{newest}} in API credentials (or use the Diagnostics fix).',
    openCredentials: 'Open API credentials',
  },
};
