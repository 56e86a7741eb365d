/** Meta's charge for a message and the Status cost card's rates per country. Spread into `en.ts`. */
export const pricingEn = {
  pricing: {
    charge: {
      charged: 'charged by Meta',
      charged_in_window: 'charged by Meta (since October 1, 2026 Meta also charges inside the 24-hour customer service window)',
      free_customer_service: 'free: inside the 24-hour customer service window',
      free_entry_point: 'free: free entry point window (the customer came from an ad or a WhatsApp button)',
      free: 'free: Meta reported it as not billable',
    },
    region: { BR: 'Brazil (+55)', other: 'Other countries' },
    country: 'Country',
    free: 'Free',
    converted: 'In reais: {{amount}} (your rate: {{rate}} per US$ 1)',
    ratesHint: 'Meta’s list rates for Brazil (Jan 2026), in US dollars. Meta changes them every quarter: match them to your invoice.',
    conversion: 'Dollar exchange rate (R$ per US$ 1)',
    conversionHelp: 'Optional. When set, the cost is also shown in reais.',
  },
};
