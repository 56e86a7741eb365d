import type { SameShape } from './same-shape';
import type { metaPtBR } from './meta.pt-BR';

/**
 * Meta's vocabulary shown on several screens: Graph API problems (`meta.problem.*`, emitted by the
 * core), Meta's enum values (`metaValue.<field>.<VALUE>`, shown by features/common/meta-words.tsx
 * with the code in a tooltip), pricing and the Graph API version notices. (English: same keys as
 * the pt-BR file, checked by the compiler).
 */
export const metaEn: SameShape<typeof metaPtBR> = {
  meta: {
    problem: {
      not_configured: 'Credentials not filled in. Enter the access token and the phone number ID in API credentials.',
      token_expired: 'The access token expired. Create a permanent System User token and save it in API credentials.',
      token_invalid: 'The access token is invalid. Copy the whole token from Meta Business Manager again.',
      permission: 'The token has no permission for this account. Give the System User access to the WhatsApp account and the whatsapp_business_messaging and whatsapp_business_management permissions.',
      wrong_id: 'Meta could not find this ID. Check the phone number ID and the account ID in API Setup.',
      not_in_allowed_list: 'Test number: the recipient is not in the allowed list. Add it at Meta or use a real number.',
      account_blocked: 'The WhatsApp Business account is blocked or has a payment problem. See WhatsApp Manager.',
      not_registered: 'The number is not registered with the API. Use Tools → Register number.',
      rate_limited: 'Too many calls to Meta right now. Recado will try again by itself.',
      network: 'No connection to Meta. Check this computer’s internet.',
      timeout: 'Meta took too long to answer. Try again in a moment.',
      meta_unavailable: 'Meta is unstable right now. Recado will try again by itself.',
      other: 'Meta refused the request. See Meta’s message below.',
    },
    said: 'Meta said: {{text}}',
  },
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
    quality: {
      GREEN: 'High (green)',
      YELLOW: 'Medium (yellow)',
      RED: 'Low (red)',
      UNKNOWN: 'Not rated yet',
      NA: 'Not rated yet',
    },
    nameStatus: {
      APPROVED: 'Approved',
      AVAILABLE_WITHOUT_REVIEW: 'Available without review',
      PENDING_REVIEW: 'Under review',
      DECLINED: 'Declined',
      EXPIRED: 'Expired',
      NON_EXISTS: 'No display name',
      NONE: 'No display name',
    },
    codeVerification: {
      VERIFIED: 'Verified',
      NOT_VERIFIED: 'Not verified',
      EXPIRED: 'Verification expired',
    },
    platform: {
      CLOUD_API: "Meta's Cloud API",
      ON_PREMISE: 'On-premises API (own server)',
      NOT_APPLICABLE: 'Not applicable',
    },
    throughput: {
      STANDARD: 'Standard (up to 80 messages per second)',
      HIGH: 'High (up to 1,000 messages per second)',
      NOT_APPLICABLE: 'Not applicable',
    },
    limit: {
      TIER_50: 'Up to 50 customers a day',
      TIER_250: 'Up to 250 customers a day',
      TIER_1K: 'Up to 1,000 customers a day',
      TIER_2K: 'Up to 2,000 customers a day',
      TIER_10K: 'Up to 10,000 customers a day',
      TIER_100K: 'Up to 100,000 customers a day',
      TIER_UNLIMITED: 'No daily limit',
    },
    accountMode: {
      LIVE: 'Live',
      SANDBOX: 'Test (development)',
    },
    tokenType: {
      SYSTEM_USER: 'System user',
      USER: 'Personal user',
      PAGE: 'Page',
      APP: 'App',
    },
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
  pricing: {
    charge: {
      charged: 'charged by Meta',
      charged_in_window: 'charged by Meta (since October 1, 2026 Meta also charges inside the 24-hour customer service window)',
      free_customer_service: 'free: inside the 24-hour customer service window',
      free_entry_point: 'free: free entry point window (the customer came from an ad or a WhatsApp button)',
      free: 'free: Meta reported it as not billable',
    },
    region: {
      BR: 'Brazil (+55)',
      other: 'Other countries',
    },
    country: 'Country',
    free: 'Free',
    converted: 'In reais: {{amount}} (your rate: {{rate}} per US$ 1)',
    ratesHint: 'Meta’s list rates for Brazil (Jan 2026), in US dollars. Meta changes them every quarter: match them to your invoice.',
    conversion: 'Dollar exchange rate (R$ per US$ 1)',
    conversionHelp: 'Optional. When set, the cost is also shown in reais.',
  },
  graphVersion: {
    expiringTitle: 'Meta’s API version is about to stop working',
    expiring: 'Meta stops serving Graph API version {{version}} on {{date, datetime(day: 2-digit; month: 2-digit; year: numeric; timeZone: UTC)}}. Before then, switch to {{newest}} in API credentials (or use the Diagnostics fix); otherwise sending stops.',
    expiredTitle: 'Meta’s API version no longer works',
    expired: 'Meta stopped serving Graph API version {{version}} on {{date, datetime(day: 2-digit; month: 2-digit; year: numeric; timeZone: UTC)}}. Switch to {{newest}} in API credentials (or use the Diagnostics fix).',
    retired: 'Meta no longer serves Graph API version {{version}}. Switch to {{newest}} in API credentials (or use the Diagnostics fix).',
    openCredentials: 'Open API credentials',
  },
};
