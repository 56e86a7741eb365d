/**
 * Meta's enum values in the owner's words (`metaValue.<field>.<VALUE>`, shown by
 * features/common/meta-words.tsx with the code in a tooltip). Spread into `en.ts`.
 */
export const valuesEn = {
  metaValue: {
    unknown: 'Another Meta value',
    status: {
      CONNECTED: 'Connected',
      PENDING: 'Pending',
      DISCONNECTED: 'Disconnected',
      FLAGGED: 'Flagged by Meta',
      RESTRICTED: 'Restricted',
      BANNED: 'Banned',
      DELETED: 'Deleted',
      MIGRATED: 'Migrated',
      RATE_LIMITED: 'Limited for sending too much',
      UNVERIFIED: 'Not verified',
      UNKNOWN: 'Unknown',
    },
    quality: { GREEN: 'High (green)', YELLOW: 'Medium (yellow)', RED: 'Low (red)', UNKNOWN: 'Not rated yet', NA: 'Not rated yet' },
    nameStatus: {
      APPROVED: 'Approved',
      AVAILABLE_WITHOUT_REVIEW: 'Available without review',
      PENDING_REVIEW: 'Under review',
      DECLINED: 'Declined',
      EXPIRED: 'Expired',
      NON_EXISTS: 'No display name',
      NONE: 'No display name',
    },
    codeVerification: { VERIFIED: 'Verified', NOT_VERIFIED: 'Not verified', EXPIRED: 'Verification expired' },
    platform: { CLOUD_API: "Meta's Cloud API", ON_PREMISE: 'On-premises API (own server)', NOT_APPLICABLE: 'Not applicable' },
    throughput: { STANDARD: 'Standard (up to 80 messages per second)', HIGH: 'High (up to 1,000 messages per second)', NOT_APPLICABLE: 'Not applicable' },
    limit: {
      TIER_50: 'Up to 50 customers a day',
      TIER_250: 'Up to 250 customers a day',
      TIER_1K: 'Up to 1,000 customers a day',
      TIER_2K: 'Up to 2,000 customers a day',
      TIER_10K: 'Up to 10,000 customers a day',
      TIER_100K: 'Up to 100,000 customers a day',
      TIER_UNLIMITED: 'No daily limit',
    },
    accountMode: { LIVE: 'Live', SANDBOX: 'Test (development)' },
    tokenType: { SYSTEM_USER: 'System user', USER: 'Personal user', PAGE: 'Page', APP: 'App' },
    scope: {
      whatsapp_business_messaging: 'send messages',
      whatsapp_business_management: 'manage the WhatsApp Business account',
      business_management: 'manage the business portfolio',
      whatsapp_business_manage_events: 'record conversion events',
    },
    pricingCategory: {
      utility: 'Utility',
      marketing: 'Marketing',
      marketing_lite: 'Marketing (lite)',
      authentication: 'Authentication',
      authentication_international: 'International authentication',
      service: 'Service',
      referral_conversion: 'Conversation started from an ad',
    },
  },
};
